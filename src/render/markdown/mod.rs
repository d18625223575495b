//! Markdown to HTML, shaped like kramdown's output with `input: GFM` (Jekyll 4.3's default).
//!
//! Where kramdown reads the *source* differently from CommonMark, a text pass rewrites it
//! first: kramdown extensions, HTML blocks running to their end tag (with `markdown="1"`),
//! `$$` math, spaced link destinations, short table delimiter rows, block attribute lists.
//! All of them find fenced code with one rule ([`blocks`]); each pass that changes lengths
//! records a [`SourceMap`], and the maps are composed once into one map from the parsed text
//! to the file, so that problems and `data-line` point at the right line. Finished HTML those
//! passes produce is stashed behind one-character markers that reach the writer as events
//! ([`stashed`]). Then
//! pulldown-cmark parses (options in [`options`]) and
//! each difference in the *output* is one iterator adapter over [`Node`]s (a pulldown-cmark
//! event, its source range, and the attributes a kramdown attribute list gave it), chained in
//! [`render_markdown`]; [`writer`] prints HTML.

pub(crate) mod blocks;
mod code_blocks;
mod extensions;
mod footnotes;
mod guillemets;
mod heading_ids;
mod html_blocks;
mod html_tags;
mod ial;
mod images;
mod link_destinations;
mod math;
mod nesting;
mod options;
mod paren_lists;
mod rouge_lexers;
mod stashed;
mod strong_runs;
mod tables;
mod toc;
mod typography;
mod writer;

/// The one fenced-code rule, also used by the preview's segmenter.
pub(crate) use blocks::{fence_marker, Fence};

use std::ops::Range;

use pulldown_cmark::{Event, Parser};

use super::source_map::SourceMap;
use super::{ProblemKind, SiteContext};

pub(crate) use writer::{escape_attr, escape_text};

/// A parsed event with where it came from and the attributes it will be written with.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    /// The pulldown-cmark event.
    pub event: Event<'a>,
    /// Its byte range in the parsed text.
    pub range: Range<usize>,
    /// Attributes from kramdown attribute lists or our transforms (id, classes, others).
    pub attrs: Attrs,
}

impl<'a> Node<'a> {
    /// A node without attributes.
    pub fn new(event: Event<'a>, range: Range<usize>) -> Self {
        Node {
            event,
            range,
            attrs: Attrs::default(),
        }
    }
}

/// HTML attributes to add to an element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Attrs {
    /// `id`, when set.
    pub id: Option<String>,
    /// Classes, in order.
    pub classes: Vec<String>,
    /// Other attributes, in order.
    pub other: Vec<(String, String)>,
    /// `{:toc}`: the list is replaced by a table of contents.
    pub toc: bool,
}

impl Attrs {
    /// Adds `other`'s attributes over these (id replaced, classes appended).
    pub fn merge(&mut self, other: Attrs) {
        if other.id.is_some() {
            self.id = other.id;
        }
        self.classes.extend(other.classes);
        self.toc |= other.toc;
        for (k, v) in other.other {
            self.other.retain(|(key, _)| *key != k);
            self.other.push((k, v));
        }
    }
}

/// A problem found while rendering Markdown, at a byte offset of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkdownProblem {
    /// Byte offset in the file.
    pub offset: usize,
    /// What is wrong.
    pub kind: ProblemKind,
    /// A sentence for the user.
    pub message: String,
}

/// What the Markdown pass needs besides the text.
pub(crate) struct MarkdownInput<'c> {
    /// The blog, for image checks.
    pub site: &'c dyn SiteContext,
    /// The post's URL directory, to resolve relative image paths (`/` when unknown).
    pub page_dir: String,
    /// Maps a byte offset of the file to its 1-based line, when `data-line` attributes are
    /// wanted.
    pub line_of: Option<&'c dyn Fn(usize) -> usize>,
    /// Whether fenced code blocks get rouge's line-number table (site option).
    pub code_line_numbers: bool,
    /// kramdown's `footnote_backlink` (`&#8617;` unless the site sets it).
    pub footnote_backlink: String,
    /// How many `markdown="1"` elements the text is inside of (0: the post itself); heading
    /// ids differ inside them, and past [`MAX_HTML_MARKDOWN_DEPTH`] their content stays raw.
    pub html_depth: usize,
    /// For the preview: local images keep their URL as written in `data-site-src`.
    pub keep_site_src: bool,
}

/// Deepest nesting of `markdown="1"` elements whose content is rendered as Markdown. Each
/// level renders its content again, so without a bound thousands of nested `<div
/// markdown="1">` would recurse past the stack and cost the square of the depth; deeper
/// content stays raw HTML (sanitized like any other).
pub(crate) const MAX_HTML_MARKDOWN_DEPTH: usize = 16;

/// A Markdown image naming a file of the site, as the gate resolved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkdownImage {
    /// Byte offset in the file.
    pub offset: usize,
    /// The URL as written.
    pub url: String,
    /// The site file it names.
    pub path: crate::site::gate::SitePath,
}

