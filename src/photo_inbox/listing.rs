//! The photos of the inbox folder, newest first, each with the time it was taken: EXIF
//! `DateTimeOriginal` when the photo has one, else the file's modification time.

use std::fs::{self, File};
use std::io::BufReader;
use std::path::{Path, PathBuf};

use exif::{In, Reader, Tag, Value};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::events::is_inbox_photo;
use crate::{Error, Result};

/// One photo of the inbox.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InboxPhoto {
    /// The file.
    pub path: PathBuf,
    /// When it was taken, `YYYY-MM-DD HH:MM` (camera clock, else the file's local time).
    pub taken_at: String,
    /// Whether `taken_at` comes from EXIF (true) or from the file's modification time.
    pub from_exif: bool,
}

/// The photos directly inside `dir` (not in sub-folders), newest first.
pub fn list_inbox(dir: &Path) -> Result<Vec<InboxPhoto>> {
    let mut photos = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if !is_inbox_photo(&path) || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if let Some(photo) = inbox_photo(&path) {
            photos.push(photo);
        }
    }
    photos.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(photos)
}

/// The tray entry for one file; `None` when it is gone or unreadable.
pub fn inbox_photo(path: &Path) -> Option<InboxPhoto> {
    let modified = fs::metadata(path).ok()?.modified().ok()?;
    let (taken_at, from_exif) = match exif_time(path) {
        Some(time) => (time, true),
        None => {
            let local = Timestamp::try_from(modified)
                .ok()?
                .to_zoned_datetime(TimeZone::system());
            (local.strftime("%Y-%m-%d %H:%M").to_string(), false)
        }
    };
    Some(InboxPhoto {
        path: path.to_path_buf(),
        taken_at,
        from_exif,
    })
}

/// `DateTimeOriginal` as `YYYY-MM-DD HH:MM`, when the file has a plausible one.
fn exif_time(path: &Path) -> Option<String> {
    let file = File::open(path).ok()?;
    let exif = Reader::new()
        .read_from_container(&mut BufReader::new(file))
        .ok()?;
    let field = exif.get_field(Tag::DateTimeOriginal, In::PRIMARY)?;
    let Value::Ascii(parts) = &field.value else {
        return None;
    };
    let text = std::str::from_utf8(parts.first()?).ok()?;
    parse_exif_time(text)
}

/// `2023:04:19 10:32:07` → `2023-04-19 10:32`; an unset clock (zeros, blanks) gives `None`.
fn parse_exif_time(text: &str) -> Option<String> {
    let b = text.as_bytes();
    if b.len() < 16 || b[4] != b':' || b[7] != b':' || b[13] != b':' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> { text.get(range)?.parse().ok() };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute) = (digits(11..13)?, digits(14..16)?);
    if year == 0
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
    {
        return None;
    }
    Some(format!(
        "{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_exif_times_and_refuses_unset_clocks() {
        assert_eq!(
            parse_exif_time("2023:04:19 10:32:07").as_deref(),
            Some("2023-04-19 10:32")
        );
        assert_eq!(parse_exif_time("0000:00:00 00:00:00"), None);
        assert_eq!(parse_exif_time("    :  :     :  :  "), None);
        assert_eq!(parse_exif_time("2023-04-19"), None);
    }

    #[test]
    fn lists_photos_newest_first_with_exif_time_else_file_time() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos");
        fs::copy(
            fixtures.join("gps-samsung-s7.jpg"),
            dir.path().join("s7.jpg"),
        )
        .expect("copy");
        fs::copy(
            fixtures.join("iphone4s-orient6.jpg"),
            dir.path().join("iphone.jpg"),
        )
        .expect("copy");
        fs::write(dir.path().join("screenshot.png"), b"not read").expect("write");
        fs::write(dir.path().join("notes.txt"), b"ignored").expect("write");
        fs::write(dir.path().join(".partial.jpg"), b"ignored").expect("write");
        let photos = list_inbox(dir.path()).expect("list");
        let names: Vec<_> = photos
            .iter()
            .map(|p| {
                p.path
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .to_string()
            })
            .collect();
        // The PNG has no EXIF: its time is now, newer than both photos' camera times.
        assert_eq!(names, ["screenshot.png", "s7.jpg", "iphone.jpg"]);
        assert!(photos[1].from_exif && photos[1].taken_at.starts_with("2017-02-09"));
        assert!(photos[2].from_exif && photos[2].taken_at.starts_with("2012-08-26"));
        assert!(!photos[0].from_exif);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let err = list_inbox(Path::new("/nonexistent/inbox")).expect_err("missing");
        assert!(err.to_string().contains("/nonexistent/inbox"));
    }
}
