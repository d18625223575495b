//! Unit tests of [`super`]: each quirk of real front matter, edited in place.

use super::*;

const POST: &str = "---\ntitle:   \"Jour 1: keynotes\" # the day\nlayout:  post\n\n# Series\nseries: KubeCon\ntags:\n  - kubecon\n  - cloud\ndate: 2023-04-19 10:00:00 +0200\n---\nBody: title: x\n";

#[test]
fn replaces_a_scalar_in_place_keeping_alignment_and_comment() {
    let out = set_key(POST, "title", "Jour 2").expect("set");
    assert_eq!(out, POST.replace("\"Jour 1: keynotes\"", "Jour 2"));
}

#[test]
fn replaces_a_block_list_as_a_whole_key() {
    let out = set_key(POST, "tags", "[kubecon, k8s]").expect("set");
    assert_eq!(
        out,
        POST.replace("tags:\n  - kubecon\n  - cloud\n", "tags: [kubecon, k8s]\n")
    );
}

#[test]
fn writes_a_block_value_under_an_inline_key() {
    let out = set_key(POST, "series", "name: KubeCon\nyear: 2023").expect("set");
    assert_eq!(
        out,
        POST.replace(
            "series: KubeCon\n",
            "series:\n  name: KubeCon\n  year: 2023\n"
        )
    );
}

#[test]
fn appends_a_new_key_and_removing_it_gives_the_file_back() {
    let added = set_key(POST, "lang", "fr").expect("set");
    assert_eq!(added, POST.replace("+0200\n---", "+0200\nlang: fr\n---"));
    assert_eq!(unset_key(&added, "lang").expect("unset"), POST);
}

#[test]
fn removes_only_the_key_lines() {
    let out = unset_key(POST, "tags").expect("unset");
    assert_eq!(out, POST.replace("tags:\n  - kubecon\n  - cloud\n", ""));
    assert_eq!(unset_key(POST, "missing").expect("noop"), POST);
}

#[test]
fn keeps_crlf_and_bom() {
    let src = "\u{feff}---\r\ntitle: A\r\ntags: [a]\r\n---\r\nbody\r\n";
    let out = set_key(src, "tags", "- a\n- b").expect("set");
    assert_eq!(
        out,
        "\u{feff}---\r\ntitle: A\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nbody\r\n"
    );
    let added = set_key(src, "lang", "en").expect("add");
    assert_eq!(unset_key(&added, "lang").expect("unset"), src);
}

#[test]
fn keeps_the_value_text_as_typed() {
    let out = set_key(POST, "layout", "!!str 42").expect("set");
    assert!(out.contains("layout:  !!str 42\n"), "{out}");
    assert_eq!(
        get_key(&out, "layout").expect("get"),
        Some(Value::from("42"))
    );
}

#[test]
fn refuses_invalid_values_keys_and_front_matter() {
    assert!(matches!(
        set_key(POST, "title", "Jour 1: keynotes"),
        Err(EditError::InvalidValue { .. })
    ));
    assert!(matches!(
        set_key(POST, "title", "x\nother: y"),
        Err(EditError::InvalidValue { .. })
    ));
    assert!(matches!(
        set_key(POST, "a b", "x"),
        Err(EditError::InvalidKey { .. })
    ));
    assert!(matches!(
        set_key(POST, "yes", "x"),
        Err(EditError::InvalidKey { .. })
    ));
    let broken = "---\ntitle: [a\n---\n";
    assert!(matches!(
        set_key(broken, "title", "x"),
        Err(EditError::Parse { line: 2, .. }) | Err(EditError::Parse { line: 3, .. })
    ));
}

#[test]
fn sets_the_last_of_duplicate_keys_and_unsets_them_all() {
    let src = "---\ntitle: One\nlang: fr\ntitle: Two\n---\n";
    assert_eq!(
        set_key(src, "title", "Three").expect("set"),
        "---\ntitle: One\nlang: fr\ntitle: Three\n---\n"
    );
    assert_eq!(
        unset_key(src, "title").expect("unset"),
        "---\nlang: fr\n---\n"
    );
}

#[test]
fn refuses_an_edit_that_would_change_an_alias() {
    let src = "---\nbase: &b post\nlayout: *b\n---\n";
    assert!(matches!(
        set_key(src, "base", "other"),
        Err(EditError::WouldChangeOtherKeys { .. })
    ));
}

#[test]
fn adds_front_matter_to_a_file_without_any() {
    assert_eq!(
        set_key("# Hello\n", "title", "Hi").expect("set"),
        "---\ntitle: Hi\n---\n# Hello\n"
    );
}

#[test]
fn replaces_a_folded_string_as_a_whole_key() {
    let src = "---\ndescription: >\n  one\n  two\n\nlang: fr\n---\n";
    let out = set_key(src, "description", "short").expect("set");
    assert_eq!(out, "---\ndescription: short\n\nlang: fr\n---\n");
}

