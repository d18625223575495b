//! A bound on how deep the elements of a post nest, as other CommonMark renderers have one
//! (markdown-it's `maxNesting`, cmark's bracket and list limits): past
//! [`MAX_MARKDOWN_NESTING`] open elements, deeper starts and their ends are dropped and their
//! content joins the deepest element kept. Nothing of the text is lost, and the HTML the
//! sanitizer then parses stays shallow: an HTML tree builder checks the open elements on
//! every start tag, so a hundred thousand nested blockquotes would cost the square of that.

use pulldown_cmark::Event;

use super::Node;

/// Deepest nesting of Markdown elements (block quotes, lists, items, emphasis, links, ...)
/// written as such; real posts stay under 10.
pub(crate) const MAX_MARKDOWN_NESTING: usize = 64;

/// Drops the start and end of every element nested deeper than `max`.
pub(crate) fn limit_nesting<'a>(
    nodes: impl Iterator<Item = Node<'a>>,
    max: usize,
) -> impl Iterator<Item = Node<'a>> {
    // One flag per open element: whether its start was kept (its end must match).
    let mut open: Vec<bool> = Vec::new();
    let mut kept = 0usize;
    nodes.filter(move |node| match node.event {
        Event::Start(_) => {
            let keep = kept < max;
            open.push(keep);
            kept += usize::from(keep);
            keep
        }
        Event::End(_) => {
            let keep = open.pop().unwrap_or(true);
            kept -= usize::from(keep && kept > 0);
            keep
        }
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn events(md: &str, max: usize) -> (usize, usize, String) {
        let nodes = Parser::new(md)
            .into_offset_iter()
            .map(|(e, r)| Node::new(e, r));
        let (mut starts, mut ends, mut text) = (0, 0, String::new());
        for n in limit_nesting(nodes, max) {
            match n.event {
                Event::Start(_) => starts += 1,
                Event::End(_) => ends += 1,
                Event::Text(t) => text.push_str(&t),
                _ => {}
            }
        }
        (starts, ends, text)
    }

    #[test]
    fn keeps_elements_up_to_the_limit() {
        // Three block quotes and a paragraph: four elements.
        assert_eq!(events("> > > deep\n", 4), (4, 4, "deep".into()));
    }

    #[test]
    fn drops_deeper_elements_and_keeps_their_text() {
        assert_eq!(events("> > > > > deep\n", 2), (2, 2, "deep".into()));
    }

    #[test]
    fn keeps_siblings_after_a_deep_branch() {
        let (starts, ends, text) = events("> > > a\n\nb\n", 2);
        assert_eq!(
            (starts, ends),
            (3, 3),
            "two quotes, then the paragraph of b"
        );
        assert_eq!(text, "ab");
    }
}
