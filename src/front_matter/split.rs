//! Splitting the `---` front matter block from a post's body, keeping byte offsets.
//!
//! Jekyll (4.3, `Document::YAML_FRONT_MATTER_REGEXP`) takes a file as having front matter
//! when it starts with `---` followed by optional spaces and a line break, and the block
//! ends at the first line that is `---` or `...` (optionally followed by spaces).

/// A post split into its front matter and its body. Offsets are byte offsets into the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences (without them), or `None` when the file has no front matter.
    pub yaml: Option<&'a str>,
    /// Byte offset of `yaml` in the source.
    pub yaml_start: usize,
    /// 1-based line of the first YAML line in the source.
    pub yaml_line: usize,
    /// The body after the closing fence (the whole file when there is no front matter).
    pub body: &'a str,
    /// Byte offset of `body` in the source.
    pub body_start: usize,
    /// 1-based line where the body starts in the source.
    pub body_line: usize,
}

/// Splits `source` into front matter and body, as Jekyll does. Never fails: a file with an
/// opening fence but no closing one has no front matter (Jekyll treats it as all body).
pub fn split_front_matter(source: &str) -> Split<'_> {
    let no_front_matter = Split {
        yaml: None,
        yaml_start: 0,
        yaml_line: 1,
        body: source,
        body_start: 0,
        body_line: 1,
    };
    // A UTF-8 byte order mark is skipped by Jekyll's reader (bom|utf-8).
    let bom = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let rest = &source[bom..];
    let Some(after_dashes) = rest.strip_prefix("---") else {
        return no_front_matter;
    };
    let first_line_end = match after_dashes.find('\n') {
        Some(i) => i,
        None => return no_front_matter,
    };
    if !after_dashes[..first_line_end]
        .trim_end_matches('\r')
        .chars()
        .all(|c| c == ' ' || c == '\t')
    {
        return no_front_matter;
    }
    let yaml_start = bom + 3 + first_line_end + 1;
    let mut offset = yaml_start;
    for (line_no, line) in (2..).zip(source[yaml_start..].split_inclusive('\n')) {
        let content = line.trim_end_matches(['\n', '\r']);
        let is_fence = (content.starts_with("---")
            && content[3..].trim_matches([' ', '\t']).is_empty())
            || (content.starts_with("...") && content[3..].trim_matches([' ', '\t']).is_empty());
        if is_fence {
            let body_start = offset + line.len();
            return Split {
                yaml: Some(&source[yaml_start..offset]),
                yaml_start,
                yaml_line: 2,
                body: &source[body_start..],
                body_start,
                body_line: line_no + 1,
            };
        }
        offset += line.len();
    }
    no_front_matter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body_with_offsets() {
        let src = "---\ntitle: A\n---\n\nHello\n";
        let s = split_front_matter(src);
        assert_eq!(s.yaml, Some("title: A\n"));
        assert_eq!(s.body, "\nHello\n");
        assert_eq!(&src[s.body_start..], s.body);
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn empty_front_matter_is_still_front_matter() {
        let s = split_front_matter("---\n---\nbody");
        assert_eq!(s.yaml, Some(""));
        assert_eq!(s.body, "body");
    }

    #[test]
    fn file_without_fence_is_all_body() {
        let s = split_front_matter("# Title\n---\n");
        assert_eq!(s.yaml, None);
        assert_eq!(s.body, "# Title\n---\n");
    }

    #[test]
    fn unclosed_fence_is_all_body() {
        let s = split_front_matter("---\ntitle: x\nno end\n");
        assert_eq!(s.yaml, None);
    }

    #[test]
    fn crlf_and_dots_close_the_block() {
        let s = split_front_matter("---\r\ntitle: x\r\n...\r\nbody\r\n");
        assert_eq!(s.yaml, Some("title: x\r\n"));
        assert_eq!(s.body, "body\r\n");
    }
}
