//! Reading a conference schedule exported as iCalendar (sched.com, pretalx, Sessionize) with
//! the `icalendar` crate's parser: folded lines, escapes, parameters. A file that is not a
//! calendar is one error naming it; an event Lanyard cannot use (no title, no start) is
//! skipped with one warning; a file cut short keeps the events before the cut.

use std::collections::BTreeSet;
use std::path::Path;

use icalendar::parser::{read_calendar, unfold, Component, Property};
use jiff::tz::TimeZone;

use super::ics_time::{end_from_duration, parse_ics_time, IcsTime};
use super::model::{is_keynote_label, Schedule, Speaker, Talk, TalkTime};
use super::speakers::{speaker_from_address, speakers_in_description, split_title_suffix};
use crate::fs_util::read_text;
use crate::{Error, Result};

/// Reads the schedule at `path`.
pub fn read_schedule(path: &Path) -> Result<Schedule> {
    let text = read_text(path)?;
    parse_schedule(path, &text)
}

/// Reads a schedule from its `text` (`path` names it in errors and warnings).
pub fn parse_schedule(path: &Path, text: &str) -> Result<Schedule> {
    let invalid = |message: String| Error::Parse {
        path: path.to_path_buf(),
        line: 0,
        message,
    };
    // CRLF everywhere, as RFC 5545 writes it: the parser looks for "\r\n" first at every
    // property, and an LF-only file made each look scan to the end of the file (quadratic).
    let unfolded = unfold(&text.replace("\r\n", "\n").replace('\n', "\r\n"));
    if !unfolded.lines().any(|l| l.trim() == "BEGIN:VCALENDAR") {
        return Err(invalid(
            "is not an iCalendar schedule (no BEGIN:VCALENDAR line)".into(),
        ));
    }
    let mut warnings = Vec::new();
    let complete = match cut_to_complete_events(&unfolded) {
        Some((repaired, kept)) => {
            warnings.push(format!(
                "{}: the file is cut short (no END:VCALENDAR); only the {kept} complete \
                 event(s) before the cut were read",
                path.display()
            ));
            repaired
        }
        None => unfolded,
    };
    let calendar = read_calendar(&complete)
        .map_err(|e| invalid(format!("is not a valid iCalendar file: {}", first_line(&e))))?;
    let calendar_prop = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str().trim().to_string())
    };
    let zone = calendar_prop("X-WR-TIMEZONE").and_then(|z| TimeZone::get(&z).ok());
    let mut schedule = Schedule {
        path: path.to_path_buf(),
        name: calendar_prop("X-WR-CALNAME").filter(|n| !n.is_empty()),
        talks: Vec::new(),
        warnings,
    };
    let events = events(&calendar.components);
    let mut organizers = conference_organizers(&events);
    organizers.extend(schedule.name.clone());
    for event in events {
        match talk_of_event(event, zone.as_ref(), &organizers) {
            Ok(talk) => schedule.talks.push(talk),
            Err(why) => schedule
                .warnings
                .push(format!("{}: {why}; skipped", path.display())),
        }
    }
    schedule.sort();
    Ok(schedule)
}

/// Every `VEVENT`, at any depth (some exports nest them oddly).
fn events<'a, 'b>(components: &'b [Component<'a>]) -> Vec<&'b Component<'a>> {
    let mut out = Vec::new();
    for c in components {
        if c.name == "VEVENT" {
            out.push(c);
        } else {
            out.extend(events(&c.components));
        }
    }
    out
}

/// The `ORGANIZER` names that are the conference rather than a speaker: those of events that
/// list their speakers as `ATTENDEE`s (pretalx puts the event's organizer on every talk).
fn conference_organizers(events: &[&Component<'_>]) -> BTreeSet<String> {
    events
        .iter()
        .filter(|e| e.properties.iter().any(|p| p.name == "ATTENDEE"))
        .flat_map(|e| address_speakers(e, "ORGANIZER"))
        .map(|s| s.name)
        .collect()
}

/// For a file without `END:VCALENDAR`: the text up to its last `END:VEVENT`, closed, and how
/// many events it keeps. `None` when the file is complete.
fn cut_to_complete_events(text: &str) -> Option<(String, usize)> {
    if text.lines().any(|l| l.trim() == "END:VCALENDAR") {
        return None;
    }
    let mut kept = String::new();
    let mut pending = String::new();
    let mut count = 0;
    for line in text.lines() {
        pending.push_str(line);
        pending.push_str("\r\n");
        if line.trim() == "END:VEVENT" {
            kept.push_str(&pending);
            pending.clear();
            count += 1;
        }
    }
    if count == 0 {
        // Only the calendar's header survived: keep it so the result is an empty schedule.
        kept = text
            .lines()
            .take_while(|l| !l.trim().starts_with("BEGIN:V") || l.trim() == "BEGIN:VCALENDAR")
            .map(|l| format!("{l}\r\n"))
            .collect();
    }
    kept.push_str("END:VCALENDAR\r\n");
    Some((kept, count))
}

fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && l != &"error:")
        .unwrap_or("unknown error")
        .to_string()
}

