//! What an import needs from the post the photos go into: the blog folder it belongs to and
//! its date (the fallback when a photo has no EXIF date). Minimal on purpose: the front matter
//! is only scanned for a top-level `date:` line, the file name for a `YYYY-MM-DD-` prefix.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::front_matter::split_front_matter;

/// The date of `post`: its front matter `date:` (as Jekyll, it wins over the name), else the
/// `YYYY-MM-DD-` (or unpadded `YYYY-M-D-`) prefix of its file name, else `None` (a draft
/// without a date).
pub fn post_date(post: &Path, source: &str) -> Option<Date> {
    front_matter_date(source).or_else(|| {
        let name = post.file_name()?.to_str()?;
        date_prefix(name)
    })
}

/// The blog folder `post` belongs to: the nearest ancestor holding a `_config.yml`,
/// `_config.yaml` or `_config.toml`; else the parent of the `_posts`/`_drafts` folder the post
/// is in; else the post's own folder.
pub fn workspace_of_post(post: &Path) -> PathBuf {
    let folder = match post.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let configs = ["_config.yml", "_config.yaml", "_config.toml"];
    if let Some(root) = folder
        .ancestors()
        .find(|d| configs.iter().any(|c| d.join(c).is_file()))
    {
        return root.to_path_buf();
    }
    if let Some(jekyll_dir) = folder.ancestors().find(|d| {
        d.file_name()
            .is_some_and(|n| n == "_posts" || n == "_drafts")
    }) {
        if let Some(root) = jekyll_dir.parent() {
            return if root.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                root.to_path_buf()
            };
        }
    }
    folder
}

/// A `YYYY-MM-DD` (or unpadded) date at the start of `text`, followed by `-`, a space, `T` or
/// nothing.
fn date_prefix(text: &str) -> Option<Date> {
    let mut parts = text.splitn(4, ['-', ' ', 'T']);
    let year: i16 = parts.next()?.parse().ok()?;
    let month: i8 = parts.next()?.parse().ok()?;
    let day_part = parts.next()?;
    let digits: String = day_part.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 || digits.len() != day_part.len() {
        return None;
    }
    if !(1000..=9999).contains(&year) {
        return None;
    }
    Date::new(year, month, digits.parse().ok()?).ok()
}

fn front_matter_date(source: &str) -> Option<Date> {
    let yaml = split_front_matter(source).yaml?;
    let value = yaml.lines().find_map(|line| line.strip_prefix("date:"))?;
    let value = value.trim().trim_matches(['"', '\'']);
    date_prefix(value)
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
        assert_eq!(post_date(Path::new("2023-02-30-x.md"), ""), None);
    }

    #[test]
    fn finds_the_blog_folder_of_a_post() {
        let dir = tempfile::tempdir().expect("tempdir");
        let posts = dir.path().join("_posts/2023");
        std::fs::create_dir_all(&posts).expect("mkdir");
        let post = posts.join("2023-04-19-x.md");
        assert_eq!(workspace_of_post(&post), dir.path());
        std::fs::write(dir.path().join("_config.yml"), "title: x\n").expect("config");
        assert_eq!(workspace_of_post(&post), dir.path());
        assert_eq!(workspace_of_post(Path::new("post.md")), Path::new("."));
    }
}