#[test]
fn names_the_kind_and_line_of_an_error() {
    let err = set_key("---\ntitle: [a\n---\n", "title", "x").expect_err("broken");
    assert_eq!(err.kind(), "parse");
    assert!(err.line().is_some());
    let err = set_key(POST, "a b", "x").expect_err("bad key");
    assert_eq!((err.kind(), err.line()), ("invalid_key", None));
}

#[test]
fn adds_to_an_empty_or_comment_only_block_and_takes_it_back() {
    for src in ["---\n---\nbody", "---\n# only a comment\n...\n"] {
        let added = set_key(src, "title", "T").expect("set");
        assert!(added.contains("title: T\n"), "{added}");
        assert_eq!(unset_key(&added, "title").expect("unset"), src);
    }
}

#[test]
fn gets_values_as_jekyll_reads_them() {
    assert_eq!(
        get_key(POST, "series").expect("get"),
        Some("KubeCon".into())
    );
    assert_eq!(get_key(POST, "lang").expect("get"), None);
    assert_eq!(get_key("no front matter", "title").expect("get"), None);
}

#[test]
fn keeps_a_vertical_tab_yaml_reads_as_content() {
    // Found by `cargo fuzz`: `str::trim` dropped the `\v` YAML keeps in the value.
    let src = "---\ntitle: stiLs\u{b}\ncategories:\n onferAlice\n---\n";
    let raw = raw_entries(src).expect("locates");
    assert_eq!(raw[0].value_yaml, "stiLs\u{b}");
    assert_eq!(set_key(src, "title", &raw[0].value_yaml).expect("set"), src);
}

#[test]
fn reads_a_lone_carriage_return_as_a_line_break() {
    // Found by `cargo fuzz`: a quoted title broken by `\r\r\n` (two line breaks to YAML).
    let src = "---\r\ntitle: \"a:\r\r\nb\"\r\nlang: fr\r\n---\r\n";
    let raw = raw_entries(src).expect("locates");
    let again = set_key(src, "title", &raw[0].value_yaml).expect("set");
    assert_eq!(
        get_key(&again, "title").expect("get"),
        get_key(src, "title").expect("get")
    );
}

#[test]
fn keeps_an_escaped_space_at_the_end_of_a_quoted_line() {
    // Found by `cargo fuzz`: trimming line ends turned `\ ` into a `\` line join.
    let src = "---\ntitle: \"a\n  b\\ \n  c\"\n---\n";
    let raw = raw_entries(src).expect("locates");
    let again = set_key(src, "title", &raw[0].value_yaml).expect("set");
    assert_eq!(
        get_key(&again, "title").expect("get"),
        get_key(src, "title").expect("get")
    );
}

#[test]
fn stops_a_raw_value_at_a_document_marker_after_a_lone_carriage_return() {
    // Found by `cargo fuzz`: `\r---` ends the YAML document inside Jekyll's block.
    let src = "---\ntitle: # c\r---\n---\n";
    let raw = raw_entries(src).expect("locates");
    assert_eq!(raw[0].value_yaml, "");
}

#[test]
fn unsets_duplicates_sharing_a_line_without_panicking() {
    // Found by `cargo fuzz`: two `title` keys on one line split by a lone `\r`.
    let src = "---\ntitle: a\rtitle: b\nlang: fr\n---\n";
    if let Ok(out) = unset_key(src, "title") {
        assert_eq!(get_key(&out, "title").expect("get"), None);
    }
}

#[test]
fn adds_a_key_with_the_indentation_of_the_block_and_takes_it_back() {
    // Three posts of a held-out blog start every key with one space.
    let src = "---\n title: Jour 1\n tags:\n   - kubecon\n---\nBody\n";
    let added = set_key(src, "lang", "fr").expect("set");
    assert_eq!(
        added,
        "---\n title: Jour 1\n tags:\n   - kubecon\n lang: fr\n---\nBody\n"
    );
    assert_eq!(unset_key(&added, "lang").expect("unset"), src);
    let list = set_key(src, "categories", "- conf\n- k8s").expect("set list");
    assert_eq!(
        get_key(&list, "categories").expect("get"),
        Some(serde_json::json!(["conf", "k8s"]))
    );
    assert!(
        list.contains("\n categories:\n   - conf\n   - k8s\n"),
        "{list}"
    );
    assert_eq!(unset_key(&list, "categories").expect("unset"), src);
}

#[test]
fn writes_a_block_value_under_an_indented_inline_key() {
    let src = "---\n  title: A\n  series: S\n---\n";
    let out = set_key(src, "series", "name: S\nyear: 2023").expect("set");
    assert_eq!(
        out,
        "---\n  title: A\n  series:\n    name: S\n    year: 2023\n---\n"
    );
}
