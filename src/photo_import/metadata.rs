//! What the pipeline reads from a photo's EXIF block before dropping it: the orientation flag
//! and the day the photo was taken (`DateTimeOriginal`, which names the file).

use exif::{In, Reader, Tag, Value};
use jiff::civil::Date;

/// The EXIF facts the import uses. A missing or unreadable EXIF block gives the defaults
/// (orientation 1, no date): metadata never makes an import fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoMetadata {
    /// EXIF orientation, 1 to 8 (1 = as stored).
    pub orientation: u16,
    /// The day of `DateTimeOriginal` (else `DateTime`), as the camera's clock said.
    pub taken_on: Option<Date>,
}

impl Default for PhotoMetadata {
    fn default() -> Self {
        PhotoMetadata {
            orientation: 1,
            taken_on: None,
        }
    }
}

/// Reads orientation and date from a raw EXIF (TIFF) block.
pub fn read_photo_metadata(exif: Option<&[u8]>) -> PhotoMetadata {
    let Some(raw) = exif else {
        return PhotoMetadata::default();
    };
    let Ok(exif) = Reader::new().read_raw(raw.to_vec()) else {
        return PhotoMetadata::default();
    };
    let orientation = exif
        .get_field(Tag::Orientation, In::PRIMARY)
        .and_then(|f| f.value.get_uint(0))
        .and_then(|v| u16::try_from(v).ok())
        .filter(|v| (1..=8).contains(v))
        .unwrap_or(1);
    let taken_on = [Tag::DateTimeOriginal, Tag::DateTime]
        .into_iter()
        .find_map(|tag| {
            exif.get_field(tag, In::PRIMARY)
                .and_then(|f| exif_day(&f.value))
        });
    PhotoMetadata {
        orientation,
        taken_on,
    }
}

/// `YYYY:MM:DD HH:MM:SS` to a date; cameras with an unset clock write zeros or blanks.
fn exif_day(value: &Value) -> Option<Date> {
    let Value::Ascii(parts) = value else {
        return None;
    };
    let text = std::str::from_utf8(parts.first()?).ok()?;
    let day = text.get(..10)?;
    let mut fields = day.split([':', '-']);
    let year: i16 = fields.next()?.trim().parse().ok()?;
    let month: i8 = fields.next()?.trim().parse().ok()?;
    let day: i8 = fields.next()?.trim().parse().ok()?;
    if year < 1900 {
        return None;
    }
    Date::new(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(text: &str) -> Value {
        Value::Ascii(vec![text.as_bytes().to_vec()])
    }

    #[test]
    fn reads_the_day_of_an_exif_timestamp() {
        let day = exif_day(&ascii("2023:04:19 10:42:07"));
        assert_eq!(day, Some(jiff::civil::date(2023, 4, 19)));
    }

    #[test]
    fn ignores_an_unset_camera_clock() {
        assert_eq!(exif_day(&ascii("0000:00:00 00:00:00")), None);
        assert_eq!(exif_day(&ascii("    :  :     :  :  ")), None);
        assert_eq!(exif_day(&ascii("2023:02:30 10:00:00")), None);
    }

    #[test]
    fn garbage_exif_gives_the_defaults() {
        assert_eq!(
            read_photo_metadata(Some(b"not a tiff")),
            PhotoMetadata::default()
        );
        assert_eq!(read_photo_metadata(None).orientation, 1);
    }
}
