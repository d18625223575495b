//! `lanyard publish POST... [--workspace DIR] [--to REPO] [--commit] [--message M] [--push]
//! [--rebase] [--force] [--dry-run] [--max-image-kb N]`: checks the posts, prints the plan
//! (`--dry-run`), writes it all or nothing, commits exactly its files, and pushes with the
//! user's `git`. Findings go to stderr as `file:line: severity: message`; errors (and
//! warnings without `--force`) exit 1 with nothing written.

use std::path::PathBuf;

use lanyard::data_dir::data_dir;
use lanyard::publish::{
    plan_publish, publish_plan, render_plan, PublishOptions, PublishProgress, PublishSettings,
    PushMode, PushStatus,
};
use lanyard::site::Workspace;
use lanyard::Result;

use super::series_args::load_settings;
use super::workspace_arg::open_workspace;
use super::{EXIT_OK, EXIT_PROBLEMS};

/// Arguments of `lanyard publish`.
#[derive(Debug, clap::Args)]
pub struct PublishArgs {
    /// The drafts (or unpublished posts) to publish.
    #[arg(required = true)]
    pub posts: Vec<PathBuf>,
    /// The site root (default: the site holding the first POST).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Publish into this other blog repository: the post and its images are copied there
    /// (default: the workspace's publishing setting, else the workspace itself).
    #[arg(long, value_name = "REPO")]
    pub to: Option<PathBuf>,
    /// Commit exactly the plan's files, in one commit.
    #[arg(long)]
    pub commit: bool,
    /// The commit message (default: "Publish: <title>").
    #[arg(long, short, value_name = "M")]
    pub message: Option<String>,
    /// Push with `git push` afterwards.
    #[arg(long)]
    pub push: bool,
    /// When the push is rejected, `git pull --rebase` and push again.
    #[arg(long, requires = "push")]
    pub rebase: bool,
    /// Publish despite warnings (errors still block).
    #[arg(long)]
    pub force: bool,
    /// Print the plan and the diffs, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Images over this size (KiB) are a warning (default: the setting, else 2048).
    #[arg(long, value_name = "N")]
    pub max_image_kb: Option<u64>,
}

/// Runs `lanyard publish`.
pub fn run(args: &PublishArgs) -> Result<u8> {
    let workspace = open_workspace(
        args.workspace.as_deref(),
        args.posts.first().map(PathBuf::as_path),
    )?;
    let publish_settings = PublishSettings::load(&data_dir())?;
    let to = match &args.to {
        Some(to) => Some(to.clone()),
        None => publish_settings.target(workspace.root()).map(|t| {
            eprintln!(
                "publishing into {} (the workspace's publishing setting)",
                t.display()
            );
            t.to_path_buf()
        }),
    };
    let target = to.as_ref().map(Workspace::open).transpose()?;
    let settings = load_settings()?;
    let options = PublishOptions {
        max_image_bytes: args
            .max_image_kb
            .map_or(publish_settings.max_image_bytes(), |kb| {
                kb.saturating_mul(1024)
            }),
        today: None,
    };
    let plan = plan_publish(
        &workspace,
        target.as_ref(),
        &settings,
        &args.posts,
        &options,
    )?;
    for finding in &plan.findings {
        eprintln!("{finding}");
    }
    if args.dry_run {
        print!("{}", render_plan(&plan));
        return Ok(if plan.may_apply(args.force) {
            EXIT_OK
        } else {
            EXIT_PROBLEMS
        });
    }
    if !plan.may_apply(args.force) {
        if plan.error_count() == 0 {
            eprintln!(
                "lanyard: warnings block publishing; fix them or use --force; nothing was changed"
            );
        } else {
            eprintln!("lanyard: errors block publishing; nothing was changed");
        }
        return Ok(EXIT_PROBLEMS);
    }
    let message = args.message.clone().unwrap_or_else(|| plan.message.clone());
    let mode = match (args.push, args.rebase) {
        (false, _) => PushMode::No,
        (true, false) => PushMode::Push,
        (true, true) => PushMode::PushOrRebase,
    };
    let mut report = |progress: PublishProgress<'_>| match progress {
        PublishProgress::Written(executed) => {
            for path in &executed.touched {
                println!("{}", shown(&plan.root, path));
            }
            if let Some(commit) = &executed.commit {
                eprintln!(
                    "committed {} \"{}\"",
                    &commit.id[..commit.id.len().min(12)],
                    commit.message
                );
            }
        }
        // git's lines are shown as they come (a slow push shows its progress).
        PublishProgress::Line(line) => eprintln!("{line}"),
        PublishProgress::Started(_) | PublishProgress::Finished(..) => {}
    };
    let published = publish_plan(
        &plan,
        args.force,
        args.commit.then_some(message.as_str()),
        mode,
        &mut report,
    )?;
    match published.push {
        Some(run) if !run.pushed() => {
            let hint = if run.outcome.status == PushStatus::Rejected {
                " (run again with --rebase, or `git pull --rebase && git push`)"
            } else {
                ""
            };
            eprintln!("lanyard: push: {}{hint}", run.outcome.message);
            Ok(EXIT_PROBLEMS)
        }
        _ => Ok(EXIT_OK),
    }
}

fn shown(root: &std::path::Path, path: &std::path::Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
