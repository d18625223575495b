//! Fuzzes the YAML 1.1 front matter reader: never a panic, never an abort (aliases and
//! nesting have budgets), and an error always points at a line of the text.
//!
//! The input is the YAML text between the fences.

#![no_main]

use lanyard::front_matter::{parse_yaml_mapping, MAX_NESTING};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    let lines = yaml.split('\n').count();
    match parse_yaml_mapping(yaml, 1) {
        Ok(parsed) => {
            assert!(depth(&serde_json::Value::Object(parsed.data)) <= MAX_NESTING);
        }
        Err(e) => assert!(
            (1..=lines + 1).contains(&e.line),
            "line {} of {lines}: {}",
            e.line,
            e.message
        ),
    }
});

/// How deep lists and mappings nest in `v` (a scalar is 0).
fn depth(v: &serde_json::Value) -> usize {
    match v {
        serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}
