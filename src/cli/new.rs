//! `lanyard new --title T [--series S] [--date D] [--lang fr|en] [--slug S]`: writes a new
//! draft `_drafts/<slug>.md` (a next part when `--series` names an existing series) and
//! prints its path; the other parts' headers are updated and listed on stderr.

use std::path::PathBuf;

use jiff::civil::Date;
use lanyard::series::{plan_new_post, NewPostRequest};
use lanyard::Result;

use super::series_args::{load_settings, parse_date_arg, shown};
use super::workspace_arg::open_workspace;
use super::EXIT_OK;

/// Arguments of `lanyard new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The title (default for a next part: the previous title, counted up).
    #[arg(long)]
    pub title: Option<String>,
    /// The series: an existing one (the draft is its next part) or a new one.
    #[arg(long)]
    pub series: Option<String>,
    /// The date, YYYY-MM-DD (default: the day after the previous part, else today).
    #[arg(long, value_parser = parse_date_arg)]
    pub date: Option<Date>,
    /// The language (`lang:`), e.g. fr or en (default: the previous part's).
    #[arg(long)]
    pub lang: Option<String>,
    /// The file name's slug (default: from the title).
    #[arg(long)]
    pub slug: Option<String>,
    /// The site root (default: the current directory).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
}

/// Runs `lanyard new`.
pub fn run(args: &NewArgs) -> Result<u8> {
    let workspace = open_workspace(args.workspace.as_deref(), None)?;
    let settings = load_settings()?;
    let request = NewPostRequest {
        title: args.title.clone(),
        series: args.series.clone(),
        date: args.date,
        lang: args.lang.clone(),
        slug: args.slug.clone(),
    };
    let planned = plan_new_post(&workspace, &settings, &request)?;
    planned.changes.apply()?;
    println!("{}", shown(&workspace, &planned.path));
    for change in planned
        .changes
        .changes
        .iter()
        .filter(|c| c.path != planned.path)
    {
        eprintln!("updated {}", shown(&workspace, &change.path));
    }
    Ok(EXIT_OK)
}
