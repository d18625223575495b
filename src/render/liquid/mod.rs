//! The Liquid pass, run on a post's body before Markdown as Jekyll does.
//!
//! We run Liquid ourselves rather than through the `liquid` crate (0.26): that crate rejects a
//! whole template on the first unknown tag or filter and uses Shopify's `include` syntax, while
//! a preview must keep going past plugin tags (shown as placeholders), use Jekyll's
//! `{% include file k="v" %}`, and map every output byte back to its source line for problems
//! and scroll sync. Posts use a small subset of Liquid, which this module covers: outputs with
//! filters, `if`/`unless`/`case`/`for`/`assign`/`capture`/`comment`/`raw`, and Jekyll's
//! `post_url`, `link`, `include` and `highlight`.

mod budget;
mod collection_filters;
mod dates;
mod expr;
mod filters;
mod interp;
mod lexer;
pub(crate) mod output;
mod tags;

use serde_json::Value;

use budget::Budget;
pub(crate) use dates::format_date;
use expr::Scope;
pub(crate) use filters::{escape_html, strip_html};
use interp::offset_of;
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
    let mut scope = Scope::default();
    scope.globals.insert("site".into(), site.site_vars());
    scope.globals.insert("page".into(), page.clone());
    let mut expander = Expander {
        site,
        depth: 0,
        problems: Vec::new(),
        budget: Budget::default(),
        stashed: 0,
        problem_bytes: 0,
    };
    let tokens = lexer::tokenize(body);
    expander.run(&tokens, Origin::Copied(body_start), &mut scope, &mut out);
    if let Some(stop) = expander.budget.exceeded.take() {
        expander.problems.push(LiquidProblem {
            offset: stop.offset,
            kind: ProblemKind::BudgetExceeded,
            message: stop.message,
        });
    }
    (out, expander.problems)
}

/// Most problems one run reports.
const MAX_PROBLEMS: usize = 1000;

/// Most bytes of problem messages one run reports.
const MAX_PROBLEM_BYTES: usize = 1 << 20;

/// Renders a whole template (a layout) with the given top-level variables (`site`, `page`,
/// `layout`, `content`, ...): the text with stashed blocks put back, and the problems (tags
/// it could not run, shown as placeholders), located at byte offsets of `template`. The run has
/// the same budget as a post's (output size, loops, nesting, work): a layout bomb stops with a
/// [`ProblemKind::BudgetExceeded`] problem.
pub(crate) fn render_template(
    template: &str,
    globals: serde_json::Map<String, Value>,
    site: &dyn SiteContext,
) -> (String, Vec<LiquidProblem>) {
    let mut out = Expanded {
        text: String::with_capacity(template.len() * 2),
        ..Expanded::default()
    };
    let mut scope = Scope {
        globals,
        ..Scope::default()
    };
    let mut expander = Expander {
        site,
        depth: 0,
        problems: Vec::new(),
        budget: Budget::default(),
        stashed: 0,
        problem_bytes: 0,
    };
    let tokens = lexer::tokenize(template);
    expander.run(&tokens, Origin::Copied(0), &mut scope, &mut out);
    if let Some(stop) = expander.budget.exceeded.take() {
        expander.problems.push(LiquidProblem {
            offset: stop.offset,
            kind: ProblemKind::BudgetExceeded,
            message: stop.message,
        });
    }
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
    /// What is left of the run's resource limits.
    budget: Budget,
    /// Bytes of HTML stashed so far (placeholders, highlighted code).
    stashed: usize,
    /// Bytes of problem messages so far.
    problem_bytes: usize,
}

impl Expander<'_> {
    /// Appends `text` to the output, unless that would take it over the output budget.
    fn emit(&mut self, text: &str, origin: Origin, out: &mut Expanded) {
        if self
            .budget
            .output(offset_of(origin), out.text.len() + text.len())
        {
            out.push(text, origin);
        }
    }

    /// Whether `len` more bytes of stashed HTML fit in the output budget (stashed HTML is
    /// output too, only kept apart from Markdown); counts them when they do.
    fn stash_fits(&mut self, len: usize, at: Origin, out: &Expanded) -> bool {
        self.stashed = self.stashed.saturating_add(len);
        self.budget
            .output(offset_of(at), out.text.len().saturating_add(self.stashed))
    }

    /// Evaluates an expression of the tag at `at`; `None` when it stopped on the value budget.
    fn eval(&mut self, expr: &str, scope: &Scope, at: Origin) -> Option<Value> {
        match expr::eval_expr(expr, scope) {
            Ok(v) if self.budget.value(offset_of(at), text_len(&v)) => Some(v),
            Ok(_) => None,
            Err(expr::ValueTooLarge) => {
                self.budget.value(offset_of(at), usize::MAX);
                None
            }
        }
    }

    /// `assign`/`capture`: sets a variable, counted against the assign budget.
    fn assign(&mut self, name: &str, value: Value, at: Origin, scope: &mut Scope) {
        if self.budget.assign(offset_of(at), &value) {
            scope.assign(name, value);
        }
    }

    /// Records a problem at a tag. Past [`MAX_PROBLEMS`] problems, or [`MAX_PROBLEM_BYTES`] of
    /// messages, the rest are dropped: a loop over a plugin tag must not fill memory with them.
    fn report(&mut self, at: Origin, kind: ProblemKind, message: String) {
        self.problem_bytes = self.problem_bytes.saturating_add(message.len());
        if self.problems.len() >= MAX_PROBLEMS || self.problem_bytes > MAX_PROBLEM_BYTES {
            return;
        }
        self.problems.push(LiquidProblem {
            offset: offset_of(at),
            kind,
            message,
        });
    }
}

