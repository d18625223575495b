//! Tests of the highlighter's output shape and bounds; agreement with rouge itself is
//! measured in `tests/rouge_agreement.rs`.

use super::*;

fn classes(lang: &str, code: &str) -> Vec<(&'static str, String)> {
    highlight_tokens(lang, code)
        .expect("highlighted")
        .into_iter()
        .filter(|t| !t.text.trim().is_empty())
        .map(|t| (t.class, t.text))
        .collect()
}

#[test]
fn yaml_keys_indicators_and_scalars_get_rouge_classes() {
    assert_eq!(
        classes("yaml", "kind: Deployment\n"),
        [
            ("na", "kind".to_string()),
            ("pi", ":".to_string()),
            ("s", "Deployment".to_string())
        ]
    );
}

#[test]
fn json_keys_are_labels_and_values_are_strings() {
    let t = classes("json", "{\"a\": \"b\", \"n\": 1}");
    assert!(t.contains(&("nl", "\"a\"".to_string())), "{t:?}");
    assert!(t.contains(&("s2", "\"b\"".to_string())), "{t:?}");
    assert!(t.contains(&("mi", "1".to_string())), "{t:?}");
}

#[test]
fn language_names_are_case_insensitive_aliases() {
    assert_eq!(classes("YML", "a: 1\n"), classes("yaml", "a: 1\n"));
}

#[test]
fn html_output_escapes_text_inside_spans() {
    let html = highlight_html("python", "x = '<b>' # a & b\n");
    assert!(
        html.contains("<span class=\"s\">'&lt;b&gt;'</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"c1\"># a &amp; b\n</span>"),
        "{html}"
    );
}

#[test]
fn plaintext_and_unknown_languages_are_escaped_text() {
    assert_eq!(highlight_html("plaintext", "a < b\n"), "a &lt; b\n");
    assert_eq!(highlight_html("nope", "a < b\n"), "a &lt; b\n");
}

#[test]
fn tokens_cover_the_code_exactly() {
    let code = "fn main() {\n    let x = \"é\"; // ü\n}\n";
    let text: String = highlight_tokens("rust", code)
        .expect("highlighted")
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(text, code);
}

#[test]
fn a_block_over_the_cap_is_plain_text() {
    let code = "a: 1\n".repeat(MAX_HIGHLIGHTED_BYTES / 5 + 1);
    assert!(highlight_tokens("yaml", &code).is_none());
    assert!(!highlight_html("yaml", &code).contains("<span"));
}

#[test]
fn a_line_over_the_cap_is_plain_text() {
    let code = format!("var x = [{}];\n", "1,".repeat(MAX_LINE_BYTES));
    assert!(highlight_tokens("js", &code).is_none());
}

#[test]
fn console_sessions_mark_prompts_and_output() {
    let t = classes("console", "$ echo hi\nhi\n");
    assert_eq!(t[0], ("gp", "$".to_string()));
    // rouge's shell builtins take the space after them.
    assert!(t.contains(&("nb", "echo ".to_string())), "{t:?}");
    assert_eq!(t.last(), Some(&("go", "hi\n".to_string())));
}
