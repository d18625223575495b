//! Typed reading of the dates and times Jekyll accepts in front matter and file names.
//!
//! The front matter [`serde_json::Value`] keeps `date:` as the text the author wrote; this
//! module types it. Ruby (`Time.parse`, then `.localtime` in the site's `timezone:`) reads
//! `2023-04-19` as local midnight, `2023-04-19 10:00` as local time, and
//! `2023-04-19 10:00:00 +0200` at that offset; we do the same.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

/// A date or time as written in a post, before a time zone is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostDate {
    /// `2023-04-19`: midnight in the site's time zone.
    Day(Date),
    /// `2023-04-19 10:00:00`: a wall-clock time in the site's time zone.
    Local(DateTime),
    /// `2023-04-19 10:00:00 +0200` (or `Z`, `UTC`): an exact instant.
    Exact(DateTime, Offset),
}

impl PostDate {
    /// The instant, reading wall-clock forms in `tz` (the site's `timezone:`).
    pub fn to_timestamp(&self, tz: &TimeZone) -> Option<Timestamp> {
        match *self {
            PostDate::Day(d) => tz.to_timestamp(d.to_datetime(Time::midnight())).ok(),
            PostDate::Local(dt) => tz.to_timestamp(dt).ok(),
            PostDate::Exact(dt, offset) => offset.to_timestamp(dt).ok(),
        }
    }
}

/// Parses a front matter date (`2023-04-19`, `2023-4-9`, `2023-04-19 10:00`,
/// `2023-04-19T10:00:00Z`, `2023-04-19 10:00:00 +0200`, `... +02:00`, `... UTC`).
/// `None` when it is not a date Jekyll would accept.
pub fn parse_post_date(text: &str) -> Option<PostDate> {
    let text = text.trim();
    let (day_text, rest) = match text.find(['T', 't', ' ']) {
        Some(i) => (&text[..i], text[i + 1..].trim_start()),
        None => (text, ""),
    };
    let day = parse_day(day_text)?;
    if rest.is_empty() {
        return Some(PostDate::Day(day));
    }
    let (time_text, zone_text) = split_zone(rest);
    let time = parse_time(time_text)?;
    let datetime = day.to_datetime(time);
    match zone_text.trim() {
        "" => Some(PostDate::Local(datetime)),
        // Ruby's `Time.parse` reads zone names it does not know (`CEST`) as local time.
        zone if zone.chars().all(|c| c.is_ascii_alphabetic()) => match parse_offset(zone) {
            Some(offset) => Some(PostDate::Exact(datetime, offset)),
            None => Some(PostDate::Local(datetime)),
        },
        zone => Some(PostDate::Exact(datetime, parse_offset(zone)?)),
    }
}

/// Parses the `Y-M-D` date of a post file name (`2023-04-19`, `2023-4-9`).
pub fn parse_day(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year: i16 = parse_digits(parts.next()?, 2, 4)?;
    let month: i8 = parse_digits(parts.next()?, 1, 2)?;
    let day: i8 = parse_digits(parts.next()?, 1, 2)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    // Ruby's `Time.parse` rolls a day past the month's end over: `2023-02-30` is March 2.
    let first = Date::new(year, month, 1).ok()?;
    first
        .checked_add(jiff::Span::new().days(i64::from(day) - 1))
        .ok()
}

fn parse_digits<T: std::str::FromStr>(text: &str, min: usize, max: usize) -> Option<T> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn split_zone(rest: &str) -> (&str, &str) {
    match rest
        .find(|c: char| c == '+' || c == '-' || c == 'Z' || c == 'z' || c.is_ascii_whitespace())
    {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    }
}

