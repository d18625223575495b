//! Reading conference schedules in the shapes real exports take: sched.com (UTC times shown
//! in the calendar's zone, speakers in the title suffix or the description, folded and
//! escaped text), pretalx (`TZID`, one `ATTENDEE` per speaker, `DURATION`), all-day events,
//! events Lanyard must skip with a warning, a truncated download and a file that is no
//! calendar at all.

mod talks_support;

use jiff::civil::date;
use lanyard::talks::{group_by_slot, parse_schedule, read_schedule, Talk};
use talks_support::{fixture, schedule};

fn speakers(talk: &Talk) -> Vec<String> {
    talk.speakers
        .iter()
        .map(|s| format!("{} / {}", s.name, s.company.as_deref().unwrap_or("-")))
        .collect()
}

#[test]
fn reads_sched_speakers_from_the_title_suffix_and_the_description() {
    let s = schedule("sched.ics");
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    assert_eq!(s.name.as_deref(), Some("CloudConf Europe 2024"));
    let zero = s.talk("1b2c3d4e5f60718293a4b5c6d7e8f901").expect("talk");
    assert_eq!(zero.title, "Zero Trust for Batch Jobs");
    // The suffix was folded in the middle of "Anaïs".
    assert_eq!(
        speakers(zero),
        [
            "Maarten de Vries / Lowlands Bank",
            "Anaïs Peeters / Lowlands Bank"
        ]
    );
    assert_eq!(
        zero.description.as_deref(),
        Some(
            "A field report on moving 4,000 nightly jobs to short-lived credentials.\n\n\
             Slides will be shared after the talk."
        )
    );
    let ebpf = s.talk("2c3d4e5f60718293a4b5c6d7e8f90a1b").expect("talk");
    assert_eq!(ebpf.title, "eBPF Past, Present and Future");
    let stateful = s.talk("3d4e5f60718293a4b5c6d7e8f90a1b2c").expect("talk");
    assert_eq!(
        speakers(stateful),
        ["Sofia Riccardi / Datastore Inc", "Tom Baker / Cloudwise"]
    );
    let hard = s.talk("5f60718293a4b5c6d7e8f90a1b2c3d4e").expect("talk");
    assert_eq!(hard.title, "Kubernetes - The Hard Parts");
    assert!(hard.speakers.is_empty());
    assert_eq!(hard.url, None);
}

#[test]
fn shows_utc_times_in_the_calendar_zone_and_finds_keynotes() {
    let s = schedule("sched.ics");
    let keynote = &s.talks[0];
    assert_eq!(keynote.title, "Keynote: Opening Remarks");
    assert!(keynote.keynote);
    // 07:30Z is 08:30 in Amsterdam (CET, before the March change).
    assert_eq!(keynote.start_label().as_deref(), Some("08:30"));
    assert_eq!(keynote.end_label().as_deref(), Some("09:30"));
    assert_eq!(keynote.room.as_deref(), Some("Hall A | Main Stage"));
    assert_eq!(
        s.talks.iter().filter(|t| t.keynote).count(),
        2,
        "the two keynotes"
    );
    assert_eq!(s.days(), [date(2024, 3, 20), date(2024, 3, 21)]);
}

#[test]
fn reads_pretalx_attendees_tzid_times_and_durations() {
    let s = schedule("pretalx.ics");
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    let repro = &s.talks[0];
    assert_eq!(repro.title, "Reproducible builds for everyone");
    assert_eq!(speakers(repro), ["Julia Schmidt / -", "Kenji Watanabe / -"]);
    assert_eq!(repro.start_label().as_deref(), Some("11:00"));
    assert_eq!(
        repro.url.as_deref(),
        Some("https://pretalx.devconf.example/devconf-2024/talk/QX7PLM/")
    );
    let rust = &s.talks[1];
    assert_eq!(rust.end_label().as_deref(), Some("14:30"), "DURATION:PT30M");
    // The organizer of every talk is the conference, not a speaker of the closing session.
    assert!(s.talks[2].speakers.is_empty(), "{:?}", s.talks[2].speakers);
}