/// Renders `text` to HTML, returning the HTML, the problems found and the local images.
/// Finished HTML (math, HTML blocks) goes to `stash` (which holds Liquid's already), referenced
/// by markers in the parsed text; the HTML returned has them all resolved.
/// `to_file` maps offsets of `text` to the file (Liquid's map).
pub(crate) fn render_markdown(
    text: &str,
    input: &MarkdownInput<'_>,
    stash: &mut Vec<String>,
    to_file: &SourceMap,
) -> (String, Vec<MarkdownProblem>, Vec<MarkdownImage>) {
    let source = rewrite_source(text, input, stash, to_file);
    let text = source.text.as_str();
    let has_toc = source.block_ials.iter().any(|i| i.attrs.toc);
    let parser = Parser::new_ext(text, options::parser_options()).into_offset_iter();
    let nodes = parser.map(|(event, range)| Node::new(event, range));
    let nodes = nesting::limit_nesting(nodes, nesting::MAX_MARKDOWN_NESTING);
    let nodes = strong_runs::split_strong_runs(nodes, text);
    let nodes = ial::apply_block_ials(nodes, &source.block_ials, text);
    let nodes = ial::apply_span_ials(nodes, text);
    let nodes = tables::drop_separator_rows(nodes, text);
    let nodes = typography::apply_typography(nodes, text);
    let nodes = heading_ids::assign_heading_ids(nodes, input.html_depth > 0);
    let nodes = toc::insert_toc(nodes, has_toc);
    let mut problems = Vec::new();
    let mut images = Vec::new();
    let nodes = images::flag_missing_images(
        nodes,
        input.site,
        &input.page_dir,
        input.keep_site_src,
        (&mut problems, &mut images),
    );
    let nodes = footnotes::write_kramdown_footnotes(nodes, input.footnote_backlink.clone());
    let map = &source.map;
    let line_of = input
        .line_of
        .map(|f| move |o: usize| f(map.source_offset(o)));
    let line_of = line_of.as_ref().map(|f| f as &dyn Fn(usize) -> usize);
    let nodes = stashed::inject_blocks(nodes, stash, line_of);
    let html = writer::write_html(nodes, text.len(), line_of, input.code_line_numbers, stash);
    for p in &mut problems {
        p.offset = map.source_offset(p.offset);
    }
    for i in &mut images {
        i.offset = map.source_offset(i.offset);
    }
    (html, problems, images)
}

/// The source after the text passes, with what they recorded.
struct Rewritten {
    /// The text to parse.
    text: String,
    /// Block attribute lists, their lines blanked in `text`.
    block_ials: Vec<ial::BlockIal>,
    /// From `text` back to the file: every pass's map composed with Liquid's.
    map: SourceMap,
}

/// Runs the text passes, in an order that matters: raw regions (extensions, HTML blocks,
/// math) are taken out before anything reads Markdown syntax in them. Each pass that changes
/// lengths fills a [`SourceMap`], composed into one map back to the file.
fn rewrite_source(
    text: &str,
    input: &MarkdownInput<'_>,
    stash: &mut Vec<String>,
    to_file: &SourceMap,
) -> Rewritten {
    let nested = MarkdownInput {
        site: input.site,
        page_dir: input.page_dir.clone(),
        line_of: None,
        code_line_numbers: input.code_line_numbers,
        footnote_backlink: input.footnote_backlink.clone(),
        html_depth: input.html_depth + 1,
        keep_site_src: input.keep_site_src,
    };
    // The maps of the passes, latest first.
    let mut maps: Vec<SourceMap> = Vec::new();
    let mut map = SourceMap::default();
    let text = extensions::apply_extensions(text, stash, &mut map);
    maps.push(std::mem::take(&mut map));
    let identity = SourceMap::default();
    let text = html_blocks::stash_html_blocks(
        &text,
        stash,
        &mut |md, stash| {
            if nested.html_depth > MAX_HTML_MARKDOWN_DEPTH {
                return md.to_string();
            }
            render_markdown(md, &nested, stash, &identity).0
        },
        &mut map,
    );
    maps.push(std::mem::take(&mut map));
    let text = math::stash_math(&text, stash, &mut map);
    maps.push(std::mem::take(&mut map));
    let text = guillemets::write_guillemets(&text);
    let text = link_destinations::bracket_spaced_destinations(&text, &mut map);
    maps.push(std::mem::take(&mut map));
    let text = paren_lists::escape_paren_markers(&text, &mut map);
    maps.push(std::mem::take(&mut map));
    let text = tables::stash_piped_code_spans(&text, stash, &mut map);
    maps.push(std::mem::take(&mut map));
    let text = tables::insert_missing_delimiter_rows(&text, &mut map);
    maps.push(map);
    let text = tables::complete_delimiter_rows(&text);
    let (text, block_ials) = ial::extract_block_ials(&text);
    // Composed once, from the parsed text back through every pass to the file.
    let map = maps
        .iter()
        .rev()
        .fold(SourceMap::default(), |m, pass| m.then(pass))
        .then(to_file);
    Rewritten {
        text: text.into_owned(),
        block_ials,
        map,
    }
}
