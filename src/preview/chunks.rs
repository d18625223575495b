//! Joining a long post's segments into chunks. Each render has a fixed cost (Liquid, the
//! parser, the sanitizer), which thousands of one-paragraph segments would pay thousands of
//! times on the first render of a 1 MB post; a chunk of a few KB pays it once and is still
//! small enough to render again on a keystroke. Adjacent segments join safely: a chunk only
//! drops boundaries the segmenter found.

use super::segments::Scan;

/// Bodies this long are rendered in chunks of segments rather than segment by segment.
const CHUNKED_FROM: usize = 32 << 10;
/// The size a chunk aims at, in bytes: a keystroke renders one chunk again.
const CHUNK_TARGET: u64 = 4 << 10;
/// The size at which a chunk ends whatever its content.
const CHUNK_MAX: usize = 16 << 10;

/// The indices of the segments of `scan` that start a chunk (the first is 0): every segment
/// for a body shorter than [`CHUNKED_FROM`], else adjacent segments joined into chunks of
/// about [`CHUNK_TARGET`] bytes. Where a chunk ends is decided by the text of its last
/// segment alone (content-defined, as rsync and backup tools cut files), so an edit moves at
/// most the chunk ends next to it and every other chunk keeps its text (and its render).
pub(super) fn chunk_starts(body: &str, scan: &Scan) -> Vec<usize> {
    if body.len() < CHUNKED_FROM {
        return (0..scan.starts.len()).collect();
    }
    let mut out = vec![0];
    let mut size = 0;
    for (i, &start) in scan.starts.iter().enumerate() {
        let end = scan.starts.get(i + 1).copied().unwrap_or(body.len());
        let segment = &body[start..end];
        size += segment.len();
        if i + 1 < scan.starts.len() && (size >= CHUNK_MAX || ends_chunk(segment)) {
            out.push(i + 1);
            size = 0;
        }
    }
    out
}

/// Whether a chunk ends after `segment`: with a probability of its share of the target size,
/// drawn from its text.
fn ends_chunk(segment: &str) -> bool {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    segment.hash(&mut hasher);
    hasher.finish() % CHUNK_TARGET < segment.len() as u64
}

#[cfg(test)]
mod tests {
    use super::super::segments::scan;
    use super::*;

    #[test]
    fn long_bodies_are_chunked_by_content_and_an_edit_moves_only_its_chunk() {
        let body: String = (0..3000).map(|i| format!("Paragraph {i}.\n\n")).collect();
        let chunks = chunk_starts(&body, &scan(&body));
        let starts = scan(&body).starts.len();
        assert!(
            chunks.len() > 4 && chunks.len() * 20 < starts,
            "{}",
            chunks.len()
        );
        assert_eq!(chunk_starts("a\n\nb\n", &scan("a\n\nb\n")), vec![0, 1]);
        // A paragraph inserted near the start: the chunks after the next end keep their text.
        let chunk_texts = |body: &str| -> Vec<String> {
            let s = scan(body);
            let c = chunk_starts(body, &s);
            c.iter()
                .enumerate()
                .map(|(k, &i)| {
                    let end = c.get(k + 1).map_or(body.len(), |&j| s.starts[j]);
                    body[s.starts[i]..end].to_string()
                })
                .collect()
        };
        let before = chunk_texts(&body);
        let edited = body.replacen("Paragraph 5.", "Paragraph 5 and more.", 1);
        let after = chunk_texts(&edited);
        let kept = after.iter().filter(|c| before.contains(c)).count();
        assert!(kept + 2 >= after.len(), "{kept} of {}", after.len());
    }
}
