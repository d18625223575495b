//! Reading front matter YAML into a JSON mapping, as Jekyll (Ruby Psych, YAML 1.1) reads it.
//!
//! Built on `saphyr-parser`'s event stream rather than a document loader so that a duplicate
//! key can be reported (with its line) instead of silently dropped: Ruby keeps the last value
//! and so do we. Plain scalars are typed by [`super::scalar::resolve_plain`]; quoted and block
//! scalars are strings; `!!str`/`!!int`/... tags are honoured; anchors, aliases and `<<` merge
//! keys work as in Psych.
//!
//! Untrusted YAML has budgets: aliases may copy at most [`MAX_ALIAS_NODES`] nodes in all (the
//! "billion laughs" anchors, each a list of aliases to the one before, would otherwise
//! expand to a billion nodes), and collections may nest at most [`MAX_NESTING`] deep.
//! Reaching either is a [`YamlErrorKind::Budget`] error at the line where it happened.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};
use serde_json::{Map, Value};

use super::libyaml_compat::indent_quoted_continuations;
use super::scalar::{resolve_bool, resolve_float, resolve_int, resolve_plain};

/// Most nodes aliases may copy in one document, summed over every alias (and `<<` merge).
/// Real front matter and `_config.yml` files copy a few dozen at most.
pub const MAX_ALIAS_NODES: usize = 100_000;

/// Deepest nesting of lists and mappings (front matter rarely goes past 3).
pub const MAX_NESTING: usize = 100;

/// Something in the front matter that Jekyll accepts but the author probably did not mean.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FrontMatterWarning {
    /// 1-based line in the whole file.
    pub line: usize,
    /// A sentence for the user.
    pub message: String,
}

/// YAML that does not parse (or is not a mapping, or is over a budget), located in the
/// whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line in the whole file.
    pub line: usize,
    /// The parser's explanation.
    pub message: String,
    /// Whether the text is malformed or over a budget.
    pub kind: YamlErrorKind,
}

/// What kind of [`YamlError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// Not valid YAML, or not a mapping.
    Syntax,
    /// Aliases copy over [`MAX_ALIAS_NODES`] nodes, or nesting is over [`MAX_NESTING`].
    Budget,
}

/// Parsed front matter: the mapping and what looked wrong in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedYaml {
    /// The top-level mapping (an empty object for empty YAML).
    pub data: Map<String, Value>,
    /// Duplicate keys and the like, in source order.
    pub warnings: Vec<FrontMatterWarning>,
}

/// Parses `yaml` (whose first line is line `first_line` of its file) into a mapping.
/// Empty YAML (or only comments) is an empty mapping; any other non-mapping is an error.
/// Quoted text continued at column 0, which libyaml (Jekyll's reader) accepts, is read too:
/// see [`indent_quoted_continuations`] for exactly what is accepted.
pub fn parse_yaml_mapping(yaml: &str, first_line: usize) -> Result<ParsedYaml, YamlError> {
    let yaml = indent_quoted_continuations(yaml);
    let mut builder = Builder {
        first_line,
        ..Builder::default()
    };
    let mut parser = Parser::new_from_str(&yaml);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| YamlError {
            line: first_line + e.marker().line().saturating_sub(1),
            message: e.info().to_string(),
            kind: YamlErrorKind::Syntax,
        })?;
        if builder.documents > 1 {
            break;
        }
        builder.on_event(event, span)?;
    }
    let line = first_line;
    match builder.root {
        None | Some(Value::Null) => Ok(ParsedYaml {
            data: Map::new(),
            warnings: builder.warnings,
        }),
        Some(Value::Object(data)) => Ok(ParsedYaml {
            data,
            warnings: builder.warnings,
        }),
        Some(other) => Err(YamlError {
            line,
            message: format!("expected `key: value` lines, found {}", kind_name(&other)),
            kind: YamlErrorKind::Syntax,
        }),
    }
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "a list",
        Value::String(_) => "a text",
        Value::Number(_) => "a number",
        Value::Bool(_) => "a boolean",
        Value::Null => "nothing",
        Value::Object(_) => "a mapping",
    }
}

/// A list or mapping being read, with how many nodes it holds so far (itself included).
enum Frame {
    Seq {
        items: Vec<Value>,
        anchor: usize,
        nodes: usize,
    },
    Map {
        map: Map<String, Value>,
        key: Option<(Value, usize)>,
        anchor: usize,
        seen: HashMap<String, usize>,
        nodes: usize,
    },
}

#[derive(Default)]
struct Builder {
    first_line: usize,
    stack: Vec<Frame>,
    /// Each anchor's value and its node count (what an alias to it copies).
    anchors: HashMap<usize, (Value, usize)>,
    root: Option<Value>,
    warnings: Vec<FrontMatterWarning>,
    documents: usize,
    /// Nodes copied by aliases so far.
    alias_nodes: usize,
}

