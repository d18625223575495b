//! What a conference schedule holds once read: talks with their time, room, link and
//! speakers, the warnings about events that were skipped, and the views the app needs (one
//! day's talks, grouped by time slot).

use std::path::PathBuf;

use jiff::civil::Date;
use jiff::ZonedDateTime as Zoned;
use serde::Serialize;

/// One speaker of a talk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The speaker's name as the schedule writes it.
    pub name: String,
    /// The company, when the schedule gives it.
    pub company: Option<String>,
}

/// When a talk takes place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TalkTime {
    /// A whole day (`DTSTART;VALUE=DATE`), like a workshop day or a social event.
    AllDay(Date),
    /// A start, and an end when the schedule gives one, in the event's own time zone (the
    /// `TZID`, else the calendar's `X-WR-TIMEZONE` for UTC times, else UTC; a floating time
    /// is kept as written, in UTC).
    Timed {
        /// The start.
        start: Zoned,
        /// The end.
        end: Option<Zoned>,
    },
}

/// One talk of the schedule (a `VEVENT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    /// The event's `UID` (what stars and `talks insert` refer to).
    pub uid: String,
    /// The title, without the speaker suffix sched.com appends.
    pub title: String,
    /// When it takes place.
    pub time: TalkTime,
    /// The room (`LOCATION`).
    pub room: Option<String>,
    /// The abstract (`DESCRIPTION`).
    pub description: Option<String>,
    /// The talk's page (`URL`, else the first link of the description).
    pub url: Option<String>,
    /// The speakers, in the schedule's order.
    pub speakers: Vec<Speaker>,
    /// Whether the talk is a keynote (its title or `CATEGORIES` say so).
    pub keynote: bool,
}

impl Talk {
    /// A talk typed by hand (the "Talk" snippet): `speakers` separated by commas, all of
    /// `company`; empty fields stay unknown (placeholders in its section).
    pub fn typed(title: &str, speakers: &str, company: &str, url: &str) -> Talk {
        let company = Some(company.trim().to_string()).filter(|c| !c.is_empty());
        Talk {
            uid: String::new(),
            title: title.trim().to_string(),
            time: TalkTime::AllDay(Date::ZERO),
            room: None,
            description: None,
            url: Some(url.trim().to_string()).filter(|u| !u.is_empty()),
            speakers: speakers
                .split([',', ';'])
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|name| Speaker {
                    name: name.to_string(),
                    company: company.clone(),
                })
                .collect(),
            keynote: false,
        }
    }

    /// The day the talk takes place on, in its own time zone.
    pub fn day(&self) -> Date {
        match &self.time {
            TalkTime::AllDay(day) => *day,
            TalkTime::Timed { start, .. } => start.date(),
        }
    }

    /// The start as `HH:MM`, or `None` for an all-day event.
    pub fn start_label(&self) -> Option<String> {
        match &self.time {
            TalkTime::AllDay(_) => None,
            TalkTime::Timed { start, .. } => Some(hour_minute(start)),
        }
    }

    /// The end as `HH:MM`, when known.
    pub fn end_label(&self) -> Option<String> {
        match &self.time {
            TalkTime::Timed { end: Some(end), .. } => Some(hour_minute(end)),
            _ => None,
        }
    }

    /// A key ordering talks by time: all-day events first on their day, then by start
    /// instant.
    fn sort_key(&self) -> (Date, i128) {
        match &self.time {
            TalkTime::AllDay(day) => (*day, i128::MIN),
            TalkTime::Timed { start, .. } => (start.date(), start.timestamp().as_nanosecond()),
        }
    }
}

fn hour_minute(time: &Zoned) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// A schedule file once read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// The file it was read from.
    pub path: PathBuf,
    /// The calendar's name (`X-WR-CALNAME`), if any.
    pub name: Option<String>,
    /// Every talk, in time order.
    pub talks: Vec<Talk>,
    /// One sentence per event skipped or repaired, naming the file and the event.
    pub warnings: Vec<String>,
}

/// The talks starting at the same time on the same day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeSlot<'a> {
    /// `HH:MM`, or `None` for the day's all-day events.
    pub start: Option<String>,
    /// The talks of the slot, ordered by room then title.
    pub talks: Vec<&'a Talk>,
}

impl Schedule {
    /// Sorts the talks by time, then room, then title (reading order of a printed schedule).
    pub(crate) fn sort(&mut self) {
        self.talks.sort_by(|a, b| {
            a.sort_key()
                .cmp(&b.sort_key())
                .then_with(|| a.room.cmp(&b.room))
                .then_with(|| a.title.cmp(&b.title))
        });
    }

    /// The talk with `uid`.
    pub fn talk(&self, uid: &str) -> Option<&Talk> {
        self.talks.iter().find(|t| t.uid == uid)
    }

    /// The days the schedule covers, in order.
    pub fn days(&self) -> Vec<Date> {
        let mut days: Vec<Date> = self.talks.iter().map(Talk::day).collect();
        days.dedup();
        days
    }

    /// The talks of `day` (every talk when `None`), in time order.
    pub fn talks_on(&self, day: Option<Date>) -> Vec<&Talk> {
        self.talks
            .iter()
            .filter(|t| day.is_none_or(|d| t.day() == d))
            .collect()
    }

    /// Whether any talk of the schedule is a keynote.
    pub fn has_keynotes(&self) -> bool {
        self.talks.iter().any(|t| t.keynote)
    }
}

/// Groups talks (in time order) into slots of talks starting at the same time and day.
pub fn group_by_slot<'a>(talks: &[&'a Talk]) -> Vec<TimeSlot<'a>> {
    let mut slots: Vec<(Date, TimeSlot<'a>)> = Vec::new();
    for talk in talks {
        let start = talk.start_label();
        match slots.last_mut() {
            Some((day, slot)) if *day == talk.day() && slot.start == start => slot.talks.push(talk),
            _ => slots.push((
                talk.day(),
                TimeSlot {
                    start,
                    talks: vec![talk],
                },
            )),
        }
    }
    slots.into_iter().map(|(_, slot)| slot).collect()
}

/// Whether a title or category names a keynote (`Keynote: ...`, `Opening Keynote`,
/// `Plénière`).
pub fn is_keynote_label(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["keynote", "plénière", "pleniere", "plenary"]
        .iter()
        .any(|word| lower.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_keynotes_in_titles_and_categories() {
        assert!(is_keynote_label("Keynote: Opening Remarks"));
        assert!(is_keynote_label("Session plénière"));
        assert!(is_keynote_label("Keynote Sessions"));
        assert!(!is_keynote_label("Key management for notes"));
    }

    #[test]
    fn types_a_talk_by_hand() {
        let talk = Talk::typed("  Rencontre ", "Alice Martin, Bob Roy;", " ACME ", " ");
        assert_eq!(talk.title, "Rencontre");
        let names: Vec<&str> = talk.speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Alice Martin", "Bob Roy"]);
        assert!(talk
            .speakers
            .iter()
            .all(|s| s.company.as_deref() == Some("ACME")));
        assert_eq!(talk.url, None);
        let anonymous = Talk::typed("T", "", "", "https://x");
        assert!(anonymous.speakers.is_empty());
        assert_eq!(anonymous.url.as_deref(), Some("https://x"));
    }
}
