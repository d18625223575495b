//! Code blocks as kramdown writes them with rouge (Jekyll's default highlighter):
//! `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>`,
//! `plaintext` when the fence names no language, and rouge's line-number table when the site
//! sets `kramdown.syntax_highlighter_opts.block.line_numbers`. The code inside carries
//! rouge's token classes ([`crate::render::highlight`]).

use super::rouge_lexers::rouge_knows;
use super::writer::escape_text;
use crate::render::highlight::highlight_html;

/// The language kramdown takes from a fence's info string: its first word, without any
/// `?options` suffix (`FENCED_CODEBLOCK_MATCH` in kramdown-parser-gfm).
pub(crate) fn fence_language(info: &str) -> &str {
    let word = info.split_whitespace().next().unwrap_or("");
    let word = word.split('?').next().unwrap_or("");
    word.trim_start_matches('{')
        .trim_start_matches('.')
        .trim_end_matches('}')
}

/// The HTML of a code block. `extra` is written inside the outer tag (attributes).
pub(crate) fn code_block_html(lang: &str, code: &str, line_numbers: bool, extra: &str) -> String {
    if !lang.is_empty() && !rouge_knows(lang) {
        // kramdown's fallback when Rouge has no lexer (`convert_codeblock`).
        return format!(
            "<pre{extra}><code class=\"language-{}\">{}\n</code></pre>\n",
            super::escape_attr(lang),
            escape_text(code).trim_end_matches('\n')
        );
    }
    let escaped = highlight_html(lang, code);
    let lang = if lang.is_empty() {
        "plaintext".to_string()
    } else {
        lang.to_lowercase()
    };
    let inner = if line_numbers {
        // Rouge's `HTMLTable` numbers every `\n` of the code, blank last lines included, and
        // one more line when the code does not end with one.
        let lines = code.matches('\n').count() + usize::from(!code.ends_with('\n'));
        let numbers: String = (1..=lines).map(|n| format!("{n}\n")).collect();
        format!(
            "<table class=\"rouge-table\"><tbody><tr><td class=\"rouge-gutter gl\"><pre class=\"lineno\">{numbers}</pre></td><td class=\"rouge-code\"><pre>{escaped}</pre></td></tr></tbody></table>"
        )
    } else {
        escaped
    };
    format!(
        "<div class=\"language-{} highlighter-rouge\"{extra}><div class=\"highlight\"><pre class=\"highlight\"><code>{inner}</code></pre></div></div>\n",
        super::escape_attr(&lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_first_word_of_the_fence_info() {
        assert_eq!(fence_language("ruby title=x"), "ruby");
        assert_eq!(fence_language("js?linenos"), "js");
        assert_eq!(fence_language(""), "");
    }

    #[test]
    fn writes_rouge_wrappers_with_plaintext_default() {
        let html = code_block_html("", "a < b\n", false, "");
        assert_eq!(
            html,
            "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>a &lt; b\n</code></pre></div></div>\n"
        );
    }

    #[test]
    fn writes_a_plain_pre_for_languages_rouge_does_not_know() {
        assert_eq!(
            code_block_html("mermaid", "graph TD\n", true, ""),
            "<pre><code class=\"language-mermaid\">graph TD\n</code></pre>\n"
        );
    }

    #[test]
    fn numbers_lines_when_the_site_asks() {
        let html = code_block_html("sh", "a\nb\n", true, "");
        assert!(html.contains("<pre class=\"lineno\">1\n2\n</pre>"));
    }

    #[test]
    fn numbers_blank_last_lines_as_rouge_does() {
        for (code, numbers) in [
            ("a\n\n", "1\n2\n"),
            ("a\n  \n", "1\n2\n"),
            ("a", "1\n"),
            ("", "1\n"),
        ] {
            let html = code_block_html("sh", code, true, "");
            assert!(
                html.contains(&format!("<pre class=\"lineno\">{numbers}</pre>")),
                "{code:?}: {html}"
            );
        }
    }
}
