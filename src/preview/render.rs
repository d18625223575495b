//! Rendering a [`PreviewDocument`] segment by segment with a cache, and the patch that turns
//! the blocks the preview shows into the new ones.
//!
//! Each segment is rendered alone by [`render_source`] behind an empty front matter, with the
//! document's definitions appended, and cached by its text, the definitions and the context
//! (page variables, site, options). Its `data-line`s, problems and images are kept relative
//! to the segment's first line, so a segment that only moved (lines inserted above it) is
//! neither rendered nor sent again: the patch says how far the blocks after the change moved.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use super::patch::{diff, Part, PreviewPatch, Shown};
use super::segments::{self, Scan};
use super::whole::{is_private_marker, whole_before_render, WholeReason};
use super::PreviewDocument;
use super::{chunks, heading_ids};
use crate::front_matter::split_front_matter;
use crate::render::{
    render_source, HeadingId, LocalImage, ProblemKind, RenderOptions, RenderProblem, Rendered,
    SiteContext,
};

/// The front matter each segment is rendered behind: its body starts on line 3.
const SEGMENT_PREFIX: &str = "---\n---\n";
/// Lines of [`SEGMENT_PREFIX`].
const PREFIX_LINES: usize = 2;

/// A rendered segment, lines relative to its first line (1).
#[derive(Debug)]
pub(super) struct Piece {
    /// Sanitized HTML, `data-line`s relative.
    pub html: String,
    /// Its problems, lines relative.
    pub problems: Vec<RenderProblem>,
    /// Its local images, lines relative.
    pub images: Vec<LocalImage>,
    /// The Markdown headings' ids as `html` has them.
    pub headings: Vec<HeadingId>,
    /// Whether the HTML shows one of the renderer's private markers (found once, not on
    /// every keystroke: a 1 MB post has megabytes of HTML).
    pub marker_shown: bool,
}

impl From<Rendered> for Piece {
    fn from(rendered: Rendered) -> Self {
        Piece {
            marker_shown: rendered.html.chars().any(is_private_marker),
            html: rendered.html,
            problems: rendered.problems,
            images: rendered.images,
            headings: rendered.headings,
        }
    }
}

/// The cache and what the last render showed.
#[derive(Debug, Default)]
pub(super) struct RenderState {
    cache: HashMap<u64, Arc<Piece>>,
    context: u64,
    /// The blocks shown, in order.
    pub shown: Vec<Shown>,
    /// The render shown.
    pub generation: u64,
    /// The last block id given.
    pub next_id: u64,
    /// The last definitions checked (their key) and whether they render to nothing.
    definitions: Option<(u64, bool)>,
    /// Why the last render was one whole render, if it was.
    pub(super) whole: Option<WholeReason>,
    /// How many blocks of the last render had their heading ids numbered again.
    pub(super) renumbered: usize,
}

impl PreviewDocument {
    /// Renders the text and returns what changed since render `shown` (the generation the
    /// preview shows; anything else, or `None`, gives a patch with `reset`). `site_stamp`
    /// changes whenever the site does (its posts, files, includes): the cache is then dropped.
    pub fn render(
        &mut self,
        page: &serde_json::Value,
        site: &(dyn SiteContext + Sync),
        options: &RenderOptions,
        site_stamp: u64,
        shown: Option<u64>,
    ) -> PreviewPatch {
        let context = context_hash(page, site_stamp, options);
        let state = &mut self.renders;
        if state.context != context {
            state.cache.clear();
            state.context = context;
        }
        let mut used = HashMap::new();
        let (next, whole) = pieces(&self.text, state, &mut used, page, site, options);
        state.whole = whole;
        state.renumbered = next.iter().filter(|p| p.key != p.source).count();
        let patch = diff(state, next, shown);
        state.cache = used;
        patch
    }

    /// The HTML of the last render with file lines in `data-line`: what
    /// [`render_source`] gives for the whole text.
    pub fn assembled_html(&self) -> String {
        let mut html = String::new();
        for part in Shown::parts(&self.renders.shown) {
            html.push_str(&shift_data_lines(&part.piece.html, |n| part.line + n - 1));
        }
        html
    }
}

