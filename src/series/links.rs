//! Every `{% post_url %}` of the blog that names a given post, rewritten to its new name.
//! The blog's text files are searched (posts, drafts, pages, layouts, includes), not only
//! posts: Jekyll runs Liquid in all of them.

use std::path::{Path, PathBuf};

use crate::check::find_post_url_spans;
use crate::site::gate::{EntryKind, Gate, Walk};
use crate::site::Workspace;

/// Extensions of files where Jekyll runs Liquid and a `post_url` may sit.
const TEXT_EXTENSIONS: [&str; 11] = [
    "md", "markdown", "mkd", "mkdn", "mdown", "html", "htm", "xml", "liquid", "txt", "json",
];

/// Folders never searched: output, caches, dependencies, version control.
const SKIPPED_DIRS: [&str; 4] = ["_site", "node_modules", "vendor", ".jekyll-cache"];

/// Files larger than this are not searched (they are not hand-written pages).
const MAX_FILE_LEN: u64 = 8 * 1024 * 1024;

/// The blog's text files, sorted; hidden folders, links (a rewrite must not write through
/// one), and the output, cache and dependency folders are left out. The walk is the gate's;
/// unreadable folders are skipped.
pub fn blog_text_files(gate: &Gate) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut walk = Walk::new(gate);
    let mut stack = vec![gate.site_root().to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(Some(entries)) = walk.list(&dir) else {
            continue;
        };
        for entry in entries.into_iter().filter(|e| !e.is_link) {
            match entry.kind {
                EntryKind::Dir
                    if !entry.name.starts_with('.')
                        && !SKIPPED_DIRS.contains(&entry.name.as_str()) =>
                {
                    stack.push(entry.path);
                }
                EntryKind::File
                    if has_text_extension(&entry.name)
                        && std::fs::metadata(&entry.path)
                            .is_ok_and(|m| m.len() <= MAX_FILE_LEN) =>
                {
                    files.push(entry.path);
                }
                _ => {}
            }
        }
    }
    files.sort();
    files
}

fn has_text_extension(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| TEXT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// `text` with every `post_url` that the workspace resolves to the post at `target`
/// renamed to `new_name` (a [`super::model::post_url_name`]). A folder form stays a folder
/// form (`sub/2023-04-20-x` → `sub/2023-04-22-x`); a bare name stays bare.
pub fn rewrite_post_urls(
    workspace: &Workspace,
    text: &str,
    target: &Path,
    new_name: &str,
) -> String {
    let new_base = new_name.rsplit('/').next().unwrap_or(new_name);
    let mut out = text.to_string();
    for span in find_post_url_spans(text).into_iter().rev() {
        let arg = &text[span.name.clone()];
        let points_here = workspace
            .find_post_url_target(arg)
            .is_some_and(|p| p.path == target);
        if !points_here {
            continue;
        }
        let replacement = match arg.rsplit_once('/') {
            Some((folder, _)) => format!("{folder}/{new_base}"),
            None => new_base.to_string(),
        };
        out.replace_range(span.name, &replacement);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn rewrites_folder_and_bare_forms_that_resolve_to_the_post() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("_posts/sub")).expect("mkdir");
        fs::write(root.join("_config.yml"), "title: t\n").expect("config");
        let target = root.join("_posts/sub/2024-01-02-a.md");
        fs::write(&target, "---\ntitle: A\n---\n").expect("post");
        fs::write(root.join("_posts/2024-01-03-b.md"), "---\n---\n").expect("post");
        let ws = Workspace::open(root).expect("open");
        let target = ws.root().join("_posts/sub/2024-01-02-a.md");
        let text = "{% post_url sub/2024-01-02-a %} {%post_url 2024-01-02-a%} \
                    {% post_url 2024-01-03-b %} {% raw %}{% post_url sub/2024-01-02-a %}{% endraw %}";
        let out = rewrite_post_urls(&ws, text, &target, "sub/2024-01-05-a");
        assert_eq!(
            out,
            "{% post_url sub/2024-01-05-a %} {%post_url 2024-01-05-a%} \
             {% post_url 2024-01-03-b %} {% raw %}{% post_url sub/2024-01-02-a %}{% endraw %}"
        );
        let files = blog_text_files(ws.gate());
        assert_eq!(files.len(), 2, "{files:?}");
    }
}
