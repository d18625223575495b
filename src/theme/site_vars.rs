//! The `site` variables a theme's layouts read, as Jekyll builds them: the config, then
//! `site.posts` (published, newest first), `site.tags` and `site.categories` (name to posts),
//! `site.pages` (every page with front matter, sorted by name as Jekyll 4's reader does),
//! `site.html_pages`, `site.data` (`_data/*.yml|yaml|json`) and `site.time`.

use std::path::Path;

use serde_json::{Map, Value};

use super::files::ThemeFiles;
use crate::front_matter::{parse_yaml_mapping, read_front_matter};
use crate::site::gate::{EntryKind, FileKind, Walk};
use crate::site::{skips_entry, FrontMatterDefaults, PostKind, Workspace};

/// How many pages and data files a site may have before the walk stops (a blog has dozens).
const MAX_FILES: usize = 5_000;
/// How deep the walk goes (deeper is a link loop, not a blog).
const MAX_DEPTH: usize = 16;
/// The extensions of the files Jekyll renders as pages when they have front matter.
const PAGE_EXTS: &[&str] = &["md", "markdown", "mkdown", "mkdn", "mkd", "html", "htm"];

/// Builds the `site` object for the layouts of `ws`.
pub fn site_vars(ws: &Workspace, files: &ThemeFiles) -> Value {
    let mut site = ws.config().values.clone();
    let mut posts: Vec<Value> = ws
        .posts()
        .iter()
        .filter(|p| p.kind == PostKind::Post && p.published)
        .map(|p| p.page.clone())
        .collect();
    posts.reverse();
    site.insert("tags".into(), index_by(&posts, "tags"));
    site.insert("categories".into(), index_by(&posts, "categories"));
    site.insert("posts".into(), Value::Array(posts));
    let pages = read_pages(ws, files);
    let html_pages = pages
        .iter()
        .filter(|p| {
            p.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| n.ends_with(".html") || n.ends_with(".md"))
        })
        .cloned()
        .collect();
    site.insert("pages".into(), Value::Array(pages));
    site.insert("html_pages".into(), Value::Array(html_pages));
    site.insert("data".into(), Value::Object(read_data(ws, files)));
    let now = ws.now().to_zoned_datetime(ws.config().time_zone());
    site.insert(
        "time".into(),
        Value::from(now.strftime("%Y-%m-%d %H:%M:%S %z").to_string()),
    );
    Value::Object(site)
}

/// `{name: [posts...]}` for a list key of the posts (`tags`, `categories`), in post order.
fn index_by(posts: &[Value], key: &str) -> Value {
    let mut index = Map::new();
    for post in posts {
        for name in post
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(name) = name.as_str() else { continue };
            let entry = index
                .entry(name.to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = entry {
                list.push(post.clone());
            }
        }
    }
    Value::Object(index)
}

/// Every page of the site (a file outside `_` folders with front matter), sorted by name.
fn read_pages(ws: &Workspace, files: &ThemeFiles) -> Vec<Value> {
    let defaults = FrontMatterDefaults::from_config(&ws.config().values);
    let mut found = Vec::new();
    walk(ws, &mut Walk::new(files.gate()), "", 0, &mut found);
    let mut pages: Vec<Value> = found
        .into_iter()
        .filter_map(|rel| {
            let text = files
                .gate()
                .read_text(&ws.root().join(&rel), FileKind::Post)
                .ok()?;
            let fm = read_front_matter(&ws.root().join(&rel), &text).ok()?;
            fm.present.then(|| page_vars(ws, &defaults, &rel, fm.data))
        })
        .collect();
    pages.sort_by(|a, b| name_of(a).cmp(name_of(b)));
    pages
}

fn name_of(page: &Value) -> &str {
    page.get("name").and_then(Value::as_str).unwrap_or("")
}

/// Collects the candidate page files under `rel` (site-relative).
/// The walk is the gate's [`Walk`]: no link out of the site is followed, no folder listed twice.
fn walk(ws: &Workspace, w: &mut Walk<'_>, rel: &str, depth: usize, found: &mut Vec<String>) {
    let Ok(Some(entries)) = w.list(&ws.root().join(rel)) else {
        return;
    };
    for entry in entries {
        let (name, is_dir) = match entry.kind {
            EntryKind::Dir => (entry.name, true),
            EntryKind::File => (entry.name, false),
            _ => continue,
        };
        if found.len() >= MAX_FILES {
            return;
        }
        let child = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        if skips_entry(ws.gate(), ws.config(), &child, &name) {
            continue;
        }
        if is_dir {
            if depth < MAX_DEPTH {
                walk(ws, w, &child, depth + 1, found);
            }
        } else if ext_of(&name).is_some_and(|e| PAGE_EXTS.contains(&e.as_str())) {
            found.push(child);
        }
    }
}

fn ext_of(name: &str) -> Option<String> {
    name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())
}

/// A page's variables: defaults, its front matter, and `url`, `path`, `name`, `dir`.
fn page_vars(
    ws: &Workspace,
    defaults: &FrontMatterDefaults,
    rel: &str,
    own: Map<String, Value>,
) -> Value {
    let mut data = defaults.values_for(rel, "pages");
    crate::site::deep_merge(&mut data, &own);
    let url = page_url(ws, rel, &data);
    let name = rel.rsplit('/').next().unwrap_or(rel).to_string();
    let dir = match rel.rsplit_once('/') {
        Some((d, _)) => format!("/{d}/"),
        None => "/".to_string(),
    };
    data.insert("url".into(), Value::String(url));
    data.insert("path".into(), Value::from(rel));
    data.insert("name".into(), Value::String(name));
    data.insert("dir".into(), Value::String(dir));
    Value::Object(data)
}

