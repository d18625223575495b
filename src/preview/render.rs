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
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::segments::{self, Scan};
use super::PreviewDocument;
use crate::front_matter::split_front_matter;
use crate::render::{
    render_source, LocalImage, ProblemKind, RenderOptions, RenderProblem, SiteContext,
};

/// The front matter each segment is rendered behind: its body starts on line 3.
const SEGMENT_PREFIX: &str = "---\n---\n";
/// Lines of [`SEGMENT_PREFIX`].
const PREFIX_LINES: usize = 2;

/// One block of the preview: a segment's HTML, with `data-line`s relative to `line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Stable while the block is shown (a block that only moves keeps its id).
    pub id: u64,
    /// 1-based line of the file where the block starts; a `data-line="N"` inside stands for
    /// file line `line + N - 1`.
    pub line: usize,
    /// Sanitized HTML.
    pub html: String,
}

/// What changed since the render the preview shows: remove blocks `remove`, insert `insert`
/// (in order) before block `before` (at the end when `None`), and move the blocks from
/// `before` on by `shift` lines. With `reset`, the preview drops every block first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreviewPatch {
    /// This render's number; the next request names it when its patch was applied.
    pub generation: u64,
    /// Whether the preview must drop every block before inserting.
    pub reset: bool,
    /// Blocks to remove.
    pub remove: Vec<u64>,
    /// Blocks to insert, in order.
    pub insert: Vec<Block>,
    /// The block the inserted ones go before (`None`: at the end).
    pub before: Option<u64>,
    /// How many lines the blocks from `before` on moved.
    pub shift: i64,
    /// Problems of the whole post, file lines, in order.
    pub problems: Vec<RenderProblem>,
    /// Local images of the whole post, file lines, in order.
    pub images: Vec<LocalImage>,
}

/// The next render's number, for every document of the process.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// A rendered segment, lines relative to its first line (1).
#[derive(Debug)]
struct Piece {
    html: String,
    problems: Vec<RenderProblem>,
    images: Vec<LocalImage>,
    heading_ids: Vec<String>,
}

/// A block as shown: its id, cache key, first line and render.
#[derive(Debug, Clone)]
struct Shown {
    id: u64,
    key: u64,
    line: usize,
    piece: Arc<Piece>,
}

/// The cache and what the last render showed.
#[derive(Debug, Default)]
pub(super) struct RenderState {
    cache: HashMap<u64, Arc<Piece>>,
    context: u64,
    shown: Vec<Shown>,
    generation: u64,
    next_id: u64,
    /// The last definitions checked (their key) and whether they render to nothing.
    definitions: Option<(u64, bool)>,
}

impl PreviewDocument {
    /// Renders the text and returns what changed since render `shown` (the generation the
    /// preview shows; anything else, or `None`, gives a patch with `reset`). `site_stamp`
    /// changes whenever the site does (its posts, files, includes): the cache is then dropped.
    pub fn render(
        &mut self,
        page: &serde_json::Value,
        site: &dyn SiteContext,
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
        let next = pieces(&self.text, state, page, site, options);
        let patch = diff(state, next, shown);
        state.cache = state
            .shown
            .iter()
            .map(|s| (s.key, Arc::clone(&s.piece)))
            .collect();
        patch
    }

    /// The HTML of the last render with file lines in `data-line`: what
    /// [`render_source`] gives for the whole text.
    pub fn assembled_html(&self) -> String {
        let mut html = String::new();
        for shown in &self.renders.shown {
            html.push_str(&shift_data_lines(&shown.piece.html, |n| shown.line + n - 1));
        }
        html
    }
}

/// The segments of `text` as (key, first file line, render), from the cache when there.
fn pieces(
    text: &str,
    state: &mut RenderState,
    page: &serde_json::Value,
    site: &dyn SiteContext,
    options: &RenderOptions,
) -> Vec<(u64, usize, Arc<Piece>)> {
    let split = split_front_matter(text);
    let scan = segments::scan(split.body);
    if !needs_whole(split.body, &scan) {
        let mut out = Vec::with_capacity(scan.starts.len());
        for (i, &start) in scan.starts.iter().enumerate() {
            let end = scan.starts.get(i + 1).copied().unwrap_or(split.body.len());
            let segment = &split.body[start..end];
            let key = hash_of(&(state.context, segment, &scan.definitions));
            let piece = state.cache.get(&key).cloned().unwrap_or_else(|| {
                Arc::new(render_segment(
                    segment,
                    &scan.definitions,
                    page,
                    site,
                    options,
                ))
            });
            state.cache.insert(key, Arc::clone(&piece));
            out.push((key, split.body_line + scan.start_lines[i], piece));
        }
        let broken = out
            .iter()
            .any(|(_, _, p)| stopped(&p.problems) || p.html.chars().any(is_private_marker));
        if !broken && !ids_collide(&out) && definitions_vanish(state, &scan, page, site, options) {
            return out;
        }
    }
    let key = hash_of(&(state.context, "whole", text));
    let piece = state.cache.get(&key).cloned().unwrap_or_else(|| {
        let rendered = render_source(text, page, site, options);
        Arc::new(Piece {
            heading_ids: heading_ids(&rendered.html),
            html: rendered.html,
            problems: rendered.problems,
            images: rendered.images,
        })
    });
    vec![(key, 1, piece)]
}