/// The value of the first property `name`, trimmed, if not empty.
fn prop<'a>(event: &'a Component<'_>, name: &str) -> Option<&'a Property<'a>> {
    event.properties.iter().find(|p| p.name == name)
}

fn text_of(event: &Component<'_>, name: &str) -> Option<String> {
    prop(event, name)
        .map(|p| p.val.as_str().trim().to_string())
        .filter(|v| !v.is_empty())
}

fn param<'a>(property: &'a Property<'_>, key: &str) -> Option<&'a str> {
    property
        .params
        .iter()
        .find(|p| p.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str())
}

/// One event as a talk, or why it cannot be one.
fn talk_of_event(
    event: &Component<'_>,
    zone: Option<&TimeZone>,
    conference: &BTreeSet<String>,
) -> Result<Talk, String> {
    let summary = text_of(event, "SUMMARY");
    let uid = text_of(event, "UID");
    let named = match (&uid, &summary) {
        (Some(uid), _) => format!("event {uid}"),
        (None, Some(title)) => format!("event \"{title}\""),
        (None, None) => "an event without UID or SUMMARY".into(),
    };
    let uid = uid.ok_or_else(|| format!("{named} has no UID"))?;
    let summary = summary.ok_or_else(|| format!("{named} has no title (SUMMARY)"))?;
    let time = time_of_event(event, zone).map_err(|why| format!("{named}: {why}"))?;
    let description = text_of(event, "DESCRIPTION");
    let (title, mut speakers) = split_title_suffix(&summary);
    if speakers.is_empty() {
        speakers = address_speakers(event, "ATTENDEE");
    }
    if speakers.is_empty() {
        speakers = description
            .as_deref()
            .map(speakers_in_description)
            .unwrap_or_default();
    }
    if speakers.is_empty() {
        speakers = address_speakers(event, "ORGANIZER");
        speakers.retain(|s| !conference.contains(&s.name));
    }
    let categories = text_of(event, "CATEGORIES").unwrap_or_default();
    Ok(Talk {
        uid,
        keynote: is_keynote_label(&title) || is_keynote_label(&categories),
        url: text_of(event, "URL").or_else(|| description.as_deref().and_then(first_link)),
        title,
        time,
        room: text_of(event, "LOCATION"),
        description,
        speakers,
    })
}

fn time_of_event(event: &Component<'_>, zone: Option<&TimeZone>) -> Result<TalkTime, String> {
    let read = |p: &Property<'_>| parse_ics_time(p.val.as_str(), param(p, "TZID"), zone);
    let start = prop(event, "DTSTART").ok_or("no start (DTSTART)")?;
    match read(start)? {
        IcsTime::Day(day) => Ok(TalkTime::AllDay(day)),
        IcsTime::At(start) => {
            let end = match (prop(event, "DTEND"), text_of(event, "DURATION")) {
                (Some(end), _) => match read(end)? {
                    IcsTime::At(end) => Some(end),
                    IcsTime::Day(_) => None,
                },
                (None, Some(duration)) => Some(end_from_duration(&start, &duration)?),
                (None, None) => None,
            };
            Ok(TalkTime::Timed { start, end })
        }
    }
}

/// The speakers named by every `ATTENDEE` (or `ORGANIZER`) line.
fn address_speakers(event: &Component<'_>, name: &str) -> Vec<Speaker> {
    event
        .properties
        .iter()
        .filter(|p| p.name == name)
        .filter_map(|p| speaker_from_address(param(p, "CN"), p.val.as_str()))
        .collect()
}

/// The first `http(s)://` link of a text.
fn first_link(text: &str) -> Option<String> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let link: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '>' | '<' | '"' | ')'))
        .collect();
    Some(link.trim_end_matches(['.', ',', ';']).to_string())
}
