//! The CSS Jekyll writes for a Sass page (`assets/css/style.scss` with front matter): Liquid
//! first, then Sass with jekyll-sass-converter 2's settings (`sass.sass_dir`, default `_sass`;
//! `sass.style`, default `expanded`; `sass.load_paths`; the theme's `_sass`), compiled with
//! grass (it follows dart-sass). The page may come from the theme (minima's
//! `assets/main.scss`): it is looked up in the site, then the theme, as Jekyll does. Every
//! file grass opens goes through [`ThemeFiles`]; results are cached per page until one of
//! the files it read changes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::{Map, Value};

use super::files::{clean_relative, ThemeFiles};
use super::SiteTheme;
use crate::front_matter::split_front_matter;
use crate::render::liquid::render_template;
use crate::site::gate::FileKind;
use crate::site::Workspace;
use crate::{Error, Result};

/// How many files one stylesheet may pull in (Bootstrap 4 is about 60).
const MAX_SASS_FILES: usize = 500;

/// Compiled stylesheets, reused while none of the files they read has changed.
#[derive(Debug, Default)]
pub struct SassCache {
    entries: HashMap<PathBuf, CacheEntry>,
}

#[derive(Debug)]
struct CacheEntry {
    inputs: Vec<(PathBuf, Option<(SystemTime, u64)>)>,
    css: String,
}

/// A file's modification time and size, the cache's change test.
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Finds the Sass page `rel` (site-relative; `x.css` names the `x.scss`/`x.sass` page that
/// writes it) in the site, else the theme. `None` when neither has it.
pub fn find_sass_page(theme: &SiteTheme, rel: &str) -> Option<PathBuf> {
    let rel = rel.trim_start_matches('/');
    let candidates: Vec<String> = match rel.strip_suffix(".css") {
        Some(stem) => vec![format!("{stem}.scss"), format!("{stem}.sass")],
        None => vec![rel.to_string()],
    };
    candidates.iter().find_map(|c| theme.files.find(c))
}

/// Compiles the Sass page `rel` of `ws` (see [`find_sass_page`]) to the CSS Jekyll writes.
pub fn compile_sass_page(
    ws: &Workspace,
    theme: &SiteTheme,
    rel: &str,
    cache: Option<&mut SassCache>,
) -> Result<String> {
    let page = find_sass_page(theme, rel).ok_or_else(|| {
        Error::io(
            ws.root().join(rel.trim_start_matches('/')),
            std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no such Sass page in the site or its theme",
            ),
        )
    })?;
    if let Some(entry) = cache.as_ref().and_then(|c| c.entries.get(&page)) {
        if entry.inputs.iter().all(|(p, s)| stamp(p) == *s) {
            return Ok(entry.css.clone());
        }
    }
    let fs = GateFs {
        files: &theme.files,
        read: RefCell::new(vec![page.clone()]),
    };
    let css = compile(ws, theme, &page, &fs)?;
    if let Some(cache) = cache {
        let inputs = fs.read.into_inner().into_iter().map(|p| {
            let s = stamp(&p);
            (p, s)
        });
        cache.entries.insert(
            page,
            CacheEntry {
                inputs: inputs.collect(),
                css: css.clone(),
            },
        );
    }
    Ok(css)
}

