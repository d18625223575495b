//! Flags local images the gate will not show (missing from the site, or refused: a link out
//! of the site, not a regular file, over the image cap): the `<img>` gets the class
//! `lanyard-missing-image` and a problem is reported. Remote (`https:`, `//`), `data:` and
//! fragment URLs are not checked. Which file an image URL names is decided by the gate's
//! [`resolve_url`], the one resolver of image and asset URLs. For the preview, each local
//! image keeps its URL as written in `data-site-src` (the sanitizer points its `src` at the
//! app's asset scheme).

use pulldown_cmark::{Event, Tag};

use super::{MarkdownImage, MarkdownProblem, Node};
use crate::render::{ProblemKind, SiteContext};
use crate::site::gate::resolve_url;

/// The class a missing image gets.
pub(crate) const MISSING_IMAGE_CLASS: &str = "lanyard-missing-image";

/// Checks every Markdown image against the site's files, listing the local ones in `found`.
pub(crate) fn flag_missing_images<'a, 'b>(
    nodes: impl Iterator<Item = Node<'a>> + 'b,
    site: &'b dyn SiteContext,
    page_dir: &'b str,
    keep_site_src: bool,
    (problems, found): (&'b mut Vec<MarkdownProblem>, &'b mut Vec<MarkdownImage>),
) -> impl Iterator<Item = Node<'a>> + 'b
where
    'a: 'b,
{
    let baseurl = site.baseurl();
    nodes.map(move |mut node| {
        if let Event::Start(Tag::Image { dest_url, .. }) = &node.event {
            if let Some(path) = resolve_url(dest_url, &baseurl, page_dir) {
                if keep_site_src {
                    node.attrs
                        .other
                        .push(("data-site-src".into(), dest_url.to_string()));
                }
                let checked = site.check_site_file(&path);
                found.push(MarkdownImage {
                    offset: node.range.start,
                    url: dest_url.to_string(),
                    path,
                });
                if let Err(e) = checked {
                    node.attrs.classes.push(MISSING_IMAGE_CLASS.to_string());
                    let message = if e.kind() == "not_found" {
                        format!("image `{dest_url}` is not in the site")
                    } else {
                        format!("image `{dest_url}`: {e}")
                    };
                    problems.push(MarkdownProblem {
                        offset: node.range.start,
                        kind: ProblemKind::MissingImage,
                        message,
                    });
                }
            }
        }
        node
    })
}
