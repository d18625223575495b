//! kramdown closes `**strong**` at the first `**` not after whitespace and opens a new run at
//! any `**` not before whitespace (`parser/kramdown/emphasis.rb`), so `**Forums****, Help:**`
//! is two strong runs. CommonMark's flanking rules read the middle `****` (a letter before it,
//! a comma after it) as a closer only: the first run closes and the second `**` pair stays
//! literal. This adapter finds such a literal `**` right after a strong run's end, and its
//! literal `**` partner later in the same inline content, and makes the pair a strong run.

use std::collections::VecDeque;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Node;

/// Makes the literal `**` pair after a strong run's end a strong run, as kramdown reads it.
pub(crate) fn split_strong_runs<'a>(
    nodes: impl Iterator<Item = Node<'a>>,
    text: &'a str,
) -> impl Iterator<Item = Node<'a>> {
    StrongRuns {
        inner: nodes,
        text,
        out: VecDeque::new(),
    }
}

struct StrongRuns<'a, I> {
    inner: I,
    text: &'a str,
    /// Nodes read ahead, to hand out before reading more.
    out: VecDeque<Node<'a>>,
}

impl<'a, I: Iterator<Item = Node<'a>>> Iterator for StrongRuns<'a, I> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        if let Some(node) = self.out.pop_front() {
            return Some(node);
        }
        let node = self.inner.next()?;
        if matches!(node.event, Event::End(TagEnd::Strong)) && self.opens_at(node.range.end) {
            self.read_run(node.range.end);
        }
        Some(node)
    }
}

impl<'a, I: Iterator<Item = Node<'a>>> StrongRuns<'a, I> {
    /// Whether a strong run written with `**` ends at `at` and `**` follows, then a
    /// non-blank character (kramdown opens there; CommonMark did not).
    fn opens_at(&self, at: usize) -> bool {
        let (Some(before), Some(after)) = (self.text.get(..at), self.text.get(at..)) else {
            return false;
        };
        before.ends_with("**")
            && after.starts_with("**")
            && after[2..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace())
    }

    /// Reads the literal `**` at `at`, the content and the closing literal `**` into `out`,
    /// as a strong run when all three are there, as they were otherwise.
    fn read_run(&mut self, at: usize) {
        let (opener, is_delimiter) = self.read_delimiter(at);
        if !is_delimiter {
            self.out.extend(opener);
            return;
        }
        let mut content: Vec<Node<'a>> = Vec::new();
        let mut depth = 0usize;
        while let Some(node) = self.inner.next() {
            match node.event {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 0 => {
                    // The paragraph (or cell, heading) ends first: no partner.
                    content.push(node);
                    break;
                }
                Event::End(_) => depth -= 1,
                Event::Text(_) if depth == 0 && self.closes_at(node.range.start, &content) => {
                    let close = node.range.start;
                    let mut closer = vec![node];
                    if closer[0].range.end < close + 2 {
                        closer.extend(self.inner.next());
                    }
                    if closer.last().is_some_and(|n| n.range.end == close + 2) {
                        self.out
                            .push_back(Node::new(Event::Start(Tag::Strong), at..close + 2));
                        self.out.extend(content);
                        self.out
                            .push_back(Node::new(Event::End(TagEnd::Strong), at..close + 2));
                        return;
                    }
                    content.extend(closer);
                    break;
                }
                _ => {}
            }
            content.push(node);
        }
        self.out.extend(opener);
        self.out.extend(content);
    }

    /// The nodes of the literal `**` at `at`, and whether they are it: two text nodes of one
    /// `*` each, as pulldown-cmark writes an unmatched delimiter run.
    fn read_delimiter(&mut self, at: usize) -> (Vec<Node<'a>>, bool) {
        let mut nodes = Vec::new();
        while nodes.len() < 2 {
            let Some(node) = self.inner.next() else {
                return (nodes, false);
            };
            let expected = at + nodes.len();
            let star = matches!(&node.event, Event::Text(t) if t.as_ref() == "*")
                && node.range == (expected..expected + 1);
            nodes.push(node);
            if !star {
                return (nodes, false);
            }
        }
        (nodes, true)
    }

    /// Whether a literal `**` at `at` closes the run: not after whitespace, some content read.
    fn closes_at(&self, at: usize, content: &[Node<'a>]) -> bool {
        !content.is_empty()
            && self.text.get(at..).is_some_and(|s| s.starts_with("**"))
            && self.text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn strong_texts(src: &str) -> String {
        let nodes = Parser::new(src)
            .into_offset_iter()
            .map(|(e, r)| Node::new(e, r));
        let mut out = String::new();
        for node in split_strong_runs(nodes, src) {
            match node.event {
                Event::Start(Tag::Strong) => out.push('['),
                Event::End(TagEnd::Strong) => out.push(']'),
                Event::Text(t) => out.push_str(&t),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn reads_a_run_after_a_run_as_kramdown_does() {
        assert_eq!(
            strong_texts("**Forums****, Help:** next"),
            "[Forums][, Help:] next"
        );
    }

    #[test]
    fn leaves_unpaired_or_spaced_delimiters_literal() {
        assert_eq!(strong_texts("**a****, b"), "[a]**, b");
        assert_eq!(strong_texts("**a****, b **"), "[a]**, b **");
        assert_eq!(strong_texts("**a** **b**"), "[a] [b]");
        assert_eq!(strong_texts("**a****\n\nb**"), "[a]**b**");
    }
}
