//! Running a tokenized template: control flow (`if`, `unless`, `for`, `case`, `assign`,
//! `capture`, `comment`) here, Jekyll's own tags in [`super::tags`]. Anything else becomes a
//! visible placeholder.

use serde_json::Value;

use super::budget::MAX_LOOP_ITERATIONS;
use super::expr::{eval_condition, eval_operand, range_bounds, to_output, Scope};
use super::lexer::{Spanned, Token};
use super::output::{Expanded, Origin};
use super::tags;
use super::Expander;

/// Block tags and the tag that closes them.
const BLOCKS: &[(&str, &str)] = &[
    ("if", "endif"),
    ("unless", "endunless"),
    ("for", "endfor"),
    ("case", "endcase"),
    ("capture", "endcapture"),
    ("comment", "endcomment"),
    ("highlight", "endhighlight"),
    ("tablerow", "endtablerow"),
];

impl Expander<'_> {
    /// Renders `tokens` into `out`. `base` locates the tokens in the file: `Copied(o)` when
    /// they come from the post body at offset `o`, `Generated(o)` when from an include.
    pub(crate) fn run(
        &mut self,
        tokens: &[Spanned<'_>],
        base: Origin,
        scope: &mut Scope,
        out: &mut Expanded,
    ) {
        let mut i = 0;
        while i < tokens.len() {
            let tok = &tokens[i];
            let at = tag_origin(base, tok.range.start);
            // One step for the token and one per 64 bytes of it (tags are parsed each time a
            // loop runs them), plus the work lookups and filters did before it.
            let work = 1 + tok.range.len() / 64 + scope.work.take();
            if !self.budget.steps(offset_of(at), work) {
                return;
            }
            match &tok.token {
                Token::Text(text) => {
                    let origin = match base {
                        Origin::Copied(o) => Origin::Copied(o + tok.range.start),
                        generated => generated,
                    };
                    self.emit(text, origin, out);
                }
                Token::Output(expr) => {
                    if let Some(v) = self.eval(expr, scope, at) {
                        self.emit(&to_output(&v), at, out);
                    }
                }
                Token::Tag { name, args } => {
                    if let Some(end) = BLOCKS
                        .iter()
                        .find(|(open, _)| open == name)
                        .map(|(_, e)| *e)
                    {
                        // Every block counts towards the nesting budget: a run recurses once
                        // per level, so thousands of nested `if`s would overflow the stack.
                        if !self.budget.nesting(offset_of(at), self.depth + 1) {
                            return;
                        }
                        let close = find_close(tokens, i, name, end);
                        // Finding the close (and the branches) scans the body: that is work
                        // too, each time a loop meets the block.
                        if !self.budget.steps(offset_of(at), close - i) {
                            return;
                        }
                        let body = &tokens[i + 1..close.min(tokens.len())];
                        self.depth += 1;
                        self.run_block(name, args, body, (base, at), scope, out);
                        self.depth -= 1;
                        i = close + 1;
                        continue;
                    }
                    self.run_tag(name, args, at, scope, out);
                }
            }
            i += 1;
        }
    }

    /// Runs a block tag over its body. `(base, tag)`: where the body's tokens are, and the
    /// origin of the block's own tag (budget errors point at it).
    fn run_block(
        &mut self,
        name: &str,
        args: &str,
        body: &[Spanned<'_>],
        (base, tag): (Origin, Origin),
        scope: &mut Scope,
        out: &mut Expanded,
    ) {
        let at = tag_origin(base, body.first().map_or(0, |t| t.range.start));
        match name {
            "comment" => {}
            "if" | "unless" => {
                let branches = split_branches(body, &["elsif", "else"]);
                for (cond_tag, cond, range) in branches {
                    let pass = match cond_tag {
                        "else" => true,
                        _ if name == "unless" && cond_tag.is_empty() => {
                            !eval_condition(args, scope)
                        }
                        "" => eval_condition(args, scope),
                        _ => eval_condition(cond, scope),
                    };
                    if pass {
                        self.run(&body[range], base, scope, out);
                        break;
                    }
                }
            }
            "case" => {
                let Some(subject) = self.eval(args, scope, tag) else {
                    return;
                };
                for (branch, cond, range) in
                    split_branches(body, &["when", "else"]).into_iter().skip(1)
                {
                    let hit = branch == "else"
                        || cond
                            .split([','])
                            .flat_map(|c| c.split(" or "))
                            .any(|c| eval_operand(c, scope) == subject);
                    if hit {
                        self.run(&body[range], base, scope, out);
                        break;
                    }
                }
            }
            "for" | "tablerow" => self.run_for(args, body, (base, tag), scope, out),
            "capture" => {
                let mark = out.text.len();
                self.run(body, base, scope, out);
                let captured = out.take_since(mark);
                if self.budget.value(offset_of(tag), captured.len()) {
                    self.assign(args.trim(), Value::String(captured), tag, scope);
                }
            }
            "highlight" => {
                let mark = out.text.len();
                self.run(body, base, scope, out);
                let code = out.take_since(mark);
                let html = tags::highlight_html(args, &code);
                if self.stash_fits(html.len(), at, out) {
                    out.push_stashed_block(html, at);
                }
            }
            _ => {}
        }
    }

    /// `{% for x in list limit:n offset:n reversed %}` with `forloop` and `{% else %}`.
    fn run_for(
        &mut self,
        args: &str,
        body: &[Spanned<'_>],
        (base, at): (Origin, Origin),
        scope: &mut Scope,
        out: &mut Expanded,
    ) {
        let Some((var, rest)) = args.split_once(" in ") else {
            return;
        };
        let mut words = rest.split_whitespace();
        let source = words.next().unwrap_or_default();
        if let Some((a, b)) = range_bounds(source, scope) {
            // Checked before the range is built: `(1..1000000000)` must not allocate.
            let len = usize::try_from(b.saturating_sub(a).saturating_add(1)).unwrap_or(0);
            if len > MAX_LOOP_ITERATIONS && !self.budget.iterations(offset_of(at), len) {
                return;
            }
        }
        let mut items = match eval_operand(source, scope) {
            Value::Array(a) => a,
            Value::Object(o) => o
                .into_iter()
                .map(|(k, v)| Value::Array(vec![Value::String(k), v]))
                .collect(),
            Value::Null => Vec::new(),
            other => vec![other],
        };
        for w in words {
            if let Some(n) = w
                .strip_prefix("offset:")
                .and_then(|n| n.parse::<usize>().ok())
            {
                items = items.into_iter().skip(n).collect();
            } else if let Some(n) = w
                .strip_prefix("limit:")
                .and_then(|n| n.parse::<usize>().ok())
            {
                items.truncate(n);
            } else if w == "reversed" {
                items.reverse();
            }
        }
        let branches = split_branches(body, &["else"]);
        if items.is_empty() {
            if let Some((_, _, range)) = branches.get(1) {
                self.run(&body[range.clone()], base, scope, out);
            }
            return;
        }
        let Some((_, _, loop_range)) = branches.first().cloned() else {
            return;
        };
        let len = items.len();
        if !self.budget.iterations(offset_of(at), len) {
            return;
        }
        for (index, item) in items.into_iter().enumerate() {
            if self.budget.is_exceeded() {
                return;
            }
            scope.assign(var.trim(), item);
            let forloop = serde_json::json!({
                "index": index + 1, "index0": index, "first": index == 0, "last": index + 1 == len,
                "length": len, "rindex": len - index, "rindex0": len - index - 1,
            });
            scope.assign("forloop", forloop);
            self.run(&body[loop_range.clone()], base, scope, out);
        }
    }

    /// A non-block tag: `assign`, Jekyll's tags, or a placeholder.
    fn run_tag(
        &mut self,
        name: &str,
        args: &str,
        at: Origin,
        scope: &mut Scope,
        out: &mut Expanded,
    ) {
        match name {
            "assign" => {
                if let Some((var, expr)) = args.split_once('=') {
                    if let Some(value) = self.eval(expr, scope, at) {
                        self.assign(var.trim(), value, at, scope);
                    }
                }
            }
            "increment" | "decrement" | "cycle" | "break" | "continue" => {}
            "echo" => {
                if let Some(v) = self.eval(args, scope, at) {
                    self.emit(&to_output(&v), at, out);
                }
            }
            "post_url" => self.post_url(args, at, scope, out),
            "link" => self.link(args, at, scope, out),
            "include" => self.include(args, at, scope, out),
            _ => {
                let page = scope.globals.get("page").cloned().unwrap_or_default();
                match self.site.plugin_tag(name, args, &page) {
                    Some(html) => out.push_stashed_inline(html, at),
                    None => self.placeholder(name, args, at, out),
                }
            }
        }
    }
}

/// The file offset an origin points at.
pub(crate) fn offset_of(origin: Origin) -> usize {
    match origin {
        Origin::Copied(o) | Origin::Generated(o) => o,
    }
}

/// The origin of a tag at `offset` within tokens located by `base`.
fn tag_origin(base: Origin, offset: usize) -> Origin {
    match base {
        Origin::Copied(o) => Origin::Generated(o + offset),
        generated => generated,
    }
}

/// Index of the tag closing the block opened at `open` (nesting counted), or the end.
fn find_close(tokens: &[Spanned<'_>], open: usize, name: &str, end: &str) -> usize {
    let mut depth = 0usize;
    for (j, t) in tokens.iter().enumerate().skip(open + 1) {
        if let Token::Tag { name: n, .. } = t.token {
            if n == name && name != "comment" {
                depth += 1;
            } else if n == end {
                if depth == 0 {
                    return j;
                }
                depth -= 1;
            }
        }
    }
    tokens.len()
}

/// Splits a block body at top-level branch tags (`elsif`, `else`, `when`): returns
/// `(branch tag or "" for the first, its condition, token range)`.
fn split_branches<'t>(
    body: &[Spanned<'t>],
    at: &[&str],
) -> Vec<(&'t str, &'t str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let (mut tag, mut cond, mut start) = ("", "", 0);
    let mut depth = 0usize;
    for (j, t) in body.iter().enumerate() {
        let Token::Tag { name, args } = t.token else {
            continue;
        };
        if BLOCKS.iter().any(|(open, _)| *open == name) {
            depth += 1;
        } else if BLOCKS.iter().any(|(_, close)| *close == name) {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && at.contains(&name) {
            out.push((tag, cond, start..j));
            (tag, cond, start) = (name, args, j + 1);
        }
    }
    out.push((tag, cond, start..body.len()));
    out
}
