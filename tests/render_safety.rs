//! The renderer's promises beyond looks: no script survives, Liquid it cannot run is shown
//! (never raw, never dropped), problems carry the right line, and `data-line` follows the file.

mod render_support;

use lanyard::render::{ProblemKind, RenderOptions};
use render_support::{render, render_with};

fn assert_inert(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "javascript:",
        "onerror",
        "onload",
        "onclick",
        "<iframe",
        "<svg",
        "<object",
        "<embed",
        "srcdoc",
        "<style",
    ] {
        assert!(!lower.contains(bad), "found {bad} in {html}");
    }
}

#[test]
fn removes_script_tags_from_html_blocks_and_inline_html() {
    assert_inert(&render("<script>alert(1)</script>\n\nText <script>alert(2)</script>\n").html);
}

#[test]
fn removes_event_handlers() {
    assert_inert(
        &render("<img src=\"x\" onerror=\"alert(1)\">\n\n<div onload=\"alert(2)\">x</div>\n").html,
    );
}

#[test]
fn removes_javascript_links_in_markdown_and_html() {
    let html = render("[click](javascript:alert(1))\n\n<a href=\"JaVaScRiPt:alert(2)\">x</a>\n\n[e](&#106;avascript:alert(3))\n").html;
    assert_inert(&html);
    assert!(html.contains("click"));
}

#[test]
fn removes_svg_iframe_and_object_tricks() {
    let html = render(
        "<svg><script>alert(1)</script></svg>\n\n<iframe srcdoc=\"<script>alert(2)</script>\"></iframe>\n\n\
         <object data=\"javascript:alert(3)\"></object>\n\n<math><mi xlink:href=\"javascript:alert(4)\">x</mi></math>\n",
    )
    .html;
    assert_inert(&html);
}

#[test]
fn drops_what_could_navigate_the_window() {
    // A refresh, a <base> or a form would take the webview away from the app; none survives.
    let html = render(
        "<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">\n\n\
         Text <meta http-equiv=\"refresh\" content=\"1\">\n\n\
         <base href=\"https://evil.example/\">\n\n\
         <form action=\"https://evil.example/\"><button formaction=\"https://evil.example/\">go</button></form>\n",
    )
    .html
    .to_lowercase();
    for bad in [
        "<meta",
        "http-equiv",
        "refresh",
        "<base",
        "<form",
        "formaction",
        "<button",
    ] {
        assert!(!html.contains(bad), "found {bad} in {html}");
    }
    assert!(html.contains("text"), "{html}");
}

#[test]
fn removes_scripts_coming_from_liquid_and_includes() {
    let html = render("{{ '<script>alert(1)</script>' }}\n\n{% include note.html text=\"<img src=x onerror=alert(2)>\" %}\n").html;
    assert_inert(&html);
}

#[test]
fn shows_plugin_tags_as_placeholders() {
    let r = render("Voir {% gist abc123 file.rb %} ici.\n");
    assert!(
        r.html
            .contains("<span class=\"lanyard-liquid\">gist abc123 file.rb</span>"),
        "{}",
        r.html
    );
    assert_eq!(r.problems[0].kind, ProblemKind::UnsupportedLiquid);
    assert_eq!(r.problems[0].line, 4);
}

#[test]
fn shows_missing_includes_as_placeholders() {
    let r = render("{% include absent.html a=\"1\" %}\n");
    assert!(
        r.html
            .contains("<span class=\"lanyard-liquid\">include absent.html a=\"1\"</span>"),
        "{}",
        r.html
    );
}

#[test]
fn never_shows_raw_liquid_markup() {
    let html =
        render("{% unknown_block %}x{% endunknown_block %} {% if %} {{ }} {% endfor %}\n").html;
    let text = html.replace("<span class=\"lanyard-liquid\">", "");
    assert!(!text.contains("{%") && !text.contains("{{"), "{html}");
}

