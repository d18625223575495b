//! Most text passes keep byte offsets in place; the few that must insert bytes (a `<...>`
//! around a spaced link destination, a `\` before a `1)` marker) record where, so that
//! offsets in the parsed text can be mapped back for `data-line` and problem lines.

/// Insertions made by one pass: `(offset in the pass's output, bytes inserted there)`, sorted.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shifts {
    inserted: Vec<(usize, usize)>,
}

impl Shifts {
    /// Records `len` bytes inserted at `at` (an offset in the pass's output).
    pub fn record(&mut self, at: usize, len: usize) {
        self.inserted.push((at, len));
    }

    /// Maps an offset of the pass's output back to its input.
    pub fn unshift(&self, offset: usize) -> usize {
        let before: usize = self
            .inserted
            .iter()
            .take_while(|(at, _)| *at < offset)
            .map(|(_, len)| len)
            .sum();
        offset.saturating_sub(before)
    }

    /// Whether nothing was inserted.
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.inserted.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_offsets_after_insertions_back() {
        let mut s = Shifts::default();
        s.record(3, 1);
        s.record(10, 2);
        assert_eq!(s.unshift(2), 2);
        assert_eq!(s.unshift(5), 4);
        assert_eq!(s.unshift(20), 17);
    }
}
