//! Jekyll's own Liquid tags: `post_url` (Jekyll's `tags/post_url.rb`), `link`, `include`
//! (`tags/include.rb`, with `k="v"` parameters) and `highlight` (`tags/highlight.rb`), plus the
//! visible placeholder for the tags Lanyard cannot run.

use serde_json::{Map, Value};

use super::expr::{eval_operand, to_output, Scope};
use super::filters::escape_html;
use super::interp::offset_of;
use super::lexer::tokenize;
use super::output::{Expanded, Origin, BROKEN_URL};
use super::Expander;
use crate::render::ProblemKind;

impl Expander<'_> {
    /// `{% post_url 2023-04-19-kubecon-j1 %}` (or `sub/2023-...`): the target's URL; a
    /// missing, unpublished or future target is output marked broken and reported.
    pub(crate) fn post_url(&mut self, args: &str, at: Origin, scope: &Scope, out: &mut Expanded) {
        let name = if args.contains("{{") {
            self.render_inline(args, scope, at)
        } else {
            args.trim().to_string()
        };
        let target = self.site.resolve_post_url(&name);
        let problem = match &target {
            None => Some((
                ProblemKind::MissingPostUrl,
                format!("post_url: no post named `{name}`"),
            )),
            Some(t) if t.future => Some((
                ProblemKind::FuturePostUrl,
                format!("post_url: `{name}` is dated in the future"),
            )),
            Some(t) if !t.published => Some((
                ProblemKind::UnpublishedPostUrl,
                format!("post_url: `{name}` is not published"),
            )),
            Some(_) => None,
        };
        let url = target.map(|t| t.url).unwrap_or_else(|| format!("#{name}"));
        match problem {
            Some((kind, message)) => {
                self.report(at, kind, message);
                self.emit(&format!("{BROKEN_URL}{url}"), at, out);
            }
            None => self.emit(&url, at, out),
        }
    }

    /// `{% link _posts/2023-04-19-x.md %}`: a post's URL, else the file's site path.
    pub(crate) fn link(&mut self, args: &str, at: Origin, scope: &Scope, out: &mut Expanded) {
        let path = if args.contains("{{") {
            self.render_inline(args, scope, at)
        } else {
            args.trim().to_string()
        };
        let stem = path.rsplit_once('.').map_or(path.as_str(), |(s, _)| s);
        let url = match stem.split_once("_posts/") {
            Some((_, name)) => self.site.resolve_post_url(name).map(|t| t.url),
            None => None,
        };
        let url = url
            .unwrap_or_else(|| format!("{}/{}", self.site.baseurl(), path.trim_start_matches('/')));
        self.emit(&url, at, out);
    }

    /// `{% include file.html k="v" %}`: the file from `_includes/`, run with `include.k`.
    pub(crate) fn include(
        &mut self,
        args: &str,
        at: Origin,
        scope: &mut Scope,
        out: &mut Expanded,
    ) {
        let (file, params) = split_include_args(args);
        let file = if file.contains("{{") {
            self.render_inline(file, scope, at)
        } else {
            file.to_string()
        };
        // Counted before reading: an include that includes itself stops at the budget, as
        // Liquid's "Nesting too deep" stops Jekyll.
        if !self.budget.nesting(offset_of(at), self.depth + 1) {
            return;
        }
        let text = match self.site.include(&file) {
            Ok(text) => text,
            Err(e) => {
                // A missing include is the placeholder's business; a refusal of the gate (a
                // link or `includes_dir` out of the site, a FIFO, a huge file) says why.
                if e.kind() != "not_found" {
                    self.report(at, ProblemKind::UnsupportedLiquid, e.to_string());
                }
                return self.placeholder("include", args, at, out);
            }
        };
        let include = Value::Object(parse_include_params(params, scope));
        let saved = scope.globals.insert("include".into(), include);
        self.depth += 1;
        let tokens = tokenize(&text);
        self.run(&tokens, at, scope, out);
        self.depth -= 1;
        match saved {
            Some(v) => scope.globals.insert("include".into(), v),
            None => scope.globals.remove("include"),
        };
    }

    /// A tag Lanyard cannot run: shown as `<span class="lanyard-liquid">name args</span>`.
    pub(crate) fn placeholder(&mut self, name: &str, args: &str, at: Origin, out: &mut Expanded) {
        let shown = format!(
            "{name} {}",
            args.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        let shown = shown.trim();
        let message = format!("Liquid tag `{shown}` cannot be previewed");
        self.report(at, ProblemKind::UnsupportedLiquid, message);
        let html = format!(
            "<span class=\"lanyard-liquid\">{}</span>",
            escape_html(shown)
        );
        if self.stash_fits(html.len(), at, out) {
            out.push_stashed_inline(html, at);
        }
    }

    /// Renders a tag argument holding `{{ ... }}` outputs (e.g. `{% include {{ f }} %}`).
    fn render_inline(&mut self, text: &str, scope: &Scope, at: Origin) -> String {
        let mut s = String::new();
        for t in tokenize(text) {
            match t.token {
                super::lexer::Token::Text(x) => s.push_str(x),
                super::lexer::Token::Output(e) => {
                    if let Some(v) = self.eval(e, scope, at) {
                        s.push_str(&to_output(&v));
                    }
                }
                super::lexer::Token::Tag { .. } => {}
            }
            if !self.budget.value(offset_of(at), s.len()) {
                return String::new();
            }
        }
        s.trim().to_string()
    }
}

