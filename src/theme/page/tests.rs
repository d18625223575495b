//! Tests of the page around a post: the Liquid budget in layouts, includes through the gate.

use super::*;

use crate::theme::test_support::site_with;

const POST: &str = "_posts/2024-05-01-a.md";

#[test]
fn a_layout_bomb_runs_out_of_the_liquid_budget() {
    let dir = site_with(&[
        ("_config.yml", "title: T\n"),
        (
            "_layouts/post.html",
            "<main>\n{% for i in (1..1000000000) %}{{ i }}{% endfor %}{{ content }}</main>\n",
        ),
        (POST, "---\nlayout: post\n---\nHello\n"),
    ]);
    let ws = Workspace::open(dir.path()).expect("open");
    let theme = SiteTheme::for_workspace(&ws).expect("theme");
    let path = ws.root().join(POST);
    let text = std::fs::read_to_string(&path).expect("read");
    match render_page(&ws, &theme, &path, &text) {
        Err(Error::BudgetExceeded { path, line, .. }) => {
            assert!(path.ends_with("_layouts/post.html"), "{}", path.display());
            assert_eq!(line, 2);
        }
        other => panic!("expected a budget error, got {other:?}"),
    }
}

#[test]
fn includes_come_from_the_site_through_the_gate() {
    let dir = site_with(&[
        ("_config.yml", "title: T\n"),
        ("_includes/head.html", "<p>site head</p>"),
        (
            "_layouts/post.html",
            "{% include head.html %}{% include ../_config.yml %}{{ content }}",
        ),
        (POST, "---\nlayout: post\n---\nHello\n"),
    ]);
    let ws = Workspace::open(dir.path()).expect("open");
    let theme = SiteTheme::for_workspace(&ws).expect("theme");
    let path = ws.root().join(POST);
    let text = std::fs::read_to_string(&path).expect("read");
    let page = render_page(&ws, &theme, &path, &text).expect("page");
    assert!(page.html.starts_with("<p>site head</p>"), "{}", page.html);
    assert!(!page.html.contains("title: T"), "{}", page.html);
}

#[test]
fn the_pagination_template_gets_the_first_pager_and_other_pages_none() {
    let list = "{% for p in paginator.posts %}[{{ p.title }}: {{ p.content | strip_html | strip }}]{% endfor %}\
                {{ paginator.page }}/{{ paginator.total_pages }} of {{ paginator.total_posts }} \
                next={{ paginator.next_page_path }} prev={{ paginator.previous_page_path | default: 'none' }}";
    let files = |config: &'static str| {
        site_with(&[
            ("_config.yml", config),
            ("blog/index.html", "---\n---\n"),
            ("index.html", "---\n---\n"),
            ("about/index.html", "---\n---\n"),
            (
                "_posts/2024-05-01-a.md",
                "---\ntitle: A\n---\nFirst *post*\n",
            ),
            ("_posts/2024-05-02-b.md", "---\ntitle: B\n---\nSecond\n"),
            (
                "_posts/2024-05-03-c.md",
                "---\ntitle: C\nhidden: true\n---\nHidden\n",
            ),
            ("_posts/2024-05-04-d.md", "---\ntitle: D\n---\nFourth\n"),
        ])
    };
    let render = |dir: &tempfile::TempDir, rel: &str| {
        std::fs::write(dir.path().join(rel), format!("---\n---\n{list}")).expect("write");
        let ws = Workspace::open(dir.path()).expect("open");
        let theme = SiteTheme::for_workspace(&ws).expect("theme");
        let path = ws.root().join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        render_page(&ws, &theme, &path, &text).expect("page").html
    };
    let paginated =
        files("paginate: 2\npaginate_path: /blog/page:num/\nplugins: [jekyll-paginate]\n");
    // blog/index.html is the template (the longest path in or above /blog/); the hidden post
    // is not listed.
    assert_eq!(
        render(&paginated, "blog/index.html"),
        "[D: Fourth][B: Second]1/2 of 3 next=/blog/page2/ prev=none"
    );
    assert_eq!(render(&paginated, "index.html"), "/ of  next= prev=none");
    assert_eq!(
        render(&paginated, "about/index.html"),
        "/ of  next= prev=none"
    );
    // Without the plugin, no paginator.
    let plain = files("paginate: 2\n");
    assert_eq!(render(&plain, "blog/index.html"), "/ of  next= prev=none");
}