/// The text length of a string value (other values are checked as they are printed).
fn text_len(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len(),
        _ => 0,
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

    /// The fake blog, plus an include that includes itself.
    struct SelfIncluding;

    impl SiteContext for SelfIncluding {
        fn resolve_post_url(&self, name: &str) -> Option<crate::render::PostTarget> {
            FakeSite.resolve_post_url(name)
        }
        fn check_site_file(&self, path: &crate::site::gate::SitePath) -> crate::Result<()> {
            FakeSite.check_site_file(path)
        }
        fn include(&self, name: &str) -> crate::Result<String> {
            match name {
                "self.html" => Ok("x{% include self.html %}".to_string()),
                other => FakeSite.include(other),
            }
        }
        fn site_vars(&self) -> Value {
            FakeSite.site_vars()
        }
        fn baseurl(&self) -> String {
            FakeSite.baseurl()
        }
    }

    fn stop_of(body: &str, site: &dyn SiteContext) -> Option<LiquidProblem> {
        let (_, problems) = expand_liquid(body, 0, &serde_json::json!({}), site);
        problems
            .into_iter()
            .find(|p| p.kind == ProblemKind::BudgetExceeded)
    }

    #[test]
    fn runs_loops_up_to_the_iteration_budget_and_stops_one_past_it() {
        let ok = format!(
            "{{% for i in (1..{}) %}}{{% endfor %}}",
            budget::MAX_LOOP_ITERATIONS
        );
        assert_eq!(stop_of(&ok, &FakeSite), None);
        let over = format!(
            "a\n{{% for i in (1..{}) %}}{{% endfor %}}",
            budget::MAX_LOOP_ITERATIONS + 1
        );
        let stop = stop_of(&over, &FakeSite).expect("stopped");
        assert_eq!(stop.offset, 2, "at the for tag");
        assert!(stop.message.contains("iterations"), "{}", stop.message);
    }

    #[test]
    fn nests_blocks_up_to_the_budget_and_stops_one_level_deeper() {
        let nested = |n: usize| "{% if true %}".repeat(n) + "x" + &"{% endif %}".repeat(n);
        assert_eq!(stop_of(&nested(budget::MAX_NESTING), &FakeSite), None);
        let stop = stop_of(&nested(budget::MAX_NESTING + 1), &FakeSite).expect("stopped");
        assert!(stop.message.contains("nest"), "{}", stop.message);
    }

    #[test]
    fn stops_an_include_that_includes_itself_at_the_include_tag() {
        let stop = stop_of("para\n\n{% include self.html %}", &SelfIncluding).expect("stopped");
        assert_eq!(stop.offset, 6);
        let (out, _) = expand_liquid(
            "{% include self.html %}",
            0,
            &serde_json::json!({}),
            &SelfIncluding,
        );
        assert_eq!(out.text, "x".repeat(budget::MAX_NESTING));
    }

    #[test]
    fn stops_a_doubling_capture_before_it_outgrows_the_value_budget() {
        let mut body = String::from("{% assign x = \"0123456789abcdef\" %}");
        body.push_str(&"{% capture x %}{{ x }}{{ x }}{% endcapture %}".repeat(32));
        let stop = stop_of(&body, &FakeSite).expect("stopped");
        assert!(
            stop.message.contains("MiB"),
            "output or value budget: {}",
            stop.message
        );
    }

    #[test]
    fn drops_comments_and_keeps_raw() {
        assert_eq!(
            run("a{% comment %}{% gist x %}{% endcomment %}b{% raw %}{{ y }}{% endraw %}").0,
            "ab{{ y }}"
        );
    }
}
