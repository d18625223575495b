//! Renders one post with a minimal on-disk [`SiteContext`], for trying the renderer before the
//! `lanyard render` CLI (which uses the real workspace) is available:
//! `cargo run --example render_post -- POST --workspace DIR`.
//! Post URLs follow `/:categories/:year/:month/:day/:title.html` or a `permalink:` template
//! read naively from `_config.yml`; the real workspace does this properly.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lanyard::render::{render_source, PostTarget, RenderOptions, SiteContext};

/// A blog read just enough to render.
struct DiskSite {
    root: PathBuf,
    posts: HashMap<String, String>,
    baseurl: String,
}

impl SiteContext for DiskSite {
    fn resolve_post_url(&self, name: &str) -> Option<PostTarget> {
        let key = name.rsplit('/').next().unwrap_or(name);
        let url = self.posts.get(key)?;
        Some(PostTarget {
            url: url.clone(),
            path: self.root.join(name),
            published: true,
            future: false,
        })
    }
    fn site_file_exists(&self, url_path: &str) -> bool {
        self.root.join(url_path.trim_start_matches('/')).is_file()
    }
    fn include(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.root.join("_includes").join(name)).ok()
    }
    fn site_vars(&self) -> serde_json::Value {
        serde_json::json!({ "baseurl": self.baseurl })
    }
    fn baseurl(&self) -> String {
        self.baseurl.clone()
    }
}

/// A top-level `key: value` of the config, naively.
fn config_value(config: &str, key: &str) -> Option<String> {
    config.lines().find_map(|l| {
        let v = l.strip_prefix(key)?.strip_prefix(':')?;
        let v = v
            .split(" #")
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches(|c| c == '"' || c == '\'');
        Some(v.to_string())
    })
}

/// Every post under `dir`, by file stem, with its URL.
fn collect_posts(dir: &Path, permalink: &str, baseurl: &str, out: &mut HashMap<String, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_posts(&path, permalink, baseurl, out);
            continue;
        }
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let parts: Vec<&str> = stem.splitn(4, '-').collect();
        if parts.len() < 4 {
            continue;
        }
        let url = permalink
            .replace(":categories/", "")
            .replace(":year", parts[0])
            .replace(":month", &format!("{:0>2}", parts[1]))
            .replace(":day", &format!("{:0>2}", parts[2]))
            .replace(":title", parts[3])
            .replace(":output_ext", ".html");
        out.insert(stem.to_string(), format!("{baseurl}{url}"));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(post) = args.first() else {
        eprintln!("usage: render_post POST [--workspace DIR]");
        std::process::exit(2);
    };
    let root = match args.iter().position(|a| a == "--workspace") {
        Some(i) => PathBuf::from(&args[i + 1]),
        None => PathBuf::from("."),
    };
    let config = ["_config.yml", "_config.yaml"]
        .iter()
        .find_map(|n| std::fs::read_to_string(root.join(n)).ok())
        .unwrap_or_default();
    let baseurl = config_value(&config, "baseurl")
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_string();
    let permalink = match config_value(&config, "permalink").as_deref() {
        None | Some("") | Some("date") => {
            "/:categories/:year/:month/:day/:title:output_ext".to_string()
        }
        Some("pretty") => "/:categories/:year/:month/:day/:title/".to_string(),
        Some(p) => format!("/{}", p.trim_start_matches('/')),
    };
    let mut posts = HashMap::new();
    collect_posts(&root.join("_posts"), &permalink, &baseurl, &mut posts);
    let site = DiskSite {
        root,
        posts,
        baseurl,
    };
    let source = match std::fs::read_to_string(post) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{post}: {e}");
            std::process::exit(2);
        }
    };
    let rendered = render_source(
        &source,
        &serde_json::json!({}),
        &site,
        &RenderOptions::default(),
    );
    print!("{}", rendered.html);
    for p in rendered.problems {
        eprintln!("{post}:{}: {}", p.line, p.message);
    }
}
