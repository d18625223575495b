//! The real-blog corpus: runs only when `LANYARD_CORPUS` names a folder of Jekyll blogs (CI:
//! `../shared/data/blogs`). Every blog opens, every post and draft renders without error and
//! without raw Liquid (`{%`, `{{`) in its visible text outside code, and `check` reports no
//! error (those blogs build with Jekyll, so an error would be ours). Under `CI=true` a missing
//! corpus fails instead of skipping.

mod corpus_support;

use std::path::PathBuf;

use lanyard::check::{check, Severity};
use lanyard::site::Workspace;

fn corpus_blogs() -> Option<Vec<PathBuf>> {
    let root = corpus_support::corpus_root("the corpus test")?;
    let mut blogs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    blogs.sort();
    Some(blogs)
}

#[test]
fn every_corpus_blog_opens_renders_and_checks_clean() {
    let Some(blogs) = corpus_blogs() else {
        return;
    };
    assert!(!blogs.is_empty(), "LANYARD_CORPUS holds no blog");
    let mut failures = Vec::new();
    let mut rendered = 0;
    for blog in &blogs {
        let ws = match Workspace::open(blog) {
            Ok(ws) => ws,
            Err(e) => {
                failures.push(format!("{}: does not open: {e}", blog.display()));
                continue;
            }
        };
        assert!(!ws.posts().is_empty(), "{}: no posts found", blog.display());
        for post in ws.posts() {
            match ws.render_file(&post.path) {
                Ok(r) if has_raw_liquid(&r.html) => failures.push(format!(
                    "{}: raw Liquid in visible text",
                    post.path.display()
                )),
                Ok(_) => rendered += 1,
                Err(e) => failures.push(format!("render: {e}")),
            }
        }
        for finding in check(&ws)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
        {
            failures.push(format!("{}: {finding}", blog.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("corpus: {} blogs, {rendered} posts rendered", blogs.len());
}

/// Whether the text of `html` outside `<pre>`/`<code>` (where a post may show Liquid on
/// purpose) still holds `{%` or `{{`.
fn has_raw_liquid(html: &str) -> bool {
    let mut text = String::new();
    let mut code_depth = 0usize;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if code_depth == 0 {
            text.push_str(&rest[..open]);
        }
        let close = rest[open..].find('>').map_or(rest.len(), |i| open + i + 1);
        let tag = &rest[open..close];
        if tag.starts_with("<pre") || tag.starts_with("<code") {
            code_depth += 1;
        } else if tag.starts_with("</pre") || tag.starts_with("</code") {
            code_depth = code_depth.saturating_sub(1);
        }
        rest = &rest[close..];
    }
    text.push_str(rest);
    text.contains("{%") || text.contains("{{")
}

#[test]
fn spots_raw_liquid_outside_code_only() {
    assert!(has_raw_liquid("<p>{% include x.html %}</p>"));
    assert!(!has_raw_liquid(
        "<pre><code>{% raw %}{{ x }}</code></pre><p>ok</p>"
    ));
}