impl Builder {
    fn on_event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        let line = self.first_line + span.start.line().saturating_sub(1);
        match event {
            Event::DocumentStart(_) => self.documents += 1,
            Event::Scalar(text, style, anchor, tag) => {
                let value = resolve_scalar(&text, style, tag.as_deref());
                self.remember(anchor, &value, 1);
                self.push_value(value, 1, line);
            }
            Event::Alias(id) => {
                let nodes = self.anchors.get(&id).map_or(1, |(_, n)| *n);
                // Counted before copying: the copy is what would exhaust memory.
                self.alias_nodes = self.alias_nodes.saturating_add(nodes);
                if self.alias_nodes > MAX_ALIAS_NODES {
                    return Err(budget_error(
                        line,
                        format!("front matter aliases copy over {MAX_ALIAS_NODES} values (anchors that expand exponentially?); not read"),
                    ));
                }
                let value = self
                    .anchors
                    .get(&id)
                    .map_or(Value::Null, |(v, _)| v.clone());
                self.push_value(value, nodes, line);
            }
            Event::SequenceStart(..) | Event::MappingStart(..)
                if self.stack.len() >= MAX_NESTING =>
            {
                return Err(budget_error(
                    line,
                    format!(
                        "front matter nests lists or mappings over {MAX_NESTING} deep; not read"
                    ),
                ));
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Frame::Seq {
                items: Vec::new(),
                anchor,
                nodes: 1,
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Frame::Map {
                map: Map::new(),
                key: None,
                anchor,
                seen: HashMap::new(),
                nodes: 1,
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                let (value, anchor, nodes) = match self.stack.pop() {
                    Some(Frame::Seq {
                        items,
                        anchor,
                        nodes,
                    }) => (Value::Array(items), anchor, nodes),
                    Some(Frame::Map {
                        map, anchor, nodes, ..
                    }) => (Value::Object(map), anchor, nodes),
                    None => return Ok(()),
                };
                self.remember(anchor, &value, nodes);
                self.push_value(value, nodes, line);
            }
            _ => {}
        }
        Ok(())
    }

    fn remember(&mut self, anchor: usize, value: &Value, nodes: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, (value.clone(), nodes));
        }
    }

    /// Adds a finished value of `nodes` nodes to the collection being read (or as the root).
    fn push_value(&mut self, value: Value, nodes: usize, line: usize) {
        match self.stack.last_mut() {
            Some(Frame::Seq { nodes: n, .. } | Frame::Map { nodes: n, .. }) => {
                *n = n.saturating_add(nodes);
            }
            None => {}
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(value);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(value),
            Some(Frame::Map { map, key, seen, .. }) => match key.take() {
                None => *key = Some((value, line)),
                Some((k, key_line)) => {
                    if k == Value::String("<<".into()) {
                        merge_into(map, value);
                        return;
                    }
                    let name = key_to_string(k);
                    if let Some(first) = seen.insert(name.clone(), key_line) {
                        self.warnings.push(FrontMatterWarning {
                            line: key_line,
                            message: format!(
                                "duplicate key `{name}` (first on line {first}); Jekyll keeps this last value"
                            ),
                        });
                    }
                    map.insert(name, value);
                }
            },
        }
    }
}

/// A budget error at `line`.
fn budget_error(line: usize, message: String) -> YamlError {
    YamlError {
        line,
        message,
        kind: YamlErrorKind::Budget,
    }
}

/// `<<: *base` (or a list of them) merges mappings in, as Psych does (`Hash#merge!`).
fn merge_into(map: &mut Map<String, Value>, value: Value) {
    match value {
        Value::Object(other) => map.extend(other),
        Value::Array(list) => {
            for item in list {
                if let Value::Object(other) = item {
                    map.extend(other);
                }
            }
        }
        _ => {}
    }
}

/// JSON keys are strings: Ruby's `1: x` or `true: x` keys become `"1"`, `"true"`.
fn key_to_string(key: Value) -> String {
    match key {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    if let Some(tag) = tag {
        if tag.handle == "tag:yaml.org,2002:" || tag.handle == "!!" {
            let typed = match tag.suffix.as_str() {
                "str" | "binary" | "timestamp" => Some(Value::String(text.to_string())),
                "int" => resolve_int(text).map(Value::from),
                "float" => resolve_float(text).map(Value::from),
                "bool" => resolve_bool(text).map(Value::Bool),
                "null" => Some(Value::Null),
                _ => None,
            };
            if let Some(v) = typed {
                return v;
            }
        }
    }
    match style {
        ScalarStyle::Plain => resolve_plain(text),
        _ => Value::String(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
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
        let p =
            parse("base: &b\n  layout: post\n  lang: fr\npost:\n  <<: *b\n  lang: en\ncopy: *b\n");
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
}
