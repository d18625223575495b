//! Hostile posts against the budgets (issue 14): Liquid that grows without end, YAML aliases
//! that expand a billion times, Markdown nested a hundred thousand deep. Each case is
//! generated here, run through the real `lanyard` binary under a 2 GiB address-space limit
//! and a 30 s wall-clock guard, and must end by itself: with its one clear error naming the
//! file and line (exit 2, nothing on stdout), or harmlessly; and nothing in the blog changes.

mod hostile_support;

use hostile_support::{post_name, Blog};

/// `{% assign %}` of 16 bytes, then 32 captures that each double it (64 GiB at the end).
fn capture_doubling() -> String {
    let mut body = String::from("{% assign x = \"0123456789abcdef\" %}\n");
    for _ in 0..32 {
        body.push_str("{% capture x %}{{ x }}{{ x }}{% endcapture %}\n");
    }
    body.push_str("{{ x }}\n");
    body
}

/// Billion laughs: each anchor a list of nine aliases to the one before, nine levels.
fn billion_laughs() -> String {
    let mut yaml =
        String::from("title: Laughs\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    yaml
}

#[test]
fn stops_a_doubled_capture_at_the_output_budget() {
    let blog = Blog::new();
    let post = blog.post("title: Bomb\n", &capture_doubling());
    let out = blog.render(&post);
    // Line 1-3 are the front matter; the assign is line 4 and the captures follow.
    out.assert_error(&post_name(&post), None, "output");
    blog.assert_unchanged();
}

#[test]
fn previews_a_bomb_with_what_came_before_and_the_error_block() {
    let blog = Blog::new();
    let body = format!("Before the bomb.\n\n{}", capture_doubling());
    let post = blog.post("title: Bomb\n", &body);
    let workspace = lanyard::site::Workspace::open(blog.root()).expect("opens");
    let options = lanyard::render::RenderOptions {
        source_lines: true,
        asset_urls: true,
    };
    let rendered = workspace
        .render_text_with(
            &post,
            &std::fs::read_to_string(&post).expect("reads"),
            &options,
        )
        .expect("a budget does not fail the preview");
    let stop = rendered.budget_exceeded().expect("the budget problem");
    assert!(stop.line > 4 && stop.message.contains("output"), "{stop:?}");
    assert!(
        rendered.html.contains("Before the bomb."),
        "{}",
        rendered.html
    );
    let block = format!(
        "<div class=\"lanyard-liquid lanyard-budget\">Line {}:",
        stop.line
    );
    assert!(rendered.html.contains(&block), "{}", rendered.html);
    assert!(rendered.html.len() < 1 << 20, "a cut preview stays small");
    blog.assert_unchanged();
}

#[test]
fn stops_a_huge_range_before_building_it() {
    let blog = Blog::new();
    let body = "Intro\n\n{% for i in (1..1000000000) %}\n{{ i }}\n{% endfor %}\n";
    let post = blog.post("title: Range\n", body);
    blog.render(&post)
        .assert_error(&post_name(&post), Some(6), "iterations");
    blog.assert_unchanged();
}

#[test]
fn counts_iterations_across_nested_loops() {
    let blog = Blog::new();
    let body = "{% for a in (1..1000) %}{% for b in (1..1000) %}.{% endfor %}{% endfor %}\n";
    let post = blog.post("title: Loops\n", body);
    blog.render(&post)
        .assert_error(&post_name(&post), Some(4), "iterations");
    blog.assert_unchanged();
}

#[test]
fn stops_an_include_that_includes_itself() {
    let blog = Blog::new();
    blog.write("_includes/loop.html", "again {% include loop.html %}\n");
    let post = blog.post("title: Loop\n", "Before\n\n{% include loop.html %}\n");
    blog.render(&post)
        .assert_error(&post_name(&post), Some(6), "nest");
    blog.assert_unchanged();
}

#[test]
fn stops_an_appended_value_at_the_value_budget() {
    let blog = Blog::new();
    let mut body = String::from("{% assign x = \"0123456789abcdef\" %}\n");
    for _ in 0..40 {
        body.push_str("{% assign x = x | append: x %}\n");
    }
    let post = blog.post("title: Append\n", &body);
    blog.render(&post)
        .assert_error(&post_name(&post), None, "value");
    blog.assert_unchanged();
}

#[test]
fn refuses_a_replace_that_would_multiply_the_text() {
    let blog = Blog::new();
    let mut body = String::from("{% capture x %}");
    body.push_str(&"0123456789abcdef".repeat(4096));
    body.push_str("{% endcapture %}\n{% assign y = x | replace: \"\", x %}\n");
    let post = blog.post("title: Replace\n", &body);
    blog.render(&post)
        .assert_error(&post_name(&post), Some(5), "value");
    blog.assert_unchanged();
}

#[test]
fn stops_blocks_nested_past_the_nesting_budget() {
    let blog = Blog::new();
    let body = "{% if true %}\n".repeat(150) + "deep\n" + &"{% endif %}".repeat(150);
    let post = blog.post("title: Ifs\n", &body);
    // The 101st `if` is on line 3 + 101.
    blog.render(&post)
        .assert_error(&post_name(&post), Some(104), "nest");
    // A hundred thousand unclosed ones stop too (scanning for their ends is work).
    let body = "{% if true %}".repeat(100_000) + "deep\n";
    let post = blog.post("title: Ifs\n", &body);
    blog.render(&post)
        .assert_error(&post_name(&post), Some(4), "stopped");
    blog.assert_unchanged();
}

#[test]
fn counts_the_work_of_copying_long_lists_in_loops() {
    let blog = Blog::new();
    // A list of a million one-letter items, copied by a loop that prints nothing.
    let body = format!(
        "{{% capture s %}}{}{{% endcapture %}}\n{{% assign chars = s | split: \"\" %}}\n\
         {{% for i in (1..1000) %}}{{% for c in chars limit:1 %}}{{% endfor %}}{{% if chars contains \"y\" %}}y{{% endif %}}{{% endfor %}}\n",
        "x".repeat(1_000_000)
    );
    let post = blog.post("title: Copies\n", &body);
    blog.render(&post)
        .assert_error(&post_name(&post), Some(6), "work");
    blog.assert_unchanged();
}

#[test]
fn check_reports_a_liquid_bomb_as_an_error_of_its_post() {
    let blog = Blog::new();
    let post = blog.post("title: Bomb\n", &capture_doubling());
    let out = blog.run(&["check"]);
    assert_eq!(out.code, Some(1), "{out:?}");
    let line = out
        .stdout
        .lines()
        .find(|l| l.contains(&post_name(&post)))
        .unwrap_or_else(|| panic!("no finding for the bomb: {out:?}"));
    assert!(
        line.contains(": error: ") && line.contains("output"),
        "{line}"
    );
    blog.assert_unchanged();
}

#[test]
fn refuses_billion_laughs_front_matter_in_render_fm_and_check() {
    let blog = Blog::new();
    let post = blog.post(&billion_laughs(), "Body\n");
    let name = post_name(&post);
    // The alias that crosses the budget is on the level-6 anchor's line (1 + 7 + 1).
    blog.render(&post).assert_error(&name, Some(8), "aliases");
    let path = post.to_str().expect("utf8 path");
    blog.run(&["fm", "get", path, "title"])
        .assert_error(&name, Some(8), "aliases");
    blog.run(&["fm", "set", path, "title", "Other"])
        .assert_error(&name, Some(8), "aliases");
    blog.run(&["fm", "unset", path, "a0"])
        .assert_error(&name, Some(8), "aliases");
    let check = blog.run(&["check"]);
    assert_eq!(check.code, Some(1), "{check:?}");
    assert!(
        check.stdout.contains(&format!("{name}:8: error:")),
        "{check:?}"
    );
    blog.assert_unchanged();
}

#[test]
fn refuses_front_matter_nested_past_the_budget() {
    let blog = Blog::new();
    // Block mappings 150 deep: over the reader's budget of 100.
    let fm: String = (0..150)
        .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
        .collect::<String>()
        + &" ".repeat(150)
        + "leaf\n";
    let post = blog.post(&fm, "Body\n");
    // The 100th key is the top mapping's first; the 101st mapping opens on line 2 + 100.
    blog.render(&post)
        .assert_error(&post_name(&post), None, "nests");
    // Flow lists a hundred thousand deep stop in the parser itself, with its own error.
    let depth = 100_000;
    let fm = format!(
        "title: Deep\nx: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let post = blog.post(&fm, "Body\n");
    blog.render(&post)
        .assert_error(&post_name(&post), Some(3), "front matter");
    blog.assert_unchanged();
}

#[test]
fn renders_a_hundred_thousand_nested_blockquotes() {
    let blog = Blog::new();
    let body = "> ".repeat(100_000) + "deep\n";
    let post = blog.post("title: Quotes\n", &body);
    let out = blog.render(&post);
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("deep"), "the text survives");
    blog.assert_unchanged();
}

#[test]
fn renders_deeply_nested_lists_emphasis_brackets_and_html() {
    let blog = Blog::new();
    let cases = [
        "- ".repeat(50_000) + "item\n",
        (0..1_000)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect(),
        "*a **b ".repeat(20_000) + "\n",
        "[".repeat(100_000) + "x" + &"](u)".repeat(100_000) + "\n",
        "[a](b c\n".repeat(50_000),
        "[a](b c ".repeat(50_000) + "\n",
        "<div markdown=\"1\">\n".repeat(5_000) + "text\n" + &"</div>\n".repeat(5_000),
        "<div>\n".repeat(50_000) + "text\n",
        "`".repeat(50_000) + "\n",
        "![".repeat(50_000) + "\n",
        "> - ".repeat(30_000) + "x\n",
    ];
    for (i, body) in cases.iter().enumerate() {
        let post = blog.post(&format!("title: Case {i}\n"), body);
        let out = blog.render(&post);
        assert_eq!(out.code, Some(0), "case {i}: {out:?}");
    }
    blog.assert_unchanged();
}

#[test]
fn renders_what_the_fuzzers_found() {
    let blog = Blog::new();
    // `fuzz/render`: a link destination holding `](` was rewritten twice (a slice panic).
    let post = blog.post("title: Fuzz\n", "1]([\u{b}1]([\u{b}?)]?)]\n");
    let out = blog.render(&post);
    assert_eq!(out.code, Some(0), "{out:?}");
    blog.assert_unchanged();
}

#[test]
fn keeps_many_unclosed_raw_tags_linear() {
    let blog = Blog::new();
    let body = "{% raw %}x".repeat(30_000) + "\n";
    let post = blog.post("title: Raw\n", &body);
    let out = blog.render(&post);
    assert_eq!(out.code, Some(0), "{out:?}");
    blog.assert_unchanged();
}
