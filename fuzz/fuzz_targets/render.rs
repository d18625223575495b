//! Fuzzes rendering a post (Liquid, then Markdown, then sanitizing) in a small blog with an
//! include: never a panic, never an abort, whatever the text; a render cut by a budget says
//! so with a problem of its own.
//!
//! The input is the post's whole text (front matter included).

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use lanyard::render::ProblemKind;
use lanyard::site::Workspace;
use libfuzzer_sys::fuzz_target;

/// A blog in a temporary folder, opened once: `_config.yml`, one post, two includes (one that
/// includes itself, to reach the nesting budget).
fn blog() -> &'static (tempfile::TempDir, Workspace) {
    static BLOG: OnceLock<(tempfile::TempDir, Workspace)> = OnceLock::new();
    BLOG.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let write = |rel: &str, text: &str| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write("_config.yml", "title: Fuzz\nbaseurl: /b\n");
        write("_posts/2023-04-19-day.md", "---\ntitle: Day\n---\nHello\n");
        write("_includes/note.html", "<aside>{{ include.text }}</aside>\n");
        write("_includes/self.html", "x{% include self.html %}");
        let workspace = Workspace::open(root).expect("opens");
        (dir, workspace)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (dir, workspace) = blog();
    let path: PathBuf = dir.path().join("_posts/2024-01-02-fuzz.md");
    if let Ok(rendered) = workspace.render_text(&path, text) {
        let cut = rendered.budget_exceeded().is_some();
        assert_eq!(
            cut,
            rendered.html.contains("lanyard-budget"),
            "a cut render shows why"
        );
        assert!(rendered
            .problems
            .iter()
            .all(|p| p.kind != ProblemKind::BudgetExceeded || p.line >= 1));
    }
});
