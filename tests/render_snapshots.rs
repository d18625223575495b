//! Snapshot tests of the HTML the renderer writes, one feature per snapshot, on a fake blog.
//! The snapshots (tests/snapshots/) were checked against what Jekyll 4.3's kramdown writes.

mod render_support;

use render_support::render;

fn html(body: &str) -> String {
    render(body).html
}

#[test]
fn writes_headings_with_kramdown_ids() {
    insta::assert_snapshot!(html("# Héllo Wörld!\n\n## Héllo Wörld!\n\n## C++ & Rust: 2023 — why?\n\n## `code` **bold** [link](/x)\n"));
}

#[test]
fn writes_footnotes_as_kramdown() {
    insta::assert_snapshot!(html(
        "Un[^a] deux[^b] encore[^a].\n\n[^a]: Première *note*.\n[^b]: Seconde.\n"
    ));
}

#[test]
fn writes_tables_with_alignment() {
    insta::assert_snapshot!(html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n"));
}

#[test]
fn applies_block_and_span_ials() {
    insta::assert_snapshot!(html(
        "Para.\n{: .lead #top}\n\n{: .before}\nNext.\n\n[doc](https://x.org){:target=\"_blank\"} ![i](/assets/images/present.jpg){: .wide}\n"
    ));
}

#[test]
fn writes_typographic_quotes_and_dashes() {
    insta::assert_snapshot!(html("\"Quoted\" and 'single' -- en --- em... it's\n"));
}

#[test]
fn writes_code_blocks_like_rouge() {
    insta::assert_snapshot!(html(
        "```ruby\nputs 1 < 2\n```\n\n```\nplain\n```\n\n{% highlight python %}\nprint('x')\n{% endhighlight %}\n\nInline `code`.\n"
    ));
}

#[test]
fn takes_the_code_language_from_a_kramdown_class() {
    insta::assert_snapshot!(html(
        "    key: value\n{: .language-yaml}\n\n~~~ yaml\nk: 1\n~~~\n"
    ));
}

#[test]
fn resolves_liquid_before_markdown() {
    insta::assert_snapshot!(html(
        "[J2]({% post_url kubecon/2023-04-19-jour-2 %}) in {{ site.title }}: {{ page.title }}\n\n\
         {% include talk.html title=\"Tracer\" speaker=\"Inès\" %}\n\n\
         {% raw %}{{ not_liquid }}{% endraw %} {% comment %}hidden{% endcomment %}\n\n\
         {% for t in page.tags %}- {{ t | upcase }}\n{% endfor %}"
    ));
}

#[test]
fn keeps_html_blocks_whole_and_renders_markdown_1() {
    insta::assert_snapshot!(html(
        "<div class=\"box\">\n\n    raw, not code\n\n</div>\n\n<div markdown=\"1\">\n**md** inside\n</div>\n\n<!--more-->\n"
    ));
}

#[test]
fn writes_math_as_mathjax_delimiters() {
    insta::assert_snapshot!(html("Inline $$a_1 < b$$ here.\n\n$$\nE = mc^2\n$$\n"));
}

#[test]
fn flags_broken_links_and_missing_images() {
    insta::assert_snapshot!(html(
        "[gone]({% post_url 2020-01-01-nope %}) [draft]({% post_url 2023-04-21-brouillon %})\n\n![ok](/blog/assets/images/present.jpg) ![missing](/assets/images/absent.jpg)\n"
    ));
}
