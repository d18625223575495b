//! What the app's front matter form reads: typed fields, problems located at a key and a
//! line, each value's raw YAML, and an edit as one text change; on our own fixtures.

use std::path::Path;

use lanyard::front_matter::edit::{raw_entries, text_change};
use lanyard::front_matter::{
    form_choices, read_post_fields, set_key, validate_front_matter, DateSource, DiagnosticKind,
    DiagnosticSeverity,
};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fm")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn reports_an_unquoted_colon_at_its_key_and_line() {
    let d = validate_front_matter(&fixture("broken.md"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].kind, DiagnosticKind::Syntax);
    assert_eq!(d[0].severity, DiagnosticSeverity::Error);
    assert_eq!((d[0].line, d[0].key.as_deref()), (3, Some("title")));
}

#[test]
fn warns_on_the_second_of_duplicate_keys() {
    let d = validate_front_matter(&fixture("duplicates.md"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].kind, DiagnosticKind::DuplicateKey);
    assert_eq!((d[0].line, d[0].key.as_deref()), (4, Some("title")));
}

#[test]
fn reports_a_date_jekyll_cannot_read_and_accepts_every_fixture_date() {
    assert!(validate_front_matter(&fixture("dates.md")).is_empty());
    let bad = set_key(&fixture("crlf.md"), "date", "19/04/2023").expect("set");
    let d = validate_front_matter(&bad);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].kind, d[0].line), (DiagnosticKind::BadDate, 7));
}

#[test]
fn types_the_fields_jekyll_knows() {
    let path = Path::new("2023-04-21-jour-3.md");
    let f = read_post_fields(path, &fixture("comments.md")).expect("reads");
    assert_eq!(f.title.as_deref(), Some("Jour 3"));
    assert_eq!(f.tags, ["kubecon", "wasm"]);
    assert!(!f.published);
    let date = f.date.expect("the file name's date");
    assert_eq!(
        (date.source, date.day.as_deref()),
        (DateSource::FileName, Some("2023-04-21"))
    );
    let f = read_post_fields(path, &fixture("dates.md")).expect("reads");
    let date = f.date.expect("date");
    assert_eq!(date.offset.as_deref(), Some("+02:00"));
    assert_eq!(date.time.as_deref(), Some("10:30:00"));
    let f = read_post_fields(path, &fixture("nested.md")).expect("reads");
    assert_eq!(
        f.image.as_deref(),
        Some("/assets/images/2023-04-19-stand.jpg")
    );
}

#[test]
fn gives_raw_values_that_set_back_to_the_same_file() {
    for name in [
        "aligned.md",
        "comments.md",
        "lists.md",
        "nested.md",
        "dates.md",
    ] {
        let text = fixture(name);
        for entry in raw_entries(&text).expect("locates") {
            let again = set_key(&text, &entry.key, &entry.value_yaml).expect("set");
            assert_eq!(
                again, text,
                "{name} `{}` = {:?}",
                entry.key, entry.value_yaml
            );
        }
    }
}

#[test]
fn describes_an_edit_as_one_small_change() {
    let text = fixture("aligned.md");
    let edited = set_key(&text, "lang", "en").expect("set");
    let change = text_change(&text, &edited);
    assert_eq!(change.insert, "en");
    assert_eq!(&text[change.from..change.to], "fr");
    let mut applied = text.clone();
    applied.replace_range(change.from..change.to, &change.insert);
    assert_eq!(applied, edited);
}

#[test]
fn offers_the_blog_tags_most_used_first_its_layouts_and_series() {
    let blog = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series-blog");
    let ws = lanyard::site::Workspace::open(&blog).expect("opens");
    let choices = form_choices(&ws);
    let tags: Vec<(&str, usize)> = choices
        .tags
        .iter()
        .map(|t| (t.value.as_str(), t.count))
        .collect();
    assert_eq!(tags, [("Conférence", 3), ("Java", 2)]);
    assert_eq!(choices.layouts, ["default", "post"]);
    assert_eq!(choices.series[0].value, "DevConf Lyon 2024");
    assert!(choices.langs.iter().any(|l| l.value == "en"));
}