#[test]
fn keeps_all_day_events_and_warns_once_per_skipped_event() {
    let s = schedule("mixed.ics");
    let titles: Vec<&str> = s.talks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Workshop day", "A UTC talk"]);
    assert_eq!(s.talks[0].start_label(), None);
    assert_eq!(s.talks[0].day(), date(2024, 6, 11));
    assert_eq!(s.talks[1].start_label().as_deref(), Some("13:00"));
    assert_eq!(s.warnings.len(), 3, "{:?}", s.warnings);
    for (warning, uid) in s.warnings.iter().zip(["no-title", "no-start", "bad-date"]) {
        assert!(warning.contains("mixed.ics"), "{warning}");
        assert!(warning.contains(uid), "{warning}");
        assert!(warning.ends_with("skipped"), "{warning}");
    }
    assert!(s.warnings[0].contains("no title"));
}

#[test]
fn keeps_the_complete_events_of_a_truncated_file() {
    let s = schedule("truncated.ics");
    assert_eq!(s.talks.len(), 3);
    assert_eq!(s.warnings.len(), 1);
    assert!(s.warnings[0].contains("truncated.ics: the file is cut short"));
}

#[test]
fn refuses_files_that_are_not_calendars_with_one_error_naming_them() {
    let err = read_schedule(&fixture("not-a-calendar.ics")).expect_err("html");
    assert_eq!(err.kind(), "parse");
    assert!(err.to_string().contains("not-a-calendar.ics"), "{err}");
    let err = read_schedule(&fixture("missing.ics")).expect_err("missing");
    assert_eq!(err.kind(), "not_found");
    assert!(err.to_string().contains("missing.ics"), "{err}");
    let broken = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nEND:VTODO\nEND:VCALENDAR\n";
    let err = parse_schedule(std::path::Path::new("odd.ics"), broken).expect_err("broken");
    assert!(err.to_string().starts_with("odd.ics: "), "{err}");
}

#[test]
fn filters_a_day_and_groups_its_talks_by_time_slot() {
    let s = schedule("sched.ics");
    let day = s.talks_on(Some(date(2024, 3, 20)));
    assert_eq!(day.len(), 4);
    let slots = group_by_slot(&day);
    let shape: Vec<(String, usize)> = slots
        .iter()
        .map(|slot| (slot.start.clone().unwrap_or_default(), slot.talks.len()))
        .collect();
    assert_eq!(
        shape,
        [
            ("08:30".into(), 1),
            ("10:00".into(), 2),
            ("11:00".into(), 1)
        ]
    );
    assert_eq!(slots[1].talks[0].room.as_deref(), Some("Room E102"));
    assert!(s.talks_on(Some(date(2024, 3, 22))).is_empty());
    assert_eq!(s.talks_on(None).len(), 6);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// A calendar with `summary`, `description` and `start` written into one event as is.
    fn calendar(summary: &str, description: &str, start: &str) -> String {
        format!(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:{start}\r\nSUMMARY:{summary}\r\n\
             DESCRIPTION:{description}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    }

    proptest! {
        /// Whatever an export puts in its text fields (accents, separators, parentheses,
        /// escapes, cut multi-byte characters), reading gives talks or one error, never a panic.
        #[test]
        fn on_any_field_text(
            summary in "[ -~àéèçÉ&,;()\\\\-]{0,60}",
            description in "(Speakers?|Orateurs|By) ?: ?[ -~àéïÉ&,;()\\\\]{0,60}",
            start in "[0-9TZ]{0,17}",
        ) {
            let text = calendar(&summary, &description, &start);
            let _ = parse_schedule(std::path::Path::new("p.ics"), &text);
        }

        /// Any text at all, including a file cut anywhere, is read or refused, never a panic.
        #[test]
        fn on_any_file(cut in 0usize..2600, noise in "\\PC{0,40}") {
            let sched = std::fs::read_to_string(fixture("sched.ics")).expect("fixture");
            let mut end = cut.min(sched.len());
            while !sched.is_char_boundary(end) {
                end -= 1;
            }
            let text = format!("{}{noise}", &sched[..end]);
            let _ = parse_schedule(std::path::Path::new("p.ics"), &text);
        }
    }
}