/// Splits include markup into the file name (which may hold `{{ }}`) and the parameters.
fn split_include_args(args: &str) -> (&str, &str) {
    let args = args.trim();
    if args.starts_with("{{") {
        if let Some(end) = args.find("}}") {
            let split = args[end..]
                .find(char::is_whitespace)
                .map_or(args.len(), |i| end + i);
            return (&args[..split], &args[split..]);
        }
    }
    match args.find(char::is_whitespace) {
        Some(i) => (&args[..i], &args[i..]),
        None => (args, ""),
    }
}

/// Parses `k="v" k2='v' k3=variable` as Jekyll's `IncludeTag::VALID_SYNTAX` does.
fn parse_include_params(params: &str, scope: &Scope) -> Map<String, Value> {
    let mut map = Map::new();
    let mut rest = params.trim_start();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let (value, consumed) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match find_closing_quote(&after[1..], q) {
                Some(end) => (
                    Value::String(after[1..1 + end].replace(&format!("\\{q}"), &q.to_string())),
                    end + 2,
                ),
                None => (Value::String(after[1..].to_string()), after.len()),
            },
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (eval_operand(&after[..end], scope), end)
            }
        };
        if !key.is_empty() {
            let key = key.rsplit(char::is_whitespace).next().unwrap_or(key);
            map.insert(key.to_string(), value);
        }
        rest = after[consumed..].trim_start();
    }
    map
}

/// Byte index of the closing quote `q` in `s`, skipping backslash escapes.
fn find_closing_quote(s: &str, q: char) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            c if c == q && !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

/// The HTML Jekyll's `highlight` tag writes (rouge output, without the token colours).
pub(crate) fn highlight_html(args: &str, code: &str) -> String {
    let mut words = args.split_whitespace();
    let lang = words.next().unwrap_or("text").to_lowercase();
    let linenos = words.any(|w| w.starts_with("linenos"));
    let code = code
        .trim_start_matches(['\n', '\r'])
        .trim_end_matches(['\n', '\r']);
    let lang = escape_html(&lang);
    let escaped = escape_html(code);
    let body = if linenos {
        let numbers: String = (1..=code.lines().count().max(1))
            .map(|n| format!("{n}\n"))
            .collect();
        format!(
            "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">{numbers}</pre></td><td class=\"code\"><pre>{escaped}\n</pre></td></tr></tbody></table>"
        )
    } else {
        escaped
    };
    format!("<figure class=\"highlight\"><pre><code class=\"language-{lang}\" data-lang=\"{lang}\">{body}</code></pre></figure>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quoted_and_variable_include_params() {
        let mut scope = Scope::default();
        scope
            .globals
            .insert("page".into(), serde_json::json!({"t": "T"}));
        let m = parse_include_params(r#" a="x y" b='z' c=page.t d="say \"hi\"""#, &scope);
        assert_eq!(m["a"], "x y");
        assert_eq!(m["b"], "z");
        assert_eq!(m["c"], "T");
        assert_eq!(m["d"], "say \"hi\"");
    }

    #[test]
    fn writes_highlight_as_jekyll_figure() {
        assert_eq!(
            highlight_html("ruby", "\nputs 1 < 2\n"),
            "<figure class=\"highlight\"><pre><code class=\"language-ruby\" data-lang=\"ruby\">puts 1 &lt; 2</code></pre></figure>\n"
        );
    }

    #[test]
    fn splits_include_file_from_params() {
        assert_eq!(
            split_include_args("info.html type=\"x\""),
            ("info.html", " type=\"x\"")
        );
    }
}
