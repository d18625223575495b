//! `lanyard series sync [--workspace DIR] [--adopt] [--dry-run]`: regenerates every series
//! header and prints the files changed (none on a second run); `series list` shows the
//! series and their parts; `series set NAME` stores a display name or article, and
//! `series template LANG [TEXT]` shows or edits a language's sentence.

use std::path::{Path, PathBuf};

use lanyard::data_dir::data_dir;
use lanyard::series::names::clean_line;
use lanyard::series::settings::header_lang;
use lanyard::series::{plan_sync, workspace_series, SeriesSettings, SyncOptions};
use lanyard::Result;

use super::series_args::{apply_and_print, load_settings, shown};
use super::workspace_arg::open_workspace;
use super::EXIT_OK;

/// Arguments of `lanyard series`.
#[derive(Debug, clap::Args)]
pub struct SeriesArgs {
    #[command(subcommand)]
    command: SeriesCommand,
}

/// The `series` subcommands.
#[derive(Debug, clap::Subcommand)]
enum SeriesCommand {
    /// Regenerate every series header (idempotent); prints the files changed.
    Sync {
        /// Replace hand-written series lists with the managed header.
        #[arg(long)]
        adopt: bool,
        /// Print the files that would change, write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The site root (default: the current directory).
        #[arg(long, value_name = "DIR")]
        workspace: Option<PathBuf>,
    },
    /// List the series: one line per part, `series<TAB>published|draft<TAB>file`.
    List {
        /// The site root (default: the current directory).
        #[arg(long, value_name = "DIR")]
        workspace: Option<PathBuf>,
    },
    /// Set a series' display name or article ("la", "le", "l'") in the app's settings.
    Set {
        /// The series (its `series:` text).
        name: String,
        /// The name shown in headers.
        #[arg(long)]
        display_name: Option<String>,
        /// The article before the name ("" for none).
        #[arg(long)]
        article: Option<String>,
        /// The site root (default: the current directory).
        #[arg(long, value_name = "DIR")]
        workspace: Option<PathBuf>,
    },
    /// Print the header sentence template of a language, or set it (placeholders
    /// `{ordinal}`, `{article}`, `{name}`).
    Template {
        /// The language (`fr`, `en`).
        lang: String,
        /// The new template; without it, the current one is printed.
        text: Option<String>,
    },
}

/// Runs `lanyard series`.
pub fn run(args: &SeriesArgs) -> Result<u8> {
    match &args.command {
        SeriesCommand::Sync {
            adopt,
            dry_run,
            workspace,
        } => {
            let workspace = open_workspace(workspace.as_deref(), None)?;
            let options = SyncOptions { adopt: *adopt };
            let plan = plan_sync(&workspace, &load_settings()?, options)?;
            for path in &plan.adoptable {
                eprintln!(
                    "{}: has a hand-written series list, left as it is (--adopt replaces it)",
                    shown(&workspace, path)
                );
            }
            for (path, reason) in &plan.skipped {
                eprintln!("{}: skipped: {reason}", shown(&workspace, path));
            }
            apply_and_print(&workspace, &plan.changes, *dry_run)?;
        }
        SeriesCommand::List { workspace } => {
            let workspace = open_workspace(workspace.as_deref(), None)?;
            for series in workspace_series(&workspace) {
                for part in &series.parts {
                    let state = if part.published { "published" } else { "draft" };
                    println!("{}\t{state}\t{}", series.name, part.rel_path);
                }
            }
        }
        SeriesCommand::Set {
            name,
            display_name,
            article,
            workspace,
        } => {
            let workspace = open_workspace(workspace.as_deref(), None)?;
            let dir = data_dir();
            let mut settings = load_settings()?;
            let mut entry: SeriesSettings = settings.series(workspace.root(), name);
            if display_name.is_some() {
                entry.display_name.clone_from(display_name);
            }
            if article.is_some() {
                entry.article.clone_from(article);
            }
            settings.set_series(workspace.root(), name, entry);
            settings.save(&dir)?;
        }
        SeriesCommand::Template { lang, text } => {
            let mut settings = load_settings()?;
            let lang = header_lang(Some(lang));
            match text {
                Some(text) => {
                    let text = clean_line("template", text)?;
                    settings.templates.insert(lang.to_string(), text);
                    settings.save(&data_dir())?;
                }
                None => println!(
                    "{}",
                    settings.wording(Path::new(""), "", Some(lang)).template
                ),
            }
        }
    }
    Ok(EXIT_OK)
}
