//! iCalendar dates and times (RFC 5545 §3.3.4, §3.3.5) read with jiff: all-day dates,
//! UTC times (`...Z`), times with a `TZID`, and floating times.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Span, ZonedDateTime as Zoned};

/// A `DTSTART`/`DTEND` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsTime {
    /// `VALUE=DATE`: a whole day.
    Day(Date),
    /// An instant, shown in the event's zone.
    At(Zoned),
}

/// Reads a date or date-time `value` with its `TZID` parameter (if any). UTC times are shown
/// in `calendar_zone` (the calendar's `X-WR-TIMEZONE`) when there is one, as sched.com
/// exports UTC times for a conference held in one zone. A `TZID` jiff does not know (a
/// Windows zone name) and floating times are read in `calendar_zone`, else UTC: the clock
/// time written stays the one shown.
pub fn parse_ics_time(
    value: &str,
    tzid: Option<&str>,
    calendar_zone: Option<&TimeZone>,
) -> Result<IcsTime, String> {
    let value = value.trim();
    let fallback = || calendar_zone.cloned().unwrap_or(TimeZone::UTC);
    if value.len() == 8 {
        return Date::strptime("%Y%m%d", value)
            .map(IcsTime::Day)
            .map_err(|_| format!("`{value}` is not a date"));
    }
    let (civil, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(rest) => (rest, true),
        None => (value, false),
    };
    let civil = DateTime::strptime("%Y%m%dT%H%M%S", civil)
        .map_err(|_| format!("`{value}` is not a date-time"))?;
    let zoned = if utc {
        civil
            .to_zoned_datetime(TimeZone::UTC)
            .map(|z| z.with_time_zone(fallback()))
    } else {
        let zone = tzid
            .map(|t| t.trim_matches('"').trim_start_matches('/'))
            .and_then(|t| TimeZone::get(t).ok())
            .unwrap_or_else(fallback);
        civil.to_zoned_datetime(zone)
    };
    zoned
        .map(IcsTime::At)
        .map_err(|e| format!("`{value}` is not a time in its zone: {e}"))
}

/// The end of an event from its `DURATION` (`PT45M`, `P1D`).
pub fn end_from_duration(start: &Zoned, duration: &str) -> Result<Zoned, String> {
    let span: Span = duration
        .trim()
        .parse()
        .map_err(|_| format!("`{duration}` is not a duration"))?;
    start
        .checked_add(span)
        .map_err(|e| format!("`{duration}` cannot be added to the start: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(value: &str, tzid: Option<&str>, zone: Option<&str>) -> String {
        let zone = zone.map(|z| TimeZone::get(z).expect("zone"));
        match parse_ics_time(value, tzid, zone.as_ref()).expect("parses") {
            IcsTime::At(z) => format!(
                "{} {}",
                z.datetime(),
                z.time_zone().iana_name().unwrap_or("?")
            ),
            IcsTime::Day(d) => d.to_string(),
        }
    }

    #[test]
    fn reads_tzid_utc_floating_and_dates() {
        assert_eq!(
            at("20250610T093000", Some("Europe/Paris"), None),
            "2025-06-10T09:30:00 Europe/Paris"
        );
        assert_eq!(
            at("20250610T073000Z", None, Some("Europe/Paris")),
            "2025-06-10T09:30:00 Europe/Paris"
        );
        assert_eq!(
            at("20250610T073000Z", None, None),
            "2025-06-10T07:30:00 UTC"
        );
        assert_eq!(at("20250610T093000", None, None), "2025-06-10T09:30:00 UTC");
        assert_eq!(
            at("20250610T093000", Some("W. Europe Standard Time"), None),
            "2025-06-10T09:30:00 UTC"
        );
        assert_eq!(at("20250610", None, None), "2025-06-10");
    }

    #[test]
    fn refuses_garbage_and_adds_durations() {
        assert!(parse_ics_time("2025-06-10", None, None).is_err());
        assert!(parse_ics_time("20251310T093000", None, None).is_err());
        let start = match parse_ics_time("20250610T093000", Some("Europe/Paris"), None) {
            Ok(IcsTime::At(z)) => z,
            other => panic!("{other:?}"),
        };
        let end = end_from_duration(&start, "PT45M").expect("adds");
        assert_eq!(end.time().to_string(), "10:15:00");
        assert!(end_from_duration(&start, "45 minutes please").is_err());
    }
}
