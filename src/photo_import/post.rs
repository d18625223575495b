//! The date of the post photos go into: the fallback name date when a photo has no EXIF date.
//! Read as Jekyll does, with the site module's parsers: front matter `date:` first, then the
//! `YYYY-MM-DD-` file name prefix.

use std::path::Path;

use jiff::civil::Date;

use crate::front_matter::{parse_post_date, read_front_matter, PostDate};
use crate::site::parse_post_name;

/// The day of `post` (whose text is `source`): its front matter `date:` (which wins in
/// Jekyll), else the date of its file name, else `None` (a draft without a date). Front matter
/// that does not parse is skipped here: `lanyard check` reports it, an import need not fail.
pub fn post_date(post: &Path, source: &str) -> Option<Date> {
    front_matter_date(post, source).or_else(|| {
        let name = post.file_name()?.to_str()?;
        parse_post_name(name)?.date
    })
}

fn front_matter_date(post: &Path, source: &str) -> Option<Date> {
    let front_matter = read_front_matter(post, source).ok()?;
    let text = front_matter.data.get("date")?.as_str()?;
    Some(match parse_post_date(text)? {
        PostDate::Day(day) => day,
        // The day as written: the author's day, whatever the site's time zone.
        PostDate::Local(datetime) | PostDate::Exact(datetime, _) => datetime.date(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn takes_the_date_from_the_front_matter_first() {
        let source = "---\ntitle: Jour 1\ndate: 2023-04-20 09:00:00 +0200\n---\nbody\n";
        let post = Path::new("_posts/2023-04-19-kubecon-j1.md");
        assert_eq!(post_date(post, source), Some(date(2023, 4, 20)));
    }

    #[test]
    fn else_from_the_file_name() {
        let post = Path::new("_posts/2023-04-19-KubeCon-J1.md");
        assert_eq!(
            post_date(post, "---\ntitle: x\n---\n"),
            Some(date(2023, 4, 19))
        );
        assert_eq!(
            post_date(Path::new("2023-4-9-x.md"), ""),
            Some(date(2023, 4, 9))
        );
        assert_eq!(
            post_date(Path::new("_drafts/jour-4.md"), "no front matter"),
            None
        );
    }

    #[test]
    fn broken_front_matter_falls_back_to_the_file_name() {
        let post = Path::new("_posts/2023-04-19-x.md");
        assert_eq!(
            post_date(post, "---\ndate: [unclosed\n---\n"),
            Some(date(2023, 4, 19))
        );
    }
}