#[test]
fn reports_broken_post_urls_with_their_line() {
    let r = render("Intro\n\n[a]({% post_url 2020-01-01-nope %})\n[b]({% post_url 2099-01-01-futur %})\n[c]({% post_url 2023-04-21-brouillon %})\n");
    let kinds: Vec<_> = r.problems.iter().map(|p| (p.line, p.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (6, ProblemKind::MissingPostUrl),
            (7, ProblemKind::FuturePostUrl),
            (8, ProblemKind::UnpublishedPostUrl)
        ]
    );
    assert_eq!(r.html.matches("class=\"lanyard-broken-link\"").count(), 3);
}

#[test]
fn reports_missing_images_with_their_line() {
    let r = render("# T\n\n![x](/assets/images/absent.jpg)\n");
    assert_eq!(r.problems.len(), 1);
    assert_eq!(
        (r.problems[0].line, r.problems[0].kind),
        (6, ProblemKind::MissingImage)
    );
    assert!(r.html.contains("lanyard-missing-image"));
}

#[test]
fn adds_data_lines_from_the_whole_file() {
    let options = RenderOptions {
        source_lines: true,
        ..RenderOptions::default()
    };
    let r = render_with(
        "# Titre\n\nUn paragraphe.\n\n- a\n- b\n\n```\ncode\n```\n",
        &options,
    );
    assert!(
        r.html.contains("<h1 id=\"titre\" data-line=\"4\">"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<p data-line=\"6\">"), "{}", r.html);
    assert!(r.html.contains("<ul data-line=\"8\">"), "{}", r.html);
    assert!(r.html.contains("data-line=\"11\""), "{}", r.html);
}

#[test]
fn keeps_data_lines_right_after_an_include() {
    let options = RenderOptions {
        source_lines: true,
        ..RenderOptions::default()
    };
    let r = render_with(
        "{% include talk.html title=\"A\" speaker=\"B\" %}\n\nAprès.\n",
        &options,
    );
    assert!(
        r.html.contains("<p data-line=\"6\">Après.</p>"),
        "{}",
        r.html
    );
}

#[test]
fn leaves_no_data_lines_by_default() {
    assert!(!render("# T\n\ntext\n").html.contains("data-line"));
}

#[test]
fn puts_data_lines_on_html_blocks_and_highlighted_code() {
    let options = RenderOptions {
        source_lines: true,
        ..RenderOptions::default()
    };
    let r = render_with(
        "<div class=\"box\">\n\nx\n\n</div>\n\n{% highlight rb %}\nputs 1\n{% endhighlight %}\n",
        &options,
    );
    assert!(
        r.html.contains("<div data-line=\"4\" class=\"box\">"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<figure data-line=\"10\" class=\"highlight\">"),
        "{}",
        r.html
    );
}

#[test]
fn keeps_data_lines_right_after_rewritten_links_and_paren_lists() {
    let options = RenderOptions {
        source_lines: true,
        ..RenderOptions::default()
    };
    let r = render_with("[a](#x y) [b](#z w)\n\n1) one\n2) two\n\n## H\n", &options);
    assert!(
        r.html.contains("<h2 id=\"h\" data-line=\"9\">"),
        "{}",
        r.html
    );
    assert!(r.html.contains("href=\"#x y\""), "{}", r.html);
}

#[test]
fn survives_malformed_input_without_panicking() {
    let pieces = [
        "{% if",
        "{{",
        "%}",
        "}}",
        "{% raw %}",
        "{% endraw %}",
        "{% for x in %}",
        "{% endfor %}",
        "<div markdown=\"1\">",
        "</div>",
        "<p",
        "$$",
        "[^1]",
        "[^1]: n",
        "{: .x",
        "{:toc}",
        "* ",
        "1) ",
        "| a |",
        "|--|",
        "```",
        "<!--",
        "-->",
        "\n",
        "\n\n",
        "é",
        "\u{F0000}",
        "\u{1}",
        "](a b)",
        "{::comment}",
        "<<",
        ">>",
        "\"'",
        "{% include %}",
        "{% post_url %}",
        "\\",
    ];
    let mut seed = 7u64;
    for _ in 0..400 {
        let mut body = String::new();
        for _ in 0..12 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            body.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let options = RenderOptions {
            source_lines: true,
            ..RenderOptions::default()
        };
        let r = render_with(&body, &options);
        assert!(!r.html.contains("<script"), "{body:?}");
    }
}
