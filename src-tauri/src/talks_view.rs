//! The schedule as the schedule pane shows it: one day's talks grouped by time slot, with
//! their stars. Types cross the IPC boundary (ts-rs bindings in `ui/src/lib/bindings`).

use std::collections::BTreeSet;

use lanyard::front_matter::parse_day;
use lanyard::talks::{group_by_slot, Schedule, Talk};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One talk in the pane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TalkView {
    /// The event's UID.
    pub uid: String,
    /// The title.
    pub title: String,
    /// `HH:MM`, or null for an all-day event.
    pub start: Option<String>,
    /// `HH:MM`, when known.
    pub end: Option<String>,
    /// The room.
    pub room: Option<String>,
    /// "Jane Doe (Acme), John Roe", or "" when the schedule names nobody.
    pub speakers: String,
    /// The talk's page.
    pub url: Option<String>,
    /// Whether it is a keynote.
    pub keynote: bool,
    /// Whether the user starred it.
    pub starred: bool,
}

/// The talks starting together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SlotView {
    /// `HH:MM`, or null for the day's all-day events.
    pub start: Option<String>,
    /// The talks.
    pub talks: Vec<TalkView>,
}

/// The schedule pane's content for one series and one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleView {
    /// The imported schedule file, or null when none was imported for the series.
    pub path: Option<String>,
    /// The calendar's name.
    pub name: Option<String>,
    /// Every day of the schedule (`YYYY-MM-DD`).
    pub days: Vec<String>,
    /// The day shown.
    pub day: Option<String>,
    /// Its talks by time slot.
    pub slots: Vec<SlotView>,
    /// Events skipped or repaired while reading the file, one sentence each.
    pub warnings: Vec<String>,
}

/// A talk typed by hand (the "Talk" snippet): the fields a schedule would give.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
pub struct ManualTalk {
    /// The title.
    pub title: String,
    /// The speakers' names, separated by commas.
    pub speakers: String,
    /// Their company.
    pub company: String,
    /// The talk's page.
    pub url: String,
}

/// The view of `schedule` on `day` (`YYYY-MM-DD`; none or not a day: no talks), with the
/// `starred` talks marked.
pub fn schedule_view(
    schedule: &Schedule,
    day: Option<&str>,
    starred: &BTreeSet<String>,
) -> ScheduleView {
    let day = day.and_then(|d| parse_day(d.get(..10).unwrap_or(d)));
    let talks = match day {
        Some(d) => schedule.talks_on(Some(d)),
        None => Vec::new(),
    };
    ScheduleView {
        path: Some(schedule.path.display().to_string()),
        name: schedule.name.clone(),
        days: schedule.days().iter().map(ToString::to_string).collect(),
        day: day.map(|d| d.to_string()),
        slots: group_by_slot(&talks)
            .into_iter()
            .map(|slot| SlotView {
                start: slot.start,
                talks: slot.talks.iter().map(|t| talk_view(t, starred)).collect(),
            })
            .collect(),
        warnings: schedule.warnings.clone(),
    }
}

fn talk_view(talk: &Talk, starred: &BTreeSet<String>) -> TalkView {
    let speakers: Vec<String> = talk
        .speakers
        .iter()
        .map(|s| match &s.company {
            Some(c) => format!("{} ({c})", s.name),
            None => s.name.clone(),
        })
        .collect();
    TalkView {
        uid: talk.uid.clone(),
        title: talk.title.clone(),
        start: talk.start_label(),
        end: talk.end_label(),
        room: talk.room.clone(),
        speakers: speakers.join(", "),
        url: talk.url.clone(),
        keynote: talk.keynote,
        starred: starred.contains(&talk.uid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ICS: &str = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Paris:20250613T100000\r\n\
        DTEND;TZID=Europe/Paris:20250613T104500\r\nSUMMARY:GitOps - Thomas Leroy, Rail & Emma Blanc, Rail\r\n\
        LOCATION:Seine\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Europe/Paris:20250613T100000\r\n\
        SUMMARY:Volumes\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:c\r\nDTSTART:20250614T090000Z\r\n\
        SUMMARY:Other day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    #[test]
    fn shows_one_day_by_slot_with_stars() {
        let schedule =
            lanyard::talks::parse_schedule(std::path::Path::new("/s.ics"), ICS).expect("parses");
        let starred: BTreeSet<String> = ["a".to_string()].into();
        let view = schedule_view(&schedule, Some("2025-06-13T19:30:00+02:00"), &starred);
        assert_eq!(view.days, ["2025-06-13", "2025-06-14"]);
        assert_eq!(view.day.as_deref(), Some("2025-06-13"));
        assert_eq!(view.slots.len(), 1);
        let talks = &view.slots[0].talks;
        assert_eq!(view.slots[0].start.as_deref(), Some("10:00"));
        let gitops = talks.iter().find(|t| t.uid == "a").expect("a");
        let volumes = talks.iter().find(|t| t.uid == "b").expect("b");
        assert_eq!(gitops.speakers, "Thomas Leroy (Rail), Emma Blanc (Rail)");
        assert_eq!(gitops.end.as_deref(), Some("10:45"));
        assert!(gitops.starred && !volumes.starred);
        let none = schedule_view(&schedule, None, &starred);
        assert!(none.slots.is_empty() && none.day.is_none());
    }
}