/// Liquid, then grass, on the page at `page`.
fn compile(ws: &Workspace, theme: &SiteTheme, page: &Path, fs: &GateFs<'_>) -> Result<String> {
    let source = theme.files.gate().read_text(page, FileKind::Asset)?;
    let split = split_front_matter(&source);
    if split.yaml.is_none() {
        return Err(Error::Invalid {
            path: page.to_path_buf(),
            message: "has no front matter, so Jekyll copies it as is instead of compiling it"
                .into(),
        });
    }
    let mut globals = Map::new();
    globals.insert("site".into(), Value::Object(ws.config().values.clone()));
    let body = if split.body.contains("{{") || split.body.contains("{%") {
        render_template(split.body, globals, ws).0
    } else {
        split.body.to_string()
    };
    let sass = ws.config().values.get("sass");
    let setting = |key: &str| sass.and_then(|s| s.get(key));
    let sass_dir = setting("sass_dir")
        .and_then(Value::as_str)
        .and_then(clean_relative)
        .map_or_else(|| PathBuf::from("_sass"), Path::to_path_buf);
    let mut load_paths = vec![ws.root().join(sass_dir)];
    for extra in setting("load_paths")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(rel) = extra.as_str().and_then(clean_relative) {
            load_paths.push(ws.root().join(rel));
        }
    }
    if let Some(theme_root) = theme.files.theme_root() {
        load_paths.push(theme_root.join("_sass"));
    }
    let style = match setting("style").and_then(Value::as_str) {
        Some("compressed") | Some(":compressed") => grass::OutputStyle::Compressed,
        _ => grass::OutputStyle::Expanded,
    };
    let syntax = if page.extension().is_some_and(|e| e == "sass") {
        grass::InputSyntax::Sass
    } else {
        grass::InputSyntax::Scss
    };
    let options = grass::Options::default()
        .fs(fs)
        .style(style)
        .quiet(true)
        .input_syntax(syntax)
        .load_paths(&load_paths);
    grass::from_string(body, &options).map_err(|e| Error::Invalid {
        path: page.to_path_buf(),
        message: format!(
            "Sass does not compile: {}",
            e.to_string().replace('\n', " ")
        ),
    })
}

/// grass's file access, through [`ThemeFiles`]: nothing outside the site or the theme, no
/// FIFOs or huge files, at most [`MAX_SASS_FILES`] reads; records what it read for the cache.
#[derive(Debug)]
struct GateFs<'a> {
    files: &'a ThemeFiles,
    read: RefCell<Vec<PathBuf>>,
}

impl grass::Fs for GateFs<'_> {
    fn is_dir(&self, path: &Path) -> bool {
        self.files.allows(path) && path.is_dir()
    }

    fn is_file(&self, path: &Path) -> bool {
        self.files.allows(path) && path.is_file()
    }

    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        if self.read.borrow().len() >= MAX_SASS_FILES {
            return Err(std::io::Error::other(format!(
                "more than {MAX_SASS_FILES} Sass files imported; stopped"
            )));
        }
        self.read.borrow_mut().push(path.to_path_buf());
        self.files
            .gate()
            .read_bytes(path, FileKind::Asset)
            .map_err(|e| std::io::Error::other(e.to_string()))
    }

    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::theme::test_support::site_with;

    #[test]
    fn compiles_a_page_with_partials_from_sass_dir_and_caches_it() {
        let dir = site_with(&[
            ("_config.yml", "title: t\n"),
            ("_sass/_base.scss", "$c: #123456;\nbody { color: $c; }\n"),
            (
                "assets/css/style.scss",
                "---\n---\n@import \"base\";\na { b { c: d } }\n",
            ),
        ]);
        let ws = Workspace::open(dir.path()).expect("open");
        let theme = SiteTheme::for_workspace(&ws).expect("theme");
        let mut cache = SassCache::default();
        let css =
            compile_sass_page(&ws, &theme, "assets/css/style.css", Some(&mut cache)).expect("css");
        assert!(css.contains("body {\n  color: #123456;\n}"), "{css}");
        assert!(css.contains("a b {\n  c: d;\n}"), "{css}");
        std::fs::write(
            dir.path().join("_sass/_base.scss"),
            "body { color: red; }\n",
        )
        .expect("rewrite");
        let css =
            compile_sass_page(&ws, &theme, "assets/css/style.scss", Some(&mut cache)).expect("css");
        assert!(css.contains("color: red"), "{css}");
    }

    #[test]
    fn a_sass_error_names_the_page() {
        let dir = site_with(&[
            ("_config.yml", "title: t\n"),
            ("assets/s.scss", "---\n---\na { color: $nope; }\n"),
        ]);
        let ws = Workspace::open(dir.path()).expect("open");
        let theme = SiteTheme::for_workspace(&ws).expect("theme");
        let err = compile_sass_page(&ws, &theme, "assets/s.scss", None).expect_err("error");
        assert!(err.to_string().contains("s.scss"), "{err}");
        assert!(err.to_string().contains("Undefined variable"), "{err}");
    }
}