/// The segments of `text` as (key, first file line, render), from the cache when there, and
/// why the text was rendered whole, if it was. Every cache entry used goes into `used`.
fn pieces(
    text: &str,
    state: &mut RenderState,
    used: &mut HashMap<u64, Arc<Piece>>,
    page: &serde_json::Value,
    site: &(dyn SiteContext + Sync),
    options: &RenderOptions,
) -> (Vec<Part>, Option<WholeReason>) {
    let split = split_front_matter(text);
    let scan = segments::scan(split.body);
    let reason = match whole_before_render(split.body, &scan) {
        Some(reason) => reason,
        None => match segment_pieces(text, &scan, state, used, page, site, options) {
            Ok(out) => return (out, None),
            Err(reason) => reason,
        },
    };
    let key = hash_of(&(state.context, "whole", text));
    let piece = state
        .cache
        .get(&key)
        .cloned()
        .unwrap_or_else(|| Arc::new(Piece::from(render_source(text, page, site, options))));
    used.insert(key, Arc::clone(&piece));
    let whole = Part {
        source: key,
        key,
        line: 1,
        piece,
    };
    (vec![whole], Some(reason))
}

/// The segments of the body rendered apart (from the cache when there), their generated
/// heading ids numbered over the document; or why the text must be rendered whole.
fn segment_pieces(
    text: &str,
    scan: &Scan,
    state: &mut RenderState,
    used: &mut HashMap<u64, Arc<Piece>>,
    page: &serde_json::Value,
    site: &(dyn SiteContext + Sync),
    options: &RenderOptions,
) -> Result<Vec<Part>, WholeReason> {
    let split = split_front_matter(text);
    let chunks = chunks::chunk_starts(split.body, scan);
    let texts: Vec<(&str, usize)> = chunks
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let end = chunks
                .get(k + 1)
                .map_or(split.body.len(), |&next| scan.starts[next]);
            (
                &split.body[scan.starts[i]..end],
                split.body_line + scan.start_lines[i],
            )
        })
        .collect();
    let keys: Vec<u64> = texts
        .iter()
        .map(|(chunk, _)| hash_of(&(state.context, chunk, &scan.definitions)))
        .collect();
    render_missing(&texts, &keys, state, page, site, options, &scan.definitions);
    let mut out = Vec::with_capacity(texts.len());
    for ((chunk, line), key) in texts.iter().zip(keys) {
        let piece = state.cache.get(&key).cloned().unwrap_or_else(|| {
            Arc::new(render_segment(
                chunk,
                &scan.definitions,
                page,
                site,
                options,
            ))
        });
        used.insert(key, Arc::clone(&piece));
        out.push(Part {
            source: key,
            key,
            line: *line,
            piece,
        });
    }
    if out.iter().any(|p| stopped(&p.piece.problems)) {
        return Err(WholeReason::Budget);
    }
    if out.iter().any(|p| p.piece.marker_shown) {
        return Err(WholeReason::PrivateMarker);
    }
    if !definitions_vanish(state, scan, page, site, options) {
        return Err(WholeReason::Definitions);
    }
    let wanted = heading_ids::document_ids(out.iter().map(|p| &p.piece.headings[..]));
    for (part, ids) in out.iter_mut().zip(wanted) {
        if part.piece.headings.iter().map(|h| &h.id).eq(ids.iter()) {
            continue;
        }
        // Keyed by the segment and its ids: sent again only when its ids change.
        let key = hash_of(&(part.source, &ids));
        let renumbered = match state.cache.get(&key) {
            Some(p) => Arc::clone(p),
            None => Arc::new(renumbered(&part.piece, &ids).ok_or(WholeReason::HeadingIds)?),
        };
        used.insert(key, Arc::clone(&renumbered));
        part.key = key;
        part.piece = renumbered;
    }
    Ok(out)
}

/// Renders the chunks whose key is not in the cache, on every core (the first render of a
/// long post), and caches them.
fn render_missing(
    texts: &[(&str, usize)],
    keys: &[u64],
    state: &mut RenderState,
    page: &serde_json::Value,
    site: &(dyn SiteContext + Sync),
    options: &RenderOptions,
    definitions: &str,
) {
    use rayon::prelude::*;
    let mut seen = std::collections::HashSet::new();
    let missing: Vec<(u64, &str)> = texts
        .iter()
        .zip(keys)
        .filter(|(_, key)| !state.cache.contains_key(*key) && seen.insert(**key))
        .map(|((chunk, _), key)| (*key, *chunk))
        .collect();
    let render = |(key, chunk): &(u64, &str)| {
        let piece = render_segment(chunk, definitions, page, site, options);
        (*key, Arc::new(piece))
    };
    // One render is the common case (a keystroke): no thread hand-off for it.
    let rendered: Vec<(u64, Arc<Piece>)> = if missing.len() > 1 {
        missing.par_iter().map(render).collect()
    } else {
        missing.iter().map(render).collect()
    };
    state.cache.extend(rendered);
}