/// Whether the definitions every segment gets render to nothing alone (each line is a
/// definition), so that appending them changes nothing else; remembered per text.
fn definitions_vanish(
    state: &mut RenderState,
    scan: &Scan,
    page: &serde_json::Value,
    site: &dyn SiteContext,
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

/// Whether the post must be rendered whole: state a segment cannot see (footnotes and their
/// numbering, `{:toc}`, Liquid variables, kramdown options and ALDs), an open construct at
/// the end, definitions whose order matters, or nothing to split.
fn needs_whole(body: &str, scan: &Scan) -> bool {
    scan.starts.len() < 2
        || scan.open_at_end
        || scan.duplicate_definitions
        || body.contains("[^")
        || body.contains("{::")
        || body
            .lines()
            .any(|l| l.starts_with("{:") && (l.contains("toc") || is_ald(l)))
        || has_stateful_liquid(body)
        || body.chars().any(is_private_marker)
}

/// Characters of the Supplementary Private Use Area-A: the renderer's stash markers, whose
/// numbering runs over the whole post (one that shows means something broke: render whole).
fn is_private_marker(c: char) -> bool {
    ('\u{F0000}'..='\u{FFFFD}').contains(&c)
}

/// `{:name: attrs}`: an attribute list definition, used by name anywhere in the document.
fn is_ald(line: &str) -> bool {
    let rest = &line[2..];
    let name_len = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .count();
    name_len > 0 && rest[name_len..].starts_with(':')
}

/// Liquid tags whose effect outlives their segment (variables, counters, cycles).
fn has_stateful_liquid(body: &str) -> bool {
    const STATEFUL: [&str; 6] = [
        "assign",
        "capture",
        "increment",
        "decrement",
        "cycle",
        "liquid",
    ];
    body.match_indices("{%").any(|(i, _)| {
        let name: String = body[i + 2..]
            .trim_start_matches('-')
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        STATEFUL.contains(&name.as_str())
    })
}

/// Renders one segment alone, lines relative to its first line.
fn render_segment(
    segment: &str,
    definitions: &str,
    page: &serde_json::Value,
    site: &dyn SiteContext,
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
        heading_ids: heading_ids(&html),
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

/// Whether two segments gave a heading the same id: kramdown numbers repeats across the whole
/// document (`x`, `x-1`), which a segment alone cannot know.
fn ids_collide(pieces: &[(u64, usize, Arc<Piece>)]) -> bool {
    let mut seen = std::collections::HashSet::new();
    pieces.iter().any(|(_, _, piece)| {
        let own: std::collections::HashSet<&str> =
            piece.heading_ids.iter().map(String::as_str).collect();
        own.into_iter().any(|id| !seen.insert(id.to_string()))
    })
}

fn stopped(problems: &[RenderProblem]) -> bool {
    problems
        .iter()
        .any(|p| p.kind == ProblemKind::BudgetExceeded)
}

/// The patch from what `state` shows to `next`, which it then shows.
fn diff(
    state: &mut RenderState,
    next: Vec<(u64, usize, Arc<Piece>)>,
    shown: Option<u64>,
) -> PreviewPatch {
    let reset = shown.is_none() || shown != Some(state.generation) || state.generation == 0;
    let old = if reset {
        Vec::new()
    } else {
        std::mem::take(&mut state.shown)
    };
    let mut prefix = 0;
    while prefix < old.len()
        && prefix < next.len()
        && old[prefix].key == next[prefix].0
        && old[prefix].line == next[prefix].1
    {
        prefix += 1;
    }
    let mut suffix = 0;
    let mut shift = 0i64;
    while suffix < old.len() - prefix && suffix < next.len() - prefix {
        let (o, n) = (&old[old.len() - 1 - suffix], &next[next.len() - 1 - suffix]);
        let moved = n.1 as i64 - o.line as i64;
        if o.key != n.0 || (suffix > 0 && moved != shift) {
            break;
        }
        shift = moved;
        suffix += 1;
    }
    let remove = old[prefix..old.len() - suffix]
        .iter()
        .map(|s| s.id)
        .collect();
    let before = (suffix > 0).then(|| old[old.len() - suffix].id);
    let mut shown_now: Vec<Shown> = old[..prefix].to_vec();
    let mut insert = Vec::new();
    for (key, line, piece) in next[prefix..next.len() - suffix].iter().cloned() {
        state.next_id += 1;
        insert.push(Block {
            id: state.next_id,
            line,
            html: piece.html.clone(),
        });
        shown_now.push(Shown {
            id: state.next_id,
            key,
            line,
            piece,
        });
    }
    for (old_block, (_, line, _)) in old[old.len() - suffix..]
        .iter()
        .zip(&next[next.len() - suffix..])
    {
        shown_now.push(Shown {
            line: *line,
            ..old_block.clone()
        });
    }
    state.shown = shown_now;
    // Unique across documents: a preview showing another post's render never matches.
    state.generation = NEXT_GENERATION.fetch_add(1, Ordering::Relaxed);
    let mut problems = Vec::new();
    let mut images = Vec::new();
    for s in &state.shown {
        problems.extend(s.piece.problems.iter().map(|p| RenderProblem {
            line: s.line + p.line - 1,
            ..p.clone()
        }));
        images.extend(s.piece.images.iter().map(|i| LocalImage {
            line: s.line + i.line - 1,
            ..i.clone()
        }));
    }
    problems.sort_by_key(|p| p.line);
    PreviewPatch {
        generation: state.generation,
        reset,
        remove,
        insert,
        before,
        shift,
        problems,
        images,
    }
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

/// The `id`s of the headings in `html`, in order.
fn heading_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for (at, _) in html.match_indices("<h") {
        let tag = &html[at + 2..];
        if !tag.starts_with(|c: char| ('1'..='6').contains(&c)) {
            continue;
        }
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(start) = tag.find(" id=\"") {
            let value = &tag[start + 5..];
            ids.push(value[..value.find('"').unwrap_or(value.len())].to_string());
        }
    }
    ids
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
