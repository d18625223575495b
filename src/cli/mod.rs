//! Argument parsing (clap derive) and dispatch to one file per command.

mod check;
mod fm;
mod mv;
mod new;
mod photos;
mod publish;
mod render;
mod sass;
mod series;
mod series_args;
mod talks;
mod workspace_arg;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: problems found (errors in `check`).
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code: bad usage or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Lanyard: write conference write-ups for a Jekyll blog.
#[derive(Debug, Parser)]
#[command(name = "lanyard", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands; later ones (fm, new, mv, photos, series, talks, publish) join this enum.
#[derive(Debug, Subcommand)]
enum Command {
    /// Print a post's HTML body as Jekyll's kramdown would produce it (`--page`: the whole page).
    Render(render::RenderArgs),
    /// Print the CSS Jekyll writes for a Sass page of the site or its theme.
    Sass(sass::SassArgs),
    /// Report what would break (errors, exit 1) or degrade (warnings) a Jekyll build.
    Check(check::CheckArgs),
    /// Read or edit one front matter key, losslessly (`fm get|set|unset POST KEY`).
    Fm(fm::FmArgs),
    /// Import photos into a post's blog: oriented, sRGB, stripped, resized, named by date.
    Photos(photos::PhotosArgs),
    /// Write a new draft (a new series' first part, or the next part of one); prints its path.
    New(new::NewArgs),
    /// Rename or re-date a post; rewrites every post_url to it; prints the files touched.
    Mv(mv::MvArgs),
    /// Keep series headers in sync (`series sync [--adopt]`), list series, set their wording.
    Series(series::SeriesArgs),
    /// Talks of a conference schedule (.ics): list them, append one's section to a post.
    Talks(talks::TalksArgs),
    /// Publish drafts: checks, the plan, all or nothing, a commit (`--commit`), a push (`--push`).
    Publish(publish::PublishArgs),
}

/// Parses the command line, runs the command and returns its exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    let result = match cli.command {
        Command::Render(args) => render::run(&args),
        Command::Sass(args) => sass::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Photos(args) => photos::run(&args),
        Command::Fm(args) => fm::run(&args),
        Command::New(args) => new::run(&args),
        Command::Mv(args) => mv::run(&args),
        Command::Series(args) => series::run(&args),
        Command::Talks(args) => talks::run(&args),
        Command::Publish(args) => publish::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("lanyard: {}", one_line(&e.to_string()));
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Errors are one line on stderr, whatever the OS message holds.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
