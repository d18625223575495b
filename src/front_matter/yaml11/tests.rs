//! The YAML 1.1 reader's unit tests: Psych's typing, duplicate keys, anchors and merges,
//! libyaml's quoted continuations, and the alias and nesting budgets at their limits.

use super::*;
use serde_json::json;

fn parse(yaml: &str) -> ParsedYaml {
    parse_yaml_mapping(yaml, 2).expect("parses")
}

#[test]
fn treats_published_no_as_false() {
    let p = parse("published: no\ncomments: on\n");
    assert_eq!(p.data["published"], json!(false));
    assert_eq!(p.data["comments"], json!(true));
}

#[test]
fn keeps_quoted_no_as_a_string() {
    let p = parse("published: 'no'\ncount: \"3\"\n");
    assert_eq!(p.data["published"], json!("no"));
    assert_eq!(p.data["count"], json!("3"));
}

#[test]
fn warns_on_duplicate_key_and_keeps_the_last_value() {
    let p = parse("title: One\ntags: [a]\ntitle: Two\n");
    assert_eq!(p.data["title"], json!("Two"));
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].line, 4);
    assert!(
        p.warnings[0].message.contains("`title`"),
        "{}",
        p.warnings[0].message
    );
    assert!(
        p.warnings[0].message.contains("line 2"),
        "{}",
        p.warnings[0].message
    );
}

#[test]
fn reads_lists_nested_maps_and_blocks() {
    let p = parse("tags:\n  - kubecon\n  - cloud\nauthor:\n  name: Ludo\nbody: |\n  a\n  b\n");
    assert_eq!(p.data["tags"], json!(["kubecon", "cloud"]));
    assert_eq!(p.data["author"]["name"], json!("Ludo"));
    assert_eq!(p.data["body"], json!("a\nb\n"));
}

#[test]
fn resolves_anchors_aliases_and_merge_keys() {
    let p = parse("base: &b\n  layout: post\n  lang: fr\npost:\n  <<: *b\n  lang: en\ncopy: *b\n");
    assert_eq!(p.data["post"], json!({"layout": "post", "lang": "en"}));
    assert_eq!(p.data["copy"]["layout"], json!("post"));
}

#[test]
fn honours_core_tags() {
    let p = parse("a: !!str 42\nb: !!int \"7\"\n");
    assert_eq!(p.data["a"], json!("42"));
    assert_eq!(p.data["b"], json!(7));
}

#[test]
fn reads_empty_yaml_as_empty_mapping() {
    assert!(parse("").data.is_empty());
    assert!(parse("# only a comment\n").data.is_empty());
}

#[test]
fn reports_malformed_yaml_with_its_file_line() {
    let err = parse_yaml_mapping("title: ok\ntags: [a, b\nx: y\n", 2).expect_err("malformed");
    assert!(err.line >= 3, "line {}", err.line);
    assert!(!err.message.is_empty());
}

#[test]
fn accepts_quoted_scalars_continued_at_column_zero_like_libyaml() {
    let p = parse("description: \"one\ntwo\"\nauthor: A\n");
    assert_eq!(p.data["description"], json!("one two"));
    assert_eq!(p.data["author"], json!("A"));
}

#[test]
fn copies_aliases_up_to_the_budget_and_refuses_one_more() {
    let list: Vec<String> = (0..999).map(|i| i.to_string()).collect();
    let anchor = format!("a: &a [{}]\n", list.join(", "));
    let aliases = |n: usize| vec!["*a"; n].join(", ");
    // The anchored list is 1000 nodes (itself and 999 items): 100 copies fill the budget.
    let ok = parse(&format!("{anchor}b: [{}]\n", aliases(100)));
    assert_eq!(ok.data["b"].as_array().map(Vec::len), Some(100));
    let err = parse_yaml_mapping(&format!("{anchor}\nb: [{}]\n", aliases(101)), 2)
        .expect_err("over budget");
    assert_eq!(err.kind, YamlErrorKind::Budget);
    assert_eq!(err.line, 4);
    assert!(err.message.contains("aliases"), "{}", err.message);
}

#[test]
fn stops_a_billion_laughs_at_the_budget() {
    let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    let err = parse_yaml_mapping(&yaml, 1).expect_err("bomb");
    assert_eq!(err.kind, YamlErrorKind::Budget);
}

#[test]
fn nests_up_to_the_budget_and_refuses_one_level_more() {
    // The top-level mapping is the first level.
    let nested = |n: usize| format!("a: {}{}\n", "[".repeat(n), "]".repeat(n));
    assert!(parse_yaml_mapping(&nested(MAX_NESTING - 1), 1).is_ok());
    let err = parse_yaml_mapping(&nested(MAX_NESTING), 1).expect_err("too deep");
    assert_eq!(err.kind, YamlErrorKind::Budget);
    assert_eq!(err.line, 1);
}

#[test]
fn refuses_a_list_as_front_matter() {
    let err = parse_yaml_mapping("- a\n- b\n", 2).expect_err("not a mapping");
    assert!(err.message.contains("a list"), "{}", err.message);
}
