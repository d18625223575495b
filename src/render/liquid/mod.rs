//! The Liquid pass, run on a post's body before Markdown as Jekyll does.
//!
//! We run Liquid ourselves rather than through the `liquid` crate (0.26): that crate rejects a
//! whole template on the first unknown tag or filter and uses Shopify's `include` syntax, while
//! a preview must keep going past plugin tags (shown as placeholders), use Jekyll's
//! `{% include file k="v" %}`, and map every output byte back to its source line for problems
//! and scroll sync. Posts use a small subset of Liquid, which this module covers: outputs with
//! filters, `if`/`unless`/`case`/`for`/`assign`/`capture`/`comment`/`raw`, and Jekyll's
//! `post_url`, `link`, `include` and `highlight`.

mod collection_filters;
mod dates;
mod expr;
mod filters;
mod interp;
mod lexer;
pub(crate) mod output;
mod tags;

use serde_json::Value;

pub(crate) use dates::format_date;
pub(crate) use filters::{escape_html, strip_html};
pub(crate) use output::{unstash, Expanded, Origin};

use super::{ProblemKind, SiteContext};

/// A problem found while running Liquid, at a byte offset of the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LiquidProblem {
    /// Byte offset of the tag in the file.
    pub offset: usize,
    /// What is wrong.
    pub kind: ProblemKind,
    /// A sentence for the user.
    pub message: String,
}

/// Runs the Liquid in `body` (which starts at byte `body_start` of the file).
pub(crate) fn expand_liquid(
    body: &str,
    body_start: usize,
    page: &Value,
    site: &dyn SiteContext,
) -> (Expanded, Vec<LiquidProblem>) {
    let mut out = Expanded {
        text: String::with_capacity(body.len() + 64),
        ..Expanded::default()
    };
    if !body.contains("{%") && !body.contains("{{") {
        out.push(body, Origin::Copied(body_start));
        return (out, Vec::new());
    }
    let mut scope = expr::Scope::default();
    scope.globals.insert("site".into(), site.site_vars());
    scope.globals.insert("page".into(), page.clone());
    let mut expander = Expander {
        site,
        depth: 0,
        problems: Vec::new(),
    };
    let tokens = lexer::tokenize(body);
    expander.run(&tokens, Origin::Copied(body_start), &mut scope, &mut out);
    (out, expander.problems)
}

/// Renders a whole template (a layout) with the given top-level variables (`site`, `page`,
/// `layout`, `content`, ...): the text with stashed blocks put back, and the problems (tags
/// it could not run, shown as placeholders), located at byte offsets of `template`.
pub(crate) fn render_template(
    template: &str,
    globals: serde_json::Map<String, Value>,
    site: &dyn SiteContext,
) -> (String, Vec<LiquidProblem>) {
    let mut out = Expanded {
        text: String::with_capacity(template.len() * 2),
        ..Expanded::default()
    };
    let mut scope = expr::Scope {
        globals,
        ..expr::Scope::default()
    };
    let mut expander = Expander {
        site,
        depth: 0,
        problems: Vec::new(),
    };
    let tokens = lexer::tokenize(template);
    expander.run(&tokens, Origin::Copied(0), &mut scope, &mut out);
    (unstash(&out.text, &out.stash), expander.problems)
}

/// The state of one Liquid run.
pub(crate) struct Expander<'c> {
    /// The blog.
    site: &'c dyn SiteContext,
    /// Current include/loop nesting.
    depth: usize,
    /// Problems found so far.
    problems: Vec<LiquidProblem>,
}

impl Expander<'_> {
    /// Records a problem at a tag.
    fn report(&mut self, at: Origin, kind: ProblemKind, message: String) {
        let offset = match at {
            Origin::Copied(o) | Origin::Generated(o) => o,
        };
        self.problems.push(LiquidProblem {
            offset,
            kind,
            message,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::context::tests_support::FakeSite;

    fn run(body: &str) -> (String, Vec<LiquidProblem>) {
        let (out, problems) = expand_liquid(body, 0, &serde_json::json!({"title": "T"}), &FakeSite);
        (unstash(&out.text, &out.stash), problems)
    }

    #[test]
    fn resolves_post_url_to_the_target_url() {
        assert_eq!(
            run("[d1]({% post_url 2023-04-18-day-one %})").0,
            "[d1](/2023/04/18/day-one.html)"
        );
    }

    #[test]
    fn marks_and_reports_missing_post_url_targets() {
        let (text, problems) = run("x\n{% post_url 2020-01-01-nope %}");
        assert!(text.contains(output::BROKEN_URL));
        assert_eq!(problems[0].kind, ProblemKind::MissingPostUrl);
        assert_eq!(problems[0].offset, 2);
    }

    #[test]
    fn expands_includes_with_parameters() {
        assert_eq!(
            run("{% include note.html text=\"hi\" %}").0,
            "<aside>hi</aside>\n"
        );
    }

    #[test]
    fn shows_unknown_tags_as_placeholders() {
        let (text, problems) = run("{% gist abc123 %}");
        assert_eq!(text, "<span class=\"lanyard-liquid\">gist abc123</span>");
        assert_eq!(problems[0].kind, ProblemKind::UnsupportedLiquid);
    }

    #[test]
    fn shows_missing_includes_as_placeholders() {
        assert_eq!(
            run("{% include nope.html a=1 %}").0,
            "<span class=\"lanyard-liquid\">include nope.html a=1</span>"
        );
    }

    #[test]
    fn renders_a_layout_with_content_and_plugin_tags() {
        let mut globals = serde_json::Map::new();
        globals.insert("content".into(), serde_json::json!("<p>x</p>"));
        globals.insert("page".into(), serde_json::json!({"title": "T"}));
        let (html, problems) =
            render_template("<main>{{ content }}</main>{% seo %}", globals, &FakeSite);
        assert_eq!(html, "<main><p>x</p></main><title>T</title>");
        assert!(problems.is_empty());
    }

    #[test]
    fn runs_control_flow_and_page_vars() {
        let src = "{% assign n = 2 %}{% if n > 1 %}{{ page.title }}{% else %}no{% endif %}\
                   {% for i in (1..3) %}{{ i }}{% endfor %}{% capture c %}x{% endcapture %}{{ c }}";
        assert_eq!(run(src).0, "T123x");
    }

    #[test]
    fn drops_comments_and_keeps_raw() {
        assert_eq!(
            run("a{% comment %}{% gist x %}{% endcomment %}b{% raw %}{{ y }}{% endraw %}").0,
            "ab{{ y }}"
        );
    }
}
