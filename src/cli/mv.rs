//! `lanyard mv POST [--date D] [--slug S] [--redirect] [--dry-run]`: renames or re-dates a
//! post, rewrites every `post_url` to it, regenerates the series headers, and prints the
//! files touched. A published post's URL changes: a warning says so on stderr, and
//! `--redirect` adds the old URL to `redirect_from`.

use std::path::PathBuf;

use jiff::civil::Date;
use lanyard::series::{plan_move, MoveRequest};
use lanyard::Result;

use super::series_args::{apply_and_print, load_settings, parse_date_arg, shown};
use super::workspace_arg::open_workspace;
use super::EXIT_OK;

/// Arguments of `lanyard mv`.
#[derive(Debug, clap::Args)]
pub struct MvArgs {
    /// The post or draft to rename.
    pub post: PathBuf,
    /// The new date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<Date>,
    /// The new slug.
    #[arg(long)]
    pub slug: Option<String>,
    /// Keep the old URL working: add it to `redirect_from` (jekyll-redirect-from plugin).
    #[arg(long)]
    pub redirect: bool,
    /// Print the files that would change, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The site root (default: the site holding POST).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
}

/// Runs `lanyard mv`.
pub fn run(args: &MvArgs) -> Result<u8> {
    let workspace = open_workspace(args.workspace.as_deref(), Some(&args.post))?;
    let settings = load_settings()?;
    let request = MoveRequest {
        date: args.date,
        slug: args.slug.clone(),
        redirect: args.redirect,
    };
    let plan = plan_move(&workspace, &settings, &args.post, &request)?;
    if let Some(change) = &plan.url_change {
        let file = shown(&workspace, &plan.from);
        if plan.redirect_added {
            eprintln!(
                "{file}: its URL changes from {} to {}; the old URL is added to redirect_from",
                change.old_url, change.new_url
            );
        } else {
            eprintln!(
                "warning: {file}: its URL changes from {} to {}; links from outside the blog \
                 will break (use --redirect to add the old URL to redirect_from)",
                change.old_url, change.new_url
            );
        }
    }
    if plan.unpublished_by_move {
        eprintln!(
            "warning: {}: the new date is in the future, so Jekyll will not build it and a              post_url to it from another post fails the build until that date",
            shown(&workspace, &plan.from)
        );
    }
    apply_and_print(&workspace, &plan.changes, args.dry_run)?;
    Ok(EXIT_OK)
}