/// `piece` with its headings' ids made `ids`, or `None` when they cannot be found.
fn renumbered(piece: &Piece, ids: &[String]) -> Option<Piece> {
    Some(Piece {
        html: heading_ids::renumber(&piece.html, &piece.headings, ids)?,
        marker_shown: piece.marker_shown,
        problems: piece.problems.clone(),
        images: piece.images.clone(),
        headings: piece
            .headings
            .iter()
            .zip(ids)
            .map(|(h, id)| HeadingId {
                id: id.clone(),
                base: h.base.clone(),
            })
            .collect(),
    })
}

/// Whether the definitions every segment gets render to nothing alone (each line is a
/// definition), so that appending them changes nothing else; remembered per text.
fn definitions_vanish(
    state: &mut RenderState,
    scan: &Scan,
    page: &serde_json::Value,
    site: &(dyn SiteContext + Sync),
    options: &RenderOptions,
) -> bool {
    if scan.definitions.is_empty() {
        return true;
    }
    let key = hash_of(&(state.context, "definitions", &scan.definitions));
    if let Some((k, vanish)) = state.definitions {
        if k == key {
            return vanish;
        }
    }
    let rendered = render_source(
        &format!("{SEGMENT_PREFIX}{}", scan.definitions),
        page,
        site,
        options,
    );
    let vanish = rendered.html.trim().is_empty() && rendered.problems.is_empty();
    state.definitions = Some((key, vanish));
    vanish
}

/// Renders one segment alone, lines relative to its first line.
fn render_segment(
    segment: &str,
    definitions: &str,
    page: &serde_json::Value,
    site: &(dyn SiteContext + Sync),
    options: &RenderOptions,
) -> Piece {
    let mut source =
        String::with_capacity(SEGMENT_PREFIX.len() + segment.len() + definitions.len() + 2);
    source.push_str(SEGMENT_PREFIX);
    source.push_str(segment);
    if !definitions.is_empty() {
        if !segment.ends_with('\n') {
            source.push('\n');
        }
        source.push('\n');
        source.push_str(definitions);
    }
    let rendered = render_source(&source, page, site, options);
    let own_lines = segment.lines().count().max(1);
    let relative = |line: usize| line.saturating_sub(PREFIX_LINES).max(1);
    let html = shift_data_lines(&rendered.html, relative);
    Piece {
        headings: rendered.headings,
        marker_shown: html.chars().any(is_private_marker),
        html,
        // What the appended definitions cause is reported once, by their own segment.
        problems: rendered
            .problems
            .into_iter()
            .map(|p| RenderProblem {
                line: relative(p.line),
                ..p
            })
            .filter(|p| p.line <= own_lines || p.kind == ProblemKind::BudgetExceeded)
            .collect(),
        images: rendered
            .images
            .into_iter()
            .map(|i| LocalImage {
                line: relative(i.line),
                ..i
            })
            .filter(|i| i.line <= own_lines)
            .collect(),
    }
}

fn stopped(problems: &[RenderProblem]) -> bool {
    problems
        .iter()
        .any(|p| p.kind == ProblemKind::BudgetExceeded)
}

/// `html` with every `data-line="N"` made `data-line="f(N)"`.
pub(crate) fn shift_data_lines(html: &str, f: impl Fn(usize) -> usize) -> String {
    const ATTR: &str = " data-line=\"";
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        let value_start = at + ATTR.len();
        out.push_str(&rest[..value_start]);
        let digits = rest[value_start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        match rest[value_start..value_start + digits].parse::<usize>() {
            Ok(n) => out.push_str(&f(n).to_string()),
            Err(_) => out.push_str(&rest[value_start..value_start + digits]),
        }
        rest = &rest[value_start + digits..];
    }
    out.push_str(rest);
    out
}

fn context_hash(page: &serde_json::Value, site_stamp: u64, options: &RenderOptions) -> u64 {
    hash_of(&(
        page.to_string(),
        site_stamp,
        options.source_lines,
        options.asset_urls,
    ))
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