/// Jekyll's `Page#url`: the page's `permalink:`, else `/:path/` for an index, else
/// `/:path/:basename` plus `/` (pretty styles) or the output extension.
pub fn page_url(ws: &Workspace, rel: &str, data: &Map<String, Value>) -> String {
    if let Some(p) = data.get("permalink").and_then(Value::as_str) {
        return if p.starts_with('/') {
            p.to_string()
        } else {
            format!("/{p}")
        };
    }
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let dir = if dir.is_empty() {
        "/".to_string()
    } else {
        format!("/{dir}/")
    };
    let (base, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let output_ext = if ws.config().is_markdown_ext(ext) {
        ".html".to_string()
    } else {
        format!(".{ext}")
    };
    if base == "index" && output_ext == ".html" {
        return dir;
    }
    let style = ws.config().permalink.as_str();
    if style == "pretty" || style.ends_with('/') {
        format!("{dir}{base}/")
    } else {
        format!("{dir}{base}{output_ext}")
    }
}

/// `site.data`: every `_data/` file (`.yml`, `.yaml`, `.json`), nested by folder.
fn read_data(ws: &Workspace, files: &ThemeFiles) -> Map<String, Value> {
    let setting = ws
        .config()
        .values
        .get("data_dir")
        .and_then(Value::as_str)
        .unwrap_or("_data");
    let mut data = Map::new();
    // A `data_dir` outside the site is refused, as Jekyll's safe mode does: no data then.
    let Ok(dir) = files
        .gate()
        .setting_dir(ws.config().file.as_deref(), "data_dir", setting)
    else {
        return data;
    };
    let mut budget = MAX_FILES;
    let mut walk = Walk::new(files.gate());
    read_data_dir(files, &mut walk, &dir, 0, &mut budget, &mut data);
    data
}

fn read_data_dir(
    files: &ThemeFiles,
    walk: &mut Walk<'_>,
    dir: &Path,
    depth: usize,
    budget: &mut usize,
    into: &mut Map<String, Value>,
) {
    let Ok(Some(entries)) = walk.list(dir) else {
        return;
    };
    for entry in entries {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        let path = entry.path;
        let name = entry.name;
        if name.starts_with('.') {
            continue;
        }
        let is_dir = match entry.kind {
            EntryKind::Dir => true,
            EntryKind::File => false,
            _ => continue,
        };
        if is_dir {
            if depth < MAX_DEPTH {
                let mut sub = Map::new();
                read_data_dir(files, walk, &path, depth + 1, budget, &mut sub);
                into.insert(name, Value::Object(sub));
            }
            continue;
        }
        let Some((stem, ext)) = name.rsplit_once('.') else {
            continue;
        };
        let Ok(text) = files.gate().read_text(&path, FileKind::Data) else {
            continue;
        };
        let value = match ext.to_ascii_lowercase().as_str() {
            "json" => serde_json::from_str(&text).ok(),
            "yml" | "yaml" => parse_yaml_value(&text),
            _ => None,
        };
        if let Some(value) = value {
            into.insert(stem.to_string(), value);
        }
    }
}

/// Any YAML document (a mapping or a list) as a value: the core's YAML 1.1 reader takes
/// mappings, so the document is read as the value of one key.
fn parse_yaml_value(text: &str) -> Option<Value> {
    let indented: String = text
        .lines()
        .filter(|l| l.trim() != "---")
        .map(|l| format!("  {l}\n"))
        .collect();
    let mut parsed = parse_yaml_mapping(&format!("v:\n{indented}"), 0).ok()?;
    parsed.data.remove("v")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lists_and_mappings_from_data_files() {
        assert_eq!(
            parse_yaml_value("- name: a\n- name: b\n"),
            Some(serde_json::json!([{"name": "a"}, {"name": "b"}]))
        );
        assert_eq!(
            parse_yaml_value("k: 1\n"),
            Some(serde_json::json!({"k": 1}))
        );
    }

    #[test]
    fn lists_pages_with_urls_posts_and_tags() {
        let dir = tempfile::tempdir().expect("site");
        let root = dir.path();
        std::fs::create_dir_all(root.join("_posts")).expect("mkdir");
        std::fs::write(root.join("_config.yml"), "title: t\n").expect("config");
        std::fs::write(root.join("about.md"), "---\ntitle: About\n---\nhi\n").expect("page");
        std::fs::write(root.join("index.md"), "---\n---\n").expect("index");
        std::fs::write(root.join("notes.txt"), "---\n---\n").expect("txt");
        std::fs::write(root.join("_posts/2024-01-02-a.md"), "---\ntags: [x]\n---\n").expect("post");
        let ws = Workspace::open(root).expect("open");
        let files = ThemeFiles::new(ws.gate().clone(), None).expect("files");
        let site = site_vars(&ws, &files);
        let urls: Vec<&str> = site["pages"]
            .as_array()
            .expect("pages")
            .iter()
            .filter_map(|p| p["url"].as_str())
            .collect();
        assert_eq!(urls, ["/about.html", "/"]);
        assert_eq!(site["tags"]["x"][0]["url"], "/2024/01/02/a.html");
        assert_eq!(site["posts"].as_array().map(Vec::len), Some(1));
    }
}
