//! The one place that sets pulldown-cmark's options, chosen to match kramdown with
//! `input: GFM` as Jekyll 4.3 configures it (`hard_wrap: false`, no bare-URL autolinks).

use pulldown_cmark::Options;

/// Parser options: GFM tables, footnotes, `~~strike~~`, task lists, `{#id .class}` after
/// headings and kramdown's `term` / `: definition` lists. Smart punctuation is ours
/// (`typography`): CommonMark's quote rules are not kramdown's.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enables_the_gfm_extensions_kramdown_has() {
        let o = parser_options();
        assert!(o.contains(Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES));
        assert!(!o.contains(Options::ENABLE_MATH));
    }
}
