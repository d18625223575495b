//! Jekyll's date filters: Liquid's `date: "%B %-d, %Y"` (Ruby's strftime) and Jekyll's
//! `date_to_string`, `date_to_long_string`, `date_to_xmlschema`, `date_to_rfc822`. Dates come
//! as the workspace writes `page.date` (`2023-04-18 09:00:00 +0200`), as a bare `YYYY-MM-DD`,
//! or as `now`/`today`. A value that is not a date, or a format jiff cannot write, is left
//! as it is.

use jiff::fmt::strtime::{self, BrokenDownTime};

/// Formats `value` with the strftime `format`, or `None` when it is not a date.
pub(crate) fn format_date(value: &str, format: &str) -> Option<String> {
    let time = parse_date(value.trim())?;
    strtime::format(format, time).ok()
}

/// The date and time of a Liquid value, with its offset when it has one.
fn parse_date(value: &str) -> Option<BrokenDownTime> {
    if value == "now" || value == "today" {
        let now = jiff::ZonedDateTime::now();
        return Some(BrokenDownTime::from(&now));
    }
    let with_offset = [
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%:z",
    ];
    for format in with_offset {
        if let Ok(parsed) = strtime::parse(format, value) {
            let mut time = BrokenDownTime::from(parsed.to_datetime().ok()?);
            time.set_offset(parsed.offset());
            return Some(time);
        }
    }
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"] {
        if let Ok(parsed) = strtime::parse(format, value) {
            let datetime = match parsed.to_datetime() {
                Ok(dt) => dt,
                Err(_) => parsed
                    .to_date()
                    .ok()?
                    .to_datetime(jiff::civil::Time::midnight()),
            };
            return Some(BrokenDownTime::from(datetime));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_page_dates_like_ruby_strftime() {
        let d = "2023-04-18 09:05:00 +0200";
        assert_eq!(
            format_date(d, "%B %-d, %Y").as_deref(),
            Some("April 18, 2023")
        );
        assert_eq!(format_date(d, "%d %b %Y").as_deref(), Some("18 Apr 2023"));
        assert_eq!(
            format_date(d, "%Y-%m-%dT%H:%M:%S%:z").as_deref(),
            Some("2023-04-18T09:05:00+02:00")
        );
        assert_eq!(format_date(d, "%A").as_deref(), Some("Tuesday"));
    }

    #[test]
    fn reads_bare_dates_and_refuses_other_text() {
        assert_eq!(
            format_date("2023-04-18", "%d/%m/%Y").as_deref(),
            Some("18/04/2023")
        );
        assert_eq!(format_date("not a date", "%Y"), None);
    }
}
