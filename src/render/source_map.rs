//! The one offset scheme of the render pipeline: a [`SourceMap`] takes a byte offset of a
//! text the pipeline made (Liquid's output, then the Markdown text passes' output) back to the
//! text it was made from. Each step that changes lengths records its own map with a
//! [`Rewriter`]; the maps are composed ([`SourceMap::then`]) into one map from the text
//! pulldown-cmark parses to the post file, which gives every `data-line`, problem line and
//! image line.

use std::borrow::Cow;

/// Where a piece of a made text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Copied from the earlier text starting at this byte offset: offsets inside map linearly.
    Copied(usize),
    /// Generated for the earlier text at this byte offset: every offset inside maps to it.
    Generated(usize),
}

/// A map from offsets of a made text to offsets of the text it was made from: pieces
/// `(start in the made text, origin)`, sorted by start. Before the first piece, offsets map
/// to themselves (an empty map is the identity).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SourceMap {
    pieces: Vec<(usize, Origin)>,
}

impl SourceMap {
    /// Starts a piece at `at` (not before the last piece's start).
    pub fn push(&mut self, at: usize, origin: Origin) {
        if let Some(&(last_at, last)) = self.pieces.last() {
            let continues = match (last, origin) {
                (Origin::Copied(a), Origin::Copied(b)) => b == a + (at - last_at),
                (Origin::Generated(a), Origin::Generated(b)) => a == b,
                _ => false,
            };
            if continues {
                return;
            }
            if last_at == at {
                self.pieces.pop();
            }
        }
        self.pieces.push((at, origin));
    }

    /// Drops the pieces starting at or after `at` (the made text was cut there).
    pub fn truncate(&mut self, at: usize) {
        while self.pieces.last().is_some_and(|&(o, _)| o >= at) {
            self.pieces.pop();
        }
    }

    /// How many pieces the map holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.pieces.len()
    }

    /// Maps an offset of the made text back to the earlier text.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|&(o, _)| o <= at);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((start, Origin::Copied(src))) => src + (at - start),
            Some((_, Origin::Generated(src))) => src,
            None => at,
        }
    }

    /// This map followed by `earlier` (which maps this map's target further back): one map
    /// from the made text to `earlier`'s source.
    pub fn then(&self, earlier: &SourceMap) -> SourceMap {
        if self.pieces.is_empty() {
            return earlier.clone();
        }
        let mut out = SourceMap::default();
        if self.pieces[0].0 > 0 {
            // The identity prefix of this map.
            out.push_piece_through(0, 0, self.pieces[0].0, earlier);
        }
        for (i, &(start, origin)) in self.pieces.iter().enumerate() {
            let end = self.pieces.get(i + 1).map_or(usize::MAX, |&(e, _)| e);
            match origin {
                Origin::Generated(src) => {
                    out.push(start, Origin::Generated(earlier.source_offset(src)))
                }
                Origin::Copied(src) => out.push_piece_through(start, src, end - start, earlier),
            }
        }
        out
    }

    /// Adds the pieces for `len` bytes at `start` copied from `src` of a text that
    /// `earlier` maps further back (`len` may be `usize::MAX - start`: to the end).
    fn push_piece_through(&mut self, start: usize, src: usize, len: usize, earlier: &SourceMap) {
        self.push(start, earlier.origin_at(src));
        let first = earlier.pieces.partition_point(|&(o, _)| o <= src);
        for &(e_start, e_origin) in &earlier.pieces[first..] {
            let delta = e_start - src;
            if delta >= len {
                break;
            }
            self.push(start + delta, e_origin);
        }
    }

    /// The origin of the piece holding `at`, as if that piece started at `at`.
    fn origin_at(&self, at: usize) -> Origin {
        let i = self.pieces.partition_point(|&(o, _)| o <= at);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((start, Origin::Copied(src))) => Origin::Copied(src + (at - start)),
            Some((_, generated)) => generated,
            None => Origin::Copied(at),
        }
    }
}

/// Builds a text pass's output and its [`SourceMap`] back to the pass's input together:
/// the pass copies the input up to a point, replaces a span or inserts text, in order.
pub(crate) struct Rewriter<'t> {
    input: &'t str,
    out: String,
    copied: usize,
    map: SourceMap,
    edited: bool,
}

impl<'t> Rewriter<'t> {
    /// A rewriter of `input`, nothing copied yet.
    pub fn new(input: &'t str) -> Self {
        Rewriter {
            input,
            out: String::new(),
            copied: 0,
            map: SourceMap::default(),
            edited: false,
        }
    }

