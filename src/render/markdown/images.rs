//! Flags local images whose file is not in the site: the `<img>` gets the class
//! `lanyard-missing-image` and a problem is reported. Remote (`https:`, `//`), `data:` and
//! fragment URLs are not checked.

use pulldown_cmark::{Event, Tag};

use super::{MarkdownProblem, Node};
use crate::render::{ProblemKind, SiteContext};
use crate::site::percent_decode;

/// The class a missing image gets.
pub(crate) const MISSING_IMAGE_CLASS: &str = "lanyard-missing-image";

/// Checks every Markdown image against the site's files.
pub(crate) fn flag_missing_images<'a, 'b>(
    nodes: impl Iterator<Item = Node<'a>> + 'b,
    site: &'b dyn SiteContext,
    page_dir: &'b str,
    problems: &'b mut Vec<MarkdownProblem>,
) -> impl Iterator<Item = Node<'a>> + 'b
where
    'a: 'b,
{
    let baseurl = site.baseurl();
    nodes.map(move |mut node| {
        if let Event::Start(Tag::Image { dest_url, .. }) = &node.event {
            if let Some(path) = local_path(dest_url, &baseurl, page_dir) {
                if !site.site_file_exists(&path) {
                    node.attrs.classes.push(MISSING_IMAGE_CLASS.to_string());
                    problems.push(MarkdownProblem {
                        offset: node.range.start,
                        kind: ProblemKind::MissingImage,
                        message: format!("image `{dest_url}` is not in the site"),
                    });
                }
            }
        }
        node
    })
}

/// The site path an image URL names, or `None` when it is not a local file.
pub(crate) fn local_path(url: &str, baseurl: &str, page_dir: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or("");
    let is_remote = url.contains(':') || url.starts_with("//");
    if url.is_empty() || is_remote {
        return None;
    }
    let path = match url.strip_prefix('/') {
        Some(_) => url
            .strip_prefix(baseurl)
            .filter(|p| !baseurl.is_empty() && p.starts_with('/'))
            .unwrap_or(url)
            .to_string(),
        None => format!(
            "{}/{}",
            page_dir.trim_end_matches('/'),
            url.trim_start_matches("./")
        ),
    };
    Some(percent_decode(&path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_site_and_relative_paths() {
        assert_eq!(
            local_path("/assets/a.png", "", "/"),
            Some("/assets/a.png".into())
        );
        assert_eq!(
            local_path("/blog/assets/a.png", "/blog", "/"),
            Some("/assets/a.png".into())
        );
        assert_eq!(
            local_path("img/a%20b.png", "", "/2023/04/19"),
            Some("/2023/04/19/img/a b.png".into())
        );
    }

    #[test]
    fn skips_remote_and_data_urls() {
        assert_eq!(local_path("https://x.org/a.png", "", "/"), None);
        assert_eq!(local_path("//cdn/a.png", "", "/"), None);
        assert_eq!(local_path("data:image/png;base64,xx", "", "/"), None);
    }
}
