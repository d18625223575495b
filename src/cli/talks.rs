//! `lanyard talks list SCHEDULE.ics [--day YYYY-MM-DD]` prints the talks of a conference
//! schedule, one per line: `day start-end<TAB>room<TAB>title<TAB>speakers<TAB>uid`;
//! `talks insert SCHEDULE.ics UID --post POST` appends the talk's section to a post;
//! `talks template LANG [TEXT]` shows or edits a language's section template.
//! Skipped events are warnings on stderr, one line each.

use std::path::PathBuf;

use jiff::civil::Date;
use lanyard::data_dir::data_dir;
use lanyard::talks::{insert_talk, read_schedule, Schedule, Speaker, Talk, TalkStore};
use lanyard::{Error, Result};

use super::series_args::parse_date_arg;
use super::workspace_arg::open_workspace;
use super::EXIT_OK;

/// Arguments of `lanyard talks`.
#[derive(Debug, clap::Args)]
pub struct TalksArgs {
    #[command(subcommand)]
    command: TalksCommand,
}

/// The `talks` subcommands.
#[derive(Debug, clap::Subcommand)]
enum TalksCommand {
    /// Print the talks: `day start-end<TAB>room<TAB>title<TAB>speakers<TAB>uid`.
    List {
        /// The schedule (`.ics`, as sched.com, pretalx or Sessionize export it).
        schedule: PathBuf,
        /// Only the talks of this day (YYYY-MM-DD, in the talks' own time zone).
        #[arg(long, value_parser = parse_date_arg)]
        day: Option<Date>,
    },
    /// Append the section of the talk UID to POST (in the post's language); prints it.
    Insert {
        /// The schedule.
        schedule: PathBuf,
        /// The talk's UID (the last column of `talks list`).
        uid: String,
        /// The post to append to.
        #[arg(long)]
        post: PathBuf,
        /// The site root (default: the site holding POST).
        #[arg(long, value_name = "DIR")]
        workspace: Option<PathBuf>,
    },
    /// Print the talk section template of a language, or set it (placeholders `{title}`,
    /// `{speakers}`, `{url}`, `{room}`, `{time}`).
    Template {
        /// The language (`fr`, `en`).
        lang: String,
        /// The new template; without it, the current one is printed.
        text: Option<String>,
    },
}

/// Runs `lanyard talks`.
pub fn run(args: &TalksArgs) -> Result<u8> {
    match &args.command {
        TalksCommand::List { schedule, day } => {
            let schedule = read_with_warnings(schedule)?;
            for talk in schedule.talks_on(*day) {
                println!("{}", list_line(talk));
            }
            Ok(EXIT_OK)
        }
        TalksCommand::Insert {
            schedule,
            uid,
            post,
            workspace,
        } => {
            let schedule = read_with_warnings(schedule)?;
            let talk = schedule.talk(uid).ok_or_else(|| Error::NotFound {
                path: schedule.path.clone(),
                message: format!("has no talk with UID `{uid}`"),
            })?;
            let workspace = open_workspace(workspace.as_deref(), Some(post))?;
            let store = TalkStore::load(&data_dir())?;
            let section = insert_talk(&workspace, post, talk, |lang| store.template(Some(lang)))?;
            print!("{section}");
            Ok(EXIT_OK)
        }
        TalksCommand::Template { lang, text } => {
            let dir = data_dir();
            let mut store = TalkStore::load(&dir)?;
            match text {
                Some(text) => {
                    store.templates.insert(lang.clone(), text.clone());
                    store.save(&dir)?;
                }
                None => print!("{}", store.template(Some(lang))),
            }
            Ok(EXIT_OK)
        }
    }
}

/// Reads the schedule and prints its warnings on stderr.
fn read_with_warnings(path: &std::path::Path) -> Result<Schedule> {
    let schedule = read_schedule(path)?;
    for warning in &schedule.warnings {
        eprintln!("warning: {warning}");
    }
    Ok(schedule)
}

/// `2024-03-20 08:30-09:30<TAB>Hall A<TAB>Title<TAB>Jane Doe (Acme), John Roe<TAB>uid`.
fn list_line(talk: &Talk) -> String {
    let time = match (talk.start_label(), talk.end_label()) {
        (Some(start), Some(end)) => format!("{start}-{end}"),
        (Some(start), None) => start,
        (None, _) => "all day".to_string(),
    };
    let speakers: Vec<String> = talk.speakers.iter().map(speaker_label).collect();
    format!(
        "{} {time}\t{}\t{}\t{}\t{}",
        talk.day(),
        talk.room.as_deref().unwrap_or("-"),
        talk.title,
        speakers.join(", "),
        talk.uid
    )
}

fn speaker_label(speaker: &Speaker) -> String {
    match &speaker.company {
        Some(company) => format!("{} ({company})", speaker.name),
        None => speaker.name.clone(),
    }
}
