//! Lossless front matter edits on our own fixtures (tests/fixtures/fm/), one per quirk of
//! real blogs: aligned values, blank lines, comments (also after a value), flow and block
//! lists, quoted and unquoted dates with zones, nested mappings, folded strings, CRLF, a BOM,
//! `---` followed by spaces, a `...` closing line, duplicate keys.

mod fm_support;

use std::path::{Path, PathBuf};

use fm_support::assert_only_key_lines_changed;
use lanyard::front_matter::{
    get_key, parse_value, parse_yaml_mapping, read_front_matter, set_key, unset_key, value_to_yaml,
    EditError,
};

fn fixture(name: &str) -> (PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fm")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    (path, text)
}

fn good_fixtures() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fm");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md") && n != "broken.md")
        .collect();
    names.sort();
    names.iter().map(|n| fixture(n)).collect()
}

#[test]
fn setting_then_unsetting_a_new_key_gives_back_every_fixture() {
    for (path, text) in good_fixtures() {
        for value in [
            "fr",
            "[a, b]",
            "- x\n- y",
            "name: N\nurl: u",
            ">\n  folded\n  text",
        ] {
            let added = set_key(&text, "lanyard_probe", value).expect("set");
            assert_only_key_lines_changed(
                &text,
                &added,
                "lanyard_probe",
                &path.display().to_string(),
            );
            assert_eq!(
                unset_key(&added, "lanyard_probe").expect("unset"),
                text,
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn setting_any_key_changes_only_its_lines_and_keeps_the_others_values() {
    for (path, text) in good_fixtures() {
        let before = read_front_matter(&path, &text).expect("reads").data;
        for key in before.keys() {
            for value in ["\"New: value\"", "[x, y]", "- one\n- two"] {
                let what = format!("{} {key}={value:?}", path.display());
                let out = set_key(&text, key, value).unwrap_or_else(|e| panic!("{what}: {e}"));
                assert_only_key_lines_changed(&text, &out, key, &what);
                let after = read_front_matter(&path, &out).expect("re-reads").data;
                for (other, v) in &before {
                    if other != key {
                        assert_eq!(after.get(other), Some(v), "{what}: `{other}` changed");
                    }
                }
                assert_eq!(
                    after.get(key),
                    Some(&parse_value(key, value).expect("value"))
                );
            }
            let removed = unset_key(&text, key).expect("unset");
            assert_only_key_lines_changed(
                &text,
                &removed,
                key,
                &format!("{} -{key}", path.display()),
            );
        }
    }
}

#[test]
fn get_prints_yaml_that_reads_back_as_the_same_value() {
    for (path, text) in good_fixtures() {
        let data = read_front_matter(&path, &text).expect("reads").data;
        for (key, value) in &data {
            let printed = value_to_yaml(value);
            let doc = format!("v:\n  {}\n", printed.replace('\n', "\n  "));
            let back = parse_yaml_mapping(&doc, 1)
                .expect("printed YAML parses")
                .data;
            assert_eq!(
                back.get("v"),
                Some(value),
                "{} {key}: {printed}",
                path.display()
            );
            assert_eq!(get_key(&text, key).expect("get").as_ref(), Some(value));
        }
    }
}

#[test]
fn keeps_alignment_and_the_comment_after_a_value() {
    let (_, aligned) = fixture("aligned.md");
    let out = set_key(&aligned, "lang", "en").expect("set");
    assert_eq!(out, aligned.replace("lang:        fr", "lang:        en"));
    let (_, comments) = fixture("comments.md");
    let out = set_key(&comments, "title", "\"Jour 3 : fin\"").expect("set");
    assert_eq!(
        out,
        comments.replace("'Jour 3' # last day", "\"Jour 3 : fin\" # last day")
    );
    let out = set_key(&comments, "published", "yes").expect("set");
    assert_eq!(
        out,
        comments.replace("published: no # not yet", "published: yes # not yet")
    );
}

#[test]
fn replaces_block_lists_nested_mappings_and_folded_strings_whole() {
    let (_, lists) = fixture("lists.md");
    let out = set_key(&lists, "categories", "[talks]").expect("set");
    assert_eq!(
        out,
        lists.replace(
            "categories:\n  - conferences\n  - cloud\n",
            "categories: [talks]\n"
        )
    );
    let (_, nested) = fixture("nested.md");
    let out = set_key(&nested, "image", "/assets/images/b.jpg").expect("set");
    assert!(
        out.contains("title: Nested\nimage: /assets/images/b.jpg\nauthor:\n"),
        "{out}"
    );
    let (_, folded) = fixture("folded.md");
    let out = set_key(&folded, "description", "Court.").expect("set");
    assert!(
        out.starts_with("---\ntitle: Folded\ndescription: Court.\n\nexcerpt: |-\n"),
        "{out}"
    );
    let out = unset_key(&folded, "excerpt").expect("unset");
    assert!(
        out.ends_with("sur deux lignes.\n\nlang: fr\n---\n"),
        "{out}"
    );
}

#[test]
fn keeps_crlf_bom_spaced_fences_and_dots() {
    for (name, marker) in [
        ("crlf.md", "\r\n"),
        ("bom.md", "\u{feff}"),
        ("fence-spaces.md", "---   \n"),
        ("dots-close.md", "\n...\n"),
    ] {
        let (_, text) = fixture(name);
        let out = set_key(&text, "tags", "- a\n- b").expect("set");
        assert!(out.contains(marker), "{name}: {out:?}");
        if name == "crlf.md" {
            assert!(
                !out.replace("\r\n", "").contains('\n'),
                "{name}: a bare LF: {out:?}"
            );
        }
        assert_eq!(
            get_key(&out, "tags").expect("get"),
            Some(serde_json::json!(["a", "b"]))
        );
    }
}

#[test]
fn dates_keep_their_quoting_and_zone() {
    let (_, text) = fixture("dates.md");
    let out = set_key(&text, "date", "2023-04-20 11:00:00 +0200").expect("set");
    assert!(out.contains("\ndate: 2023-04-20 11:00:00 +0200\nupdated: 2023-04-20T08:00:00Z\n"));
    assert_eq!(
        get_key(&text, "local").expect("get"),
        Some("2023-04-21 18:00".into())
    );
}

#[test]
fn edits_the_last_duplicate_and_refuses_broken_front_matter() {
    let (_, dup) = fixture("duplicates.md");
    assert_eq!(
        set_key(&dup, "title", "Third").expect("set"),
        dup.replace("Second", "Third")
    );
    let (_, broken) = fixture("broken.md");
    let err = set_key(&broken, "lang", "fr").expect_err("broken");
    assert!(matches!(err, EditError::Parse { line: 3, .. }), "{err:?}");
}