    /// Where copying stopped in the input.
    pub fn copied(&self) -> usize {
        self.copied
    }

    /// Copies the input from where copying stopped up to `end`.
    pub fn copy_to(&mut self, end: usize) {
        if end > self.copied {
            if self.out.is_empty() {
                self.out.reserve(self.input.len() + 64);
            }
            self.map.push(self.out.len(), Origin::Copied(self.copied));
            self.out.push_str(&self.input[self.copied..end]);
            self.copied = end;
        }
    }

    /// Writes `text` in place of the input from where copying stopped up to `end`; every
    /// offset in `text` maps to the start of what it replaces.
    pub fn replace_to(&mut self, end: usize, text: &str) {
        if !text.is_empty() {
            self.map
                .push(self.out.len(), Origin::Generated(self.copied));
        }
        self.out.push_str(text);
        self.copied = self.copied.max(end);
        self.edited = true;
    }

    /// Inserts `text` where copying stopped.
    pub fn insert(&mut self, text: &str) {
        self.replace_to(self.copied, text);
    }

    /// Blanks the input from where copying stopped up to `end`: every byte but newlines
    /// becomes a space, so offsets inside still map one to one.
    pub fn blank_to(&mut self, end: usize) {
        if end <= self.copied {
            return;
        }
        self.map.push(self.out.len(), Origin::Copied(self.copied));
        for c in self.input[self.copied..end].chars() {
            match c {
                '\n' => self.out.push('\n'),
                c => self.out.extend(std::iter::repeat_n(' ', c.len_utf8())),
            }
        }
        self.copied = end;
        self.edited = true;
    }

    /// The output (the input itself when nothing was edited), its map going into `map`.
    pub fn finish(mut self, map: &mut SourceMap) -> Cow<'t, str> {
        if !self.edited {
            return Cow::Borrowed(self.input);
        }
        self.copy_to(self.input.len());
        *map = self.map;
        Cow::Owned(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_and_generated_offsets() {
        let mut m = SourceMap::default();
        m.push(0, Origin::Copied(10));
        m.push(3, Origin::Generated(40));
        m.push(6, Origin::Copied(50));
        assert_eq!(m.source_offset(1), 11);
        assert_eq!(m.source_offset(4), 40);
        assert_eq!(m.source_offset(7), 51);
    }

    #[test]
    fn merges_pieces_that_continue_each_other() {
        let mut m = SourceMap::default();
        m.push(0, Origin::Copied(0));
        m.push(5, Origin::Copied(5));
        m.push(8, Origin::Generated(8));
        m.push(9, Origin::Generated(8));
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn records_insertions_and_replacements() {
        let input = "a $$x$$ b";
        let mut rw = Rewriter::new(input);
        rw.copy_to(2);
        rw.replace_to(7, "M");
        rw.copy_to(8);
        rw.insert("<");
        let mut map = SourceMap::default();
        let out = rw.finish(&mut map);
        assert_eq!(out, "a M <b");
        assert_eq!(map.source_offset(2), 2);
        assert_eq!(map.source_offset(3), 7);
        assert_eq!(map.source_offset(4), 8);
        assert_eq!(map.source_offset(5), 8);
        assert_eq!(map.source_offset(6), 9);
    }

    #[test]
    fn leaves_an_unedited_text_borrowed_with_an_identity_map() {
        let mut map = SourceMap::default();
        let mut rw = Rewriter::new("abc");
        rw.copy_to(2);
        assert!(matches!(rw.finish(&mut map), Cow::Borrowed("abc")));
        assert_eq!(map.source_offset(2), 2);
    }

    #[test]
    fn composes_two_maps_into_one() {
        // Liquid: "ab" copied from 100, "XYZ" generated at 200, "cdef" copied from 300.
        let mut liquid = SourceMap::default();
        liquid.push(0, Origin::Copied(100));
        liquid.push(2, Origin::Generated(200));
        liquid.push(5, Origin::Copied(300));
        // A pass inserting one byte at 6 of Liquid's output ("abXYZc" + "\" + "def").
        let mut rw = Rewriter::new("abXYZcdef");
        rw.copy_to(6);
        rw.insert("\\");
        let mut pass = SourceMap::default();
        let out = rw.finish(&mut pass);
        assert_eq!(out, "abXYZc\\def");
        let both = pass.then(&liquid);
        for (at, want) in [(1, 101), (3, 200), (5, 300), (6, 301), (7, 301), (9, 303)] {
            assert_eq!(both.source_offset(at), want, "offset {at}");
            assert_eq!(
                both.source_offset(at),
                liquid.source_offset(pass.source_offset(at))
            );
        }
    }
}
