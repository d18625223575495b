//! Code highlighted as Jekyll's rouge (3.30) highlights it: the same short token classes
//! (`k`, `s2`, `nt`, `c1`, ...) so that a theme's syntax CSS colours the preview as it colours
//! the site. Sublime grammars (syntect, with bat's extra grammars from two-face) find the
//! tokens; [`scopes`] maps their scopes to rouge's classes, with per-language profiles in
//! [`languages`] tuned against real rouge (`tests/rouge_agreement.rs` measures the agreement).
//! Shell, Dockerfile, Kotlin, Scala, Python, Java, Go, SQL, TOML, diff, CSS, HCL/Terraform, JavaScript, TypeScript, Rust, C and C++, where rouge's own word lists and quirks decide, are
//! rouge's lexers ported rule for rule ([`shell`], [`kotlin`], [`scala`], [`python`], [`java`], [`go`], [`sql`], [`toml`], [`diff`], [`css`], [`hcl`], [`javascript`], [`rust`], [`c`], run by
//! [`regex_lexer`]).
//!
//! Untrusted input is bounded: a block over [`MAX_HIGHLIGHTED_BYTES`], a line over
//! [`MAX_LINE_BYTES`] or a grammar that gives up (fancy-regex's backtracking limit) falls back
//! to plain text, so the cost stays linear in the block's size.

mod c;
mod console;
mod css;
mod diff;
mod go;
mod hcl;
mod java;
mod javascript;
mod kotlin;
mod languages;
mod python;
mod regex_lexer;
mod rust;
mod scala;
mod scopes;
mod shell;
mod sql;
mod toml;
mod yaml_quoted;

use std::collections::HashMap;

use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::markdown::escape_text;
use languages::{Language, Profile};

/// Code blocks longer than this (bytes) are not highlighted: plain text, as rouge's
/// `plaintext` writes it. Keeps a pasted log or a minified bundle from stalling the preview.
pub const MAX_HIGHLIGHTED_BYTES: usize = 32 * 1024;

/// A block with a line longer than this (bytes) is not highlighted (minified code makes
/// regex grammars slow on one line).
pub const MAX_LINE_BYTES: usize = 4 * 1024;

/// One highlighted token: rouge's short class (`""` for plain text) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// rouge's short class name (`k`, `s2`, ...), empty for plain text.
    pub class: &'static str,
    /// The token's text (not escaped).
    pub text: String,
}

/// The tokens of `code` in language `lang` (a fence or `highlight` tag language, any case),
/// consecutive tokens of one class merged. `None` when the language is not highlighted (unknown,
/// `plaintext`) or the code is over the size caps.
pub fn highlight_tokens(lang: &str, code: &str) -> Option<Vec<Token>> {
    if code.len() > MAX_HIGHLIGHTED_BYTES || code.lines().any(|l| l.len() > MAX_LINE_BYTES) {
        return None;
    }
    let language = languages::find(lang)?;
    let mut tokens = Vec::new();
    let mut sink = |class: &'static str, text: &str| push_token(&mut tokens, class, text);
    match language {
        Language::Console => console::tokens(code, &mut sink)?,
        Language::Grammar(syntax, profile) => grammar_tokens(syntax, profile, code, &mut sink)?,
        Language::Ported(lexer) => lexer()?.lex(code, &mut sink)?,
    }
    if matches!(lang.to_ascii_lowercase().as_str(), "yaml" | "yml") {
        return Some(yaml_quoted::split_quoted_scalars(tokens));
    }
    Some(tokens)
}

/// Highlighted blocks kept for the next render: the preview renders the whole post on every
/// keystroke, and the code blocks rarely change. Emptied when it holds this many bytes.
const CACHE_BYTES: usize = 4 * 1024 * 1024;

/// The inside of rouge's `<code>` for `code`: escaped text with `<span class="..">` tokens, or
/// the escaped text alone when the language is not highlighted. Results are cached by
/// language and code.
pub(crate) fn highlight_html(lang: &str, code: &str) -> String {
    type Cache = HashMap<(String, String), String>;
    static CACHE: std::sync::OnceLock<std::sync::Mutex<(Cache, usize)>> =
        std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (lang.to_string(), code.to_string());
    if let Some(html) = cache.lock().ok().and_then(|c| c.0.get(&key).cloned()) {
        return html;
    }
    let html = write_html(lang, code);
    if let Ok(mut cache) = cache.lock() {
        if cache.1 > CACHE_BYTES {
            *cache = (Cache::new(), 0);
        }
        cache.1 += key.1.len() + html.len();
        cache.0.insert(key, html.clone());
    }
    html
}

/// [`highlight_html`] without the cache.
fn write_html(lang: &str, code: &str) -> String {
    let Some(tokens) = highlight_tokens(lang, code) else {
        return escape_text(code);
    };
    let mut out = String::with_capacity(code.len() * 2);
    for t in tokens {
        if t.class.is_empty() {
            out.push_str(&escape_text(&t.text));
        } else {
            out.push_str("<span class=\"");
            out.push_str(t.class);
            out.push_str("\">");
            out.push_str(&escape_text(&t.text));
            out.push_str("</span>");
        }
    }
    out
}

/// Appends a token, merged into the last one when the class is the same (as rouge's lexer
/// does with consecutive tokens).
fn push_token(tokens: &mut Vec<Token>, class: &'static str, text: &str) {
    if text.is_empty() {
        return;
    }
    match tokens.last_mut() {
        Some(last) if last.class == class => last.text.push_str(text),
        _ => tokens.push(Token {
            class,
            text: text.to_string(),
        }),
    }
}

/// The syntax set: syntect's grammars plus bat's (TypeScript, TOML, Dockerfile, HCL, ...),
/// loaded once.
fn syntax_set() -> &'static SyntaxSet {
    static SET: std::sync::OnceLock<SyntaxSet> = std::sync::OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// Tokenizes `code` with `syntax` and hands each piece to `sink` with its rouge class.
/// `None` when the grammar fails on the input.
fn grammar_tokens(
    syntax: &SyntaxReference,
    profile: &Profile,
    code: &str,
    sink: &mut dyn FnMut(&'static str, &str),
) -> Option<()> {
    let set = syntax_set();
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    // Scope -> class, built as scopes are met (a block uses few distinct scopes).
    let mut cache: HashMap<Scope, scopes::ScopeClasses> = HashMap::new();
    for line in LinesWithEndings::from(code) {
        let ops = state.parse_line(line, set).ok()?;
        let mut pos = 0;
        for (at, op) in ops {
            // syntect reports char boundaries; guard anyway (the input is untrusted).
            if at > pos && line.is_char_boundary(at) {
                emit(&line[pos..at], &stack, profile, &mut cache, sink);
                pos = at;
            }
            stack.apply(&op).ok()?;
        }
        emit(&line[pos..], &stack, profile, &mut cache, sink);
    }
    Some(())
}

/// Hands `text` to `sink` with the class its scopes give; text no scope classifies is split
/// into words, operators and punctuation as the language's profile says.
fn emit(
    text: &str,
    stack: &ScopeStack,
    profile: &Profile,
    cache: &mut HashMap<Scope, scopes::ScopeClasses>,
    sink: &mut dyn FnMut(&'static str, &str),
) {
    if text.is_empty() {
        return;
    }
    match scopes::class_of(stack.as_slice(), profile, cache) {
        Some(class) => sink(class, text),
        None => languages::split_plain(text, profile, sink),
    }
}

#[cfg(test)]
mod tests;
