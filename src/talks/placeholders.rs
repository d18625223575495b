//! Finding the `⟪…⟫` placeholders a talk section still holds (a speaker, company or link the
//! schedule did not give), for checks before publishing.

use super::template::{PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN};

/// One placeholder left in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftPlaceholder {
    /// 1-based line.
    pub line: usize,
    /// The placeholder with its brackets: `⟪orateurs⟫`.
    pub text: String,
}

/// Every `⟪…⟫` of `text` (on one line), in order.
pub fn placeholders_in(text: &str) -> Vec<LeftPlaceholder> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(open) = rest.find(PLACEHOLDER_OPEN) {
            let after = &rest[open..];
            let Some(close) = after.find(PLACEHOLDER_CLOSE) else {
                break;
            };
            let end = close + PLACEHOLDER_CLOSE.len_utf8();
            found.push(LeftPlaceholder {
                line: index + 1,
                text: after[..end].to_string(),
            });
            rest = &after[end..];
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(usize, String)> {
        placeholders_in(text)
            .into_iter()
            .map(|p| (p.line, p.text))
            .collect()
    }

    #[test]
    fn finds_each_placeholder_with_its_line() {
        let text =
            "## Talk\n\nCe talk a été donné par ⟪orateurs⟫ de ⟪entreprise⟫.\n[x](⟪lien⟫)\n⟪open";
        assert_eq!(
            found(text),
            [
                (3, "⟪orateurs⟫".to_string()),
                (3, "⟪entreprise⟫".to_string()),
                (4, "⟪lien⟫".to_string())
            ]
        );
        assert!(placeholders_in("Rien à signaler.").is_empty());
    }

    #[test]
    fn ignores_a_placeholder_split_across_lines() {
        let text = "## ⟪title⟫\nPar ⟪speakers⟫ de ⟪company⟫\n⟪open\nclose⟫\n";
        assert_eq!(
            found(text),
            [
                (1, "⟪title⟫".to_string()),
                (2, "⟪speakers⟫".to_string()),
                (2, "⟪company⟫".to_string())
            ]
        );
    }
}
