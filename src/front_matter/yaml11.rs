//! Reading front matter YAML into a JSON mapping, as Jekyll (Ruby Psych, YAML 1.1) reads it.
//!
//! Built on `saphyr-parser`'s event stream rather than a document loader so that a duplicate
//! key can be reported (with its line) instead of silently dropped: Ruby keeps the last value
//! and so do we. Plain scalars are typed by [`super::scalar::resolve_plain`]; quoted and block
//! scalars are strings; `!!str`/`!!int`/... tags are honoured; anchors, aliases and `<<` merge
//! keys work as in Psych.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};
use serde_json::{Map, Value};

use super::libyaml_compat::{indent_quoted_continuations, QUOTED_INDENT_ERROR};
use super::scalar::{resolve_bool, resolve_float, resolve_int, resolve_plain};

/// Something in the front matter that Jekyll accepts but the author probably did not mean.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FrontMatterWarning {
    /// 1-based line in the whole file.
    pub line: usize,
    /// A sentence for the user.
    pub message: String,
}

/// YAML that does not parse (or is not a mapping), located in the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line in the whole file.
    pub line: usize,
    /// The parser's explanation.
    pub message: String,
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
pub fn parse_yaml_mapping(yaml: &str, first_line: usize) -> Result<ParsedYaml, YamlError> {
    let mut text = std::borrow::Cow::Borrowed(yaml);
    // Each retry fixes one quoted scalar libyaml would have accepted; a bound keeps it finite.
    for _ in 0..64 {
        match parse_strict(&text, first_line) {
            Err(e) if e.message == QUOTED_INDENT_ERROR => {
                match indent_quoted_continuations(&text, e.line + 1 - first_line) {
                    Some(fixed) => text = std::borrow::Cow::Owned(fixed),
                    None => return Err(e),
                }
            }
            other => return other,
        }
    }
    parse_strict(&text, first_line)
}

fn parse_strict(yaml: &str, first_line: usize) -> Result<ParsedYaml, YamlError> {
    let mut builder = Builder {
        first_line,
        ..Builder::default()
    };
    let mut parser = Parser::new_from_str(yaml);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| YamlError {
            line: first_line + e.marker().line().saturating_sub(1),
            message: e.info().to_string(),
        })?;
        if builder.documents > 1 {
            break;
        }
        builder.on_event(event, span);
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

enum Frame {
    Seq {
        items: Vec<Value>,
        anchor: usize,
    },
    Map {
        map: Map<String, Value>,
        key: Option<(Value, usize)>,
        anchor: usize,
        seen: HashMap<String, usize>,
    },
}

#[derive(Default)]
struct Builder {
    first_line: usize,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Value>,
    root: Option<Value>,
    warnings: Vec<FrontMatterWarning>,
    documents: usize,
}

impl Builder {
    fn on_event(&mut self, event: Event<'_>, span: Span) {
        let line = self.first_line + span.start.line().saturating_sub(1);
        match event {
            Event::DocumentStart(_) => self.documents += 1,
            Event::Scalar(text, style, anchor, tag) => {
                let value = resolve_scalar(&text, style, tag.as_deref());
                self.remember(anchor, &value);
                self.push_value(value, line);
            }
            Event::Alias(id) => {
                let value = self.anchors.get(&id).cloned().unwrap_or(Value::Null);
                self.push_value(value, line);
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Frame::Seq {
                items: Vec::new(),
                anchor,
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Frame::Map {
                map: Map::new(),
                key: None,
                anchor,
                seen: HashMap::new(),
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                let (value, anchor) = match self.stack.pop() {
                    Some(Frame::Seq { items, anchor }) => (Value::Array(items), anchor),
                    Some(Frame::Map { map, anchor, .. }) => (Value::Object(map), anchor),
                    None => return,
                };
                self.remember(anchor, &value);
                self.push_value(value, line);
            }
            _ => {}
        }
    }

    fn remember(&mut self, anchor: usize, value: &Value) {
        if anchor != 0 {
            self.anchors.insert(anchor, value.clone());
        }
    }

    fn push_value(&mut self, value: Value, line: usize) {
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
    fn refuses_a_list_as_front_matter() {
        let err = parse_yaml_mapping("- a\n- b\n", 2).expect_err("not a mapping");
        assert!(err.message.contains("a list"), "{}", err.message);
    }
}
