//! The real-blog corpus: runs only when `LANYARD_CORPUS` names a folder of Jekyll blogs (CI:
//! `../shared/data/blogs`). Every blog opens, every post and draft renders without error, and
//! `check` reports no error (those blogs build with Jekyll, so an error would be ours).

use std::path::PathBuf;

use lanyard::check::{check, Severity};
use lanyard::site::Workspace;

fn corpus_blogs() -> Option<Vec<PathBuf>> {
    let root = PathBuf::from(std::env::var_os("LANYARD_CORPUS")?);
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
        eprintln!("LANYARD_CORPUS not set: corpus test skipped");
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
