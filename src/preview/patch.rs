//! The patch that turns the blocks the preview shows into those of a new render: blocks
//! removed and inserted in one place, the blocks after them moved by a number of lines, and
//! blocks kept in place whose HTML changed (their heading ids were numbered again because a
//! repeated heading was added or removed above them).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::render::{Piece, RenderState};
use crate::render::{LocalImage, RenderProblem};

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
/// (in order) before block `before` (at the end when `None`), move the blocks from `before`
/// on by `shift` lines, then give the blocks of `update` their new HTML. With `reset`, the
/// preview drops every block first.
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
    /// Blocks shown before that stay in place with new HTML (their id, their line after the
    /// shift): the heading ids of their segment were numbered again.
    pub update: Vec<Block>,
    /// Problems of the whole post, file lines, in order.
    pub problems: Vec<RenderProblem>,
    /// Local images of the whole post, file lines, in order.
    pub images: Vec<LocalImage>,
}

/// The next render's number, for every document of the process.
static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// A block of a render: the key of its source (segment text and context), the key of what
/// it shows (the source's, or one with its heading ids numbered again), its first file line
/// and its render.
#[derive(Debug, Clone)]
pub(super) struct Part {
    pub source: u64,
    pub key: u64,
    pub line: usize,
    pub piece: Arc<Piece>,
}

/// A block as shown: its id and part.
#[derive(Debug, Clone)]
pub(super) struct Shown {
    id: u64,
    part: Part,
}

impl Shown {
    /// The block's first file line and render.
    pub(super) fn parts(shown: &[Shown]) -> impl Iterator<Item = &Part> {
        shown.iter().map(|s| &s.part)
    }
}

/// The patch from what `state` shows to `next`, which it then shows. Blocks are matched by
/// their source, so that a block whose heading ids were numbered again is updated in place.
pub(super) fn diff(state: &mut RenderState, next: Vec<Part>, shown: Option<u64>) -> PreviewPatch {
    let reset = shown.is_none() || shown != Some(state.generation) || state.generation == 0;
    let old = if reset {
        Vec::new()
    } else {
        std::mem::take(&mut state.shown)
    };
    let mut prefix = 0;
    while prefix < old.len()
        && prefix < next.len()
        && old[prefix].part.source == next[prefix].source
        && old[prefix].part.line == next[prefix].line
    {
        prefix += 1;
    }
    let mut suffix = 0;
    let mut shift = 0i64;
    while suffix < old.len() - prefix && suffix < next.len() - prefix {
        let (o, n) = (&old[old.len() - 1 - suffix], &next[next.len() - 1 - suffix]);
        let moved = n.line as i64 - o.part.line as i64;
        if o.part.source != n.source || (suffix > 0 && moved != shift) {
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
    let mut update = Vec::new();
    let mut kept = |old: &Shown, part: Part| {
        if old.part.key != part.key {
            update.push(Block {
                id: old.id,
                line: part.line,
                html: part.piece.html.clone(),
            });
        }
        Shown { id: old.id, part }
    };
    let mut shown_now: Vec<Shown> = old[..prefix]
        .iter()
        .zip(&next[..prefix])
        .map(|(o, n)| kept(o, n.clone()))
        .collect();
    let mut insert = Vec::new();
    for part in next[prefix..next.len() - suffix].iter().cloned() {
        state.next_id += 1;
        insert.push(Block {
            id: state.next_id,
            line: part.line,
            html: part.piece.html.clone(),
        });
        shown_now.push(Shown {
            id: state.next_id,
            part,
        });
    }
    for (o, n) in old[old.len() - suffix..]
        .iter()
        .zip(&next[next.len() - suffix..])
    {
        shown_now.push(kept(o, n.clone()));
    }
    state.shown = shown_now;
    // Unique across documents: a preview showing another post's render never matches.
    state.generation = NEXT_GENERATION.fetch_add(1, Ordering::Relaxed);
    let (problems, images) = located(&state.shown);
    PreviewPatch {
        generation: state.generation,
        reset,
        remove,
        insert,
        before,
        shift,
        update,
        problems,
        images,
    }
}

/// The problems and images of the blocks shown, with file lines.
fn located(shown: &[Shown]) -> (Vec<RenderProblem>, Vec<LocalImage>) {
    let mut problems = Vec::new();
    let mut images = Vec::new();
    for Part { line, piece, .. } in Shown::parts(shown) {
        problems.extend(piece.problems.iter().map(|p| RenderProblem {
            line: line + p.line - 1,
            ..p.clone()
        }));
        images.extend(piece.images.iter().map(|i| LocalImage {
            line: line + i.line - 1,
            ..i.clone()
        }));
    }
    problems.sort_by_key(|p| p.line);
    (problems, images)
}
