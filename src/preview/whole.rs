//! When the preview renders a post whole rather than segment by segment, and why: state a
//! segment cannot see (footnotes and their numbering, `{:toc}`, Liquid variables, kramdown
//! options and attribute list definitions), an open construct at the end, definitions whose
//! order matters, or a segment whose render shows it was not safe alone. The reason of the
//! last render is kept on the document ([`super::PreviewDocument::whole_reason`]), so tests
//! and benchmarks can count how often, and why, the preview falls back.

use super::segments::Scan;

/// Why a render of a preview document was one whole render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WholeReason {
    /// The body is one segment: there is nothing to split (not a fallback).
    OneSegment,
    /// The body ends inside an open construct (a fence, a Liquid block, an HTML element, math).
    OpenAtEnd,
    /// Two reference or abbreviation definitions share a label (which one wins depends on
    /// order).
    DuplicateDefinitions,
    /// Footnotes (`[^x]`), numbered over the whole post.
    Footnotes,
    /// A kramdown extension (`{::options}`, `{::comment}`, ...).
    Extension,
    /// A table of contents (`{:toc}`) or an attribute list definition (`{:name: ...}`).
    TocOrAld,
    /// Liquid whose state outlives its segment (`assign`, `capture`, `increment`, `cycle`).
    StatefulLiquid,
    /// The renderer's private-use markers in the text or in a segment's output.
    PrivateMarker,
    /// A segment ran out of a render budget (the whole render says where it stopped).
    Budget,
    /// The reference definitions every segment gets render to something alone.
    Definitions,
    /// A repeated heading id could not be renumbered in a segment's HTML (an HTML heading
    /// there has an id a Markdown heading also has).
    HeadingIds,
}

/// Why `body` must be rendered whole before any segment is rendered, if it must.
pub(super) fn whole_before_render(body: &str, scan: &Scan) -> Option<WholeReason> {
    let reason = if scan.starts.len() < 2 {
        WholeReason::OneSegment
    } else if scan.open_at_end {
        WholeReason::OpenAtEnd
    } else if scan.duplicate_definitions {
        WholeReason::DuplicateDefinitions
    } else if body.contains("[^") {
        WholeReason::Footnotes
    } else if body.contains("{::") {
        WholeReason::Extension
    } else if body
        .lines()
        .any(|l| l.starts_with("{:") && (l.contains("toc") || is_ald(l)))
    {
        WholeReason::TocOrAld
    } else if has_stateful_liquid(body) {
        WholeReason::StatefulLiquid
    } else if body.chars().any(is_private_marker) {
        WholeReason::PrivateMarker
    } else {
        return None;
    };
    Some(reason)
}

/// Characters of the Supplementary Private Use Area-A: the renderer's stash markers, whose
/// numbering runs over the whole post (one that shows means something broke: render whole).
pub(super) fn is_private_marker(c: char) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::segments::scan;
    use super::*;

    fn reason(body: &str) -> Option<WholeReason> {
        whole_before_render(body, &scan(body))
    }

    #[test]
    fn names_why_a_body_is_rendered_whole() {
        assert_eq!(reason("a\n"), Some(WholeReason::OneSegment));
        assert_eq!(reason("a\n\n```\nx\n"), Some(WholeReason::OpenAtEnd));
        assert_eq!(
            reason("a[^1]\n\nb\n\n[^1]: n\n"),
            Some(WholeReason::Footnotes)
        );
        assert_eq!(
            reason("{::comment}x{:/}\n\na\n\nb\n"),
            Some(WholeReason::Extension)
        );
        assert_eq!(
            reason("* x\n{:toc}\n\n# A\n\nb\n"),
            Some(WholeReason::TocOrAld)
        );
        assert_eq!(
            reason("{:r: .red}\n\na\n\nb\n"),
            Some(WholeReason::TocOrAld)
        );
        assert_eq!(
            reason("{% assign x = 1 %}\n\n{{ x }}\n"),
            Some(WholeReason::StatefulLiquid)
        );
        assert_eq!(reason("# A\n\ntext\n\n# A\n"), None);
    }
}