fn parse_time(text: &str) -> Option<Time> {
    let mut parts = text.split(':');
    let hour: i8 = parse_digits(parts.next()?, 1, 2)?;
    let minute: i8 = parse_digits(parts.next()?, 2, 2)?;
    let (second, nanos) = match parts.next() {
        None => (0, 0),
        Some(sec) => {
            let (whole, frac) = sec.split_once('.').unwrap_or((sec, ""));
            let second: i8 = parse_digits(whole, 2, 2)?;
            let mut digits: String = frac.chars().take(9).collect();
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            while digits.len() < 9 {
                digits.push('0');
            }
            (second, digits.parse::<i32>().ok()?)
        }
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(hour, minute, second, nanos).ok()
}

/// `Z`, `UTC`, `GMT`, the US zone names Ruby's `Time.zone_offset` knows, `+0200`, `+02:00`,
/// `+2`, `-05`.
fn parse_offset(zone: &str) -> Option<Offset> {
    let named = match zone.to_ascii_uppercase().as_str() {
        "Z" | "UTC" | "UT" | "GMT" => Some(0),
        "EDT" => Some(-4),
        "EST" | "CDT" => Some(-5),
        "CST" | "MDT" => Some(-6),
        "MST" | "PDT" => Some(-7),
        "PST" => Some(-8),
        _ => None,
    };
    if let Some(hours) = named {
        return Offset::from_seconds(hours * 3600).ok();
    }
    let sign: i32 = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits[..1].parse::<i32>().ok()?,
            digits[1..].parse::<i32>().ok()?,
        ),
        _ => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
    };
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reads_a_plain_date_as_midnight_in_the_site_zone() {
        let d = parse_post_date("2023-04-19").expect("date");
        assert_eq!(d, PostDate::Day(date(2023, 4, 19)));
        let paris = TimeZone::get("Europe/Paris").expect("tzdb");
        let ts = d.to_timestamp(&paris).expect("ts");
        assert_eq!(ts.to_string(), "2023-04-18T22:00:00Z");
    }

    #[test]
    fn reads_unpadded_dates() {
        assert_eq!(parse_day("2023-4-9"), Some(date(2023, 4, 9)));
        assert_eq!(parse_day("2023-13-01"), None);
        assert_eq!(parse_day("2023-02-32"), None);
    }

    #[test]
    fn rolls_days_past_the_month_end_over_like_ruby() {
        assert_eq!(parse_day("2023-02-30"), Some(date(2023, 3, 2)));
        assert_eq!(parse_day("2018-09-31"), Some(date(2018, 10, 1)));
    }

    #[test]
    fn reads_a_time_with_an_offset_as_an_exact_instant() {
        let d = parse_post_date("2023-04-19 10:00:00 +0200").expect("time");
        let ts = d.to_timestamp(&TimeZone::UTC).expect("ts");
        assert_eq!(ts.to_string(), "2023-04-19T08:00:00Z");
        let d = parse_post_date("2023-04-19T10:00:00+02:00").expect("iso");
        assert_eq!(d.to_timestamp(&TimeZone::UTC), Some(ts));
        let d = parse_post_date("2023-04-19 08:00:00 UTC").expect("utc");
        assert_eq!(d.to_timestamp(&TimeZone::UTC), Some(ts));
    }

    #[test]
    fn reads_zone_names_as_ruby_does() {
        let est = parse_post_date("2023-04-19 10:00:00 EST").expect("est");
        assert_eq!(
            est.to_timestamp(&TimeZone::UTC).expect("ts").to_string(),
            "2023-04-19T15:00:00Z"
        );
        let cest = parse_post_date("2023-04-19 10:00:00 CEST").expect("unknown name");
        assert!(matches!(cest, PostDate::Local(_)));
    }

    #[test]
    fn reads_a_time_without_offset_as_wall_clock() {
        let d = parse_post_date("2023-04-19 10:00").expect("time");
        assert!(matches!(d, PostDate::Local(_)));
    }

    #[test]
    fn refuses_text_that_is_not_a_date() {
        assert_eq!(parse_post_date("tomorrow"), None);
        assert_eq!(parse_post_date("2023-04-19 25:00"), None);
    }
}
