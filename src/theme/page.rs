//! A post's whole page, as Jekyll writes it: the body ([`Workspace::render_text`]) placed in
//! its layout chain (`post` -> `default` -> ...), each layout run by the core's Liquid with
//! `site`, `page`, `layout`, `content` and `jekyll`, includes from the site then the theme.
//!
//! The chain is rendered around a marker standing for the content ([`render_shell`]), so the
//! app renders the layouts once per open and only patches the body while the user types.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::files::ThemeFiles;
use super::paginate::paginator;
use super::plugins::{plugin_tag_html, PluginSite};
use super::site_vars::site_vars;
use super::SiteTheme;
use crate::front_matter::{read_front_matter, split_front_matter, Split};
use crate::render::liquid::{render_template, LiquidProblem};
use crate::render::{PostTarget, ProblemKind, Rendered, SiteContext};
use crate::site::gate::{FileKind, SitePath};
use crate::site::{deep_merge, Workspace};
use crate::{Error, Result};

/// The Jekyll version the `jekyll.version` variable and the SEO generator tag name (Debian 12's).
const JEKYLL_VERSION: &str = "4.3.1";
/// How many layouts a chain may have (a layout naming itself is a loop, not a design).
const MAX_LAYOUTS: usize = 10;
/// Stands for the post's content while the layouts run: private-use characters no template
/// writes, so the page splits around it.
const CONTENT_MARKER: &str = "\u{F8FF}lanyard-content\u{F8FF}";

/// The page around a post's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PageShell {
    /// The page up to the content.
    pub before: String,
    /// The page after the content.
    pub after: String,
    /// The layouts used, innermost first (site-relative or theme paths), for the watcher.
    pub layouts: Vec<PathBuf>,
    /// What could not be run: `file:line: message` each (a plugin tag, a missing layout).
    pub problems: Vec<String>,
}

/// A post's whole page.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ThemePage {
    /// The page's HTML, layouts and body together.
    pub html: String,
    /// The body alone (what the preview patches).
    pub body: Rendered,
    /// The layouts' problems (`file:line: message`).
    pub problems: Vec<String>,
}

/// Renders the whole page of the post at `path` whose text is `text`.
pub fn render_page(
    ws: &Workspace,
    theme: &SiteTheme,
    path: &Path,
    text: &str,
) -> Result<ThemePage> {
    let mut body = ws.render_text(path, text)?;
    let site = site_vars(ws, &theme.files);
    let paginator = paginator(ws, &site, &ws.rel_path(path)).unwrap_or(Value::Null);
    let mut problems = Vec::new();
    if !is_markdown(path) && ws.post_for_text(path, text).is_none() {
        // An HTML page (an index listing posts): Jekyll runs its Liquid with the whole `site`
        // and the `paginator`, and converts nothing.
        let (html, found) = render_html_page(ws, theme, path, text, &site, &paginator)?;
        body.html = html;
        problems = found;
    }
    let shell = shell_with(ws, theme, path, text, &body.html, site, &paginator)?;
    problems.extend(shell.problems);
    Ok(ThemePage {
        html: format!("{}{}{}", shell.before, body.html, shell.after),
        body,
        problems,
    })
}

/// Whether Jekyll converts the file at `path` from Markdown (by its extension).
fn is_markdown(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some("md" | "markdown" | "mkdown" | "mkdn" | "mkd")
    )
}

/// The body of an HTML page: its Liquid run with `site`, `page` and `paginator`, problems as
/// `file:line: message`. A budget overrun is an error naming the page.
fn render_html_page(
    ws: &Workspace,
    theme: &SiteTheme,
    path: &Path,
    text: &str,
    site: &Value,
    paginator: &Value,
) -> Result<(String, Vec<String>)> {
    let split = split_front_matter(text);
    let page = ws
        .post_for_text(path, text)
        .map(|p| p.page)
        .unwrap_or_else(|| {
            Value::Object(
                read_front_matter(path, text)
                    .map(|f| f.data)
                    .unwrap_or_default(),
            )
        });
    let mut globals = globals(site, &page, &Map::new(), "", paginator);
    globals.remove("layout");
    globals.remove("content");
    let context = ThemeSite {
        ws,
        files: &theme.files,
        site: site.clone(),
        paginator: paginator.clone(),
    };
    let (html, found) = render_template(split.body, globals, &context);
    let problems = template_problems(&split, path, &ws.rel_path(path), found)?;
    Ok((html, problems))
}

/// The Liquid problems of a template (a page or a layout) at `path`, as `shown:line: message`
/// with lines of the whole file; a budget overrun is an error naming the file and line
/// instead: a cut template is no page, so the caller says why and shows the reading view.
fn template_problems(
    split: &Split<'_>,
    path: &Path,
    shown: &str,
    found: Vec<LiquidProblem>,
) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for p in found {
        let line = split.body_line
            + split.body[..p.offset.min(split.body.len())]
                .matches('\n')
                .count();
        if p.kind == ProblemKind::BudgetExceeded {
            return Err(Error::BudgetExceeded {
                path: path.to_path_buf(),
                line,
                message: p.message,
            });
        }
        problems.push(format!("{shown}:{line}: {}", p.message));
    }
    Ok(problems)
}

/// Renders the layout chain of the post at `path` around its content. `body_html` is the
/// rendered body, used for `page.excerpt` (Jekyll's excerpt is the first block).
pub fn render_shell(
    ws: &Workspace,
    theme: &SiteTheme,
    path: &Path,
    text: &str,
    body_html: &str,
) -> Result<PageShell> {
    let site = site_vars(ws, &theme.files);
    let paginator = paginator(ws, &site, &ws.rel_path(path)).unwrap_or(Value::Null);
    shell_with(ws, theme, path, text, body_html, site, &paginator)
}

/// [`render_shell`] with the `site` and `paginator` variables already built.
fn shell_with(
    ws: &Workspace,
    theme: &SiteTheme,
    path: &Path,
    text: &str,
    body_html: &str,
    site: Value,
    paginator: &Value,
) -> Result<PageShell> {
    let fm = read_front_matter(path, text)?;
    let mut page = ws
        .post_for_text(path, text)
        .map(|p| p.page)
        .unwrap_or_else(|| Value::Object(fm.data.clone()));
    let excerpt = body_html.split("\n\n").next().unwrap_or("").to_string();
    if let Value::Object(p) = &mut page {
        p.insert("content".into(), Value::String(body_html.to_string()));
        p.entry("excerpt").or_insert(Value::String(excerpt));
    }
    let site = ThemeSite {
        ws,
        files: &theme.files,
        site,
        paginator: paginator.clone(),
    };
    let mut shell = PageShell::default();
    let mut content = CONTENT_MARKER.to_string();
    let mut layout_vars = Map::new();
    let mut next = layout_name(&page);
    while let Some(name) = next.take() {
        if shell.layouts.len() >= MAX_LAYOUTS {
            shell.problems.push(format!(
                "{}: more than {MAX_LAYOUTS} nested layouts (a loop?); stopped",
                ws.rel_path(path)
            ));
            break;
        }
        let Some(file) = find_layout(ws, &theme.files, &name) else {
            shell.problems.push(format!(
                "{}: layout `{name}` does not exist (Jekyll builds the page without it)",
                ws.rel_path(path)
            ));
            break;
        };
        let source = theme.files.gate().read_text(&file, FileKind::Layout)?;
        let split = split_front_matter(&source);
        let own = read_front_matter(&file, &source)?.data;
        let mut merged = own.clone();
        deep_merge(&mut merged, &layout_vars);
        layout_vars = merged;
        let globals = globals(&site.site, &page, &layout_vars, &content, paginator);
        let (html, problems) = render_template(split.body, globals, &site);
        let shown = shown_path(ws, &theme.files, &file);
        let found = template_problems(&split, &file, &shown, problems)?;
        shell.problems.extend(found);
        content = html;
        shell.layouts.push(file);
        next = own
            .get("layout")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    match content.split_once(CONTENT_MARKER) {
        Some((before, after)) => {
            shell.before = before.to_string();
            shell.after = after.replace(CONTENT_MARKER, body_html);
        }
        // A layout that drops `{{ content }}` (or filters it): the page as the layouts wrote it.
        None => shell.before = content,
    }
    Ok(shell)
}

/// The `layout:` a page asks for (`none`/`null`/empty: no layout).
fn layout_name(page: &Value) -> Option<String> {
    page.get("layout")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "none" && *l != "null")
        .map(str::to_string)
}

/// `_layouts/<name>.html` (or another extension) in the site, else in the theme.
fn find_layout(ws: &Workspace, files: &ThemeFiles, name: &str) -> Option<PathBuf> {
    let setting = ws
        .config()
        .values
        .get("layouts_dir")
        .and_then(Value::as_str)
        .unwrap_or("_layouts");
    // A `layouts_dir` outside the site is refused (Jekyll's safe mode); the theme's still count.
    let site_dir = files
        .gate()
        .setting_dir(ws.config().file.as_deref(), "layouts_dir", setting)
        .ok();
    let theme_dir = files.theme_root().map(|t| t.join("_layouts"));
    for base in site_dir.into_iter().chain(theme_dir) {
        for ext in ["html", "htm", "xml", "md", "liquid"] {
            let rel = format!("{name}.{ext}");
            let rel = super::files::clean_relative(&rel)?;
            let candidate = base.join(rel);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// A layout's path as the user knows it: site-relative, or `<theme>/...` for the theme's.
fn shown_path(ws: &Workspace, files: &ThemeFiles, file: &Path) -> String {
    if let Some(theme) = files.theme_root() {
        if let Ok(rel) = file.strip_prefix(theme) {
            let gem = theme
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            return format!("{gem}/{}", rel.display());
        }
    }
    ws.rel_path(file)
}

/// The top-level variables of a layout.
fn globals(
    site: &Value,
    page: &Value,
    layout: &Map<String, Value>,
    content: &str,
    paginator: &Value,
) -> Map<String, Value> {
    let mut g = Map::new();
    g.insert("site".into(), site.clone());
    g.insert("page".into(), page.clone());
    g.insert("layout".into(), Value::Object(layout.clone()));
    g.insert("content".into(), Value::String(content.to_string()));
    let env = std::env::var("JEKYLL_ENV").unwrap_or_else(|_| "development".into());
    g.insert(
        "jekyll".into(),
        serde_json::json!({"version": JEKYLL_VERSION, "environment": env}),
    );
    g.insert("paginator".into(), paginator.clone());
    g
}

/// The blog as its layouts see it: includes from the site then the theme, the full `site`
/// variables, and the plugin tags' stand-ins.
struct ThemeSite<'a> {
    ws: &'a Workspace,
    files: &'a ThemeFiles,
    site: Value,
    /// The page's `paginator` (for `{% seo %}`'s prev/next links).
    paginator: Value,
}

impl SiteContext for ThemeSite<'_> {
    fn resolve_post_url(&self, name: &str) -> Option<PostTarget> {
        self.ws.resolve_post_url(name)
    }

    fn check_site_file(&self, path: &SitePath) -> Result<()> {
        self.ws.check_site_file(path)
    }

    fn include(&self, name: &str) -> Result<String> {
        let setting = self
            .ws
            .config()
            .values
            .get("includes_dir")
            .and_then(Value::as_str)
            .unwrap_or("_includes");
        let gate = self.files.gate();
        let dir = gate.setting_dir(self.ws.config().file.as_deref(), "includes_dir", setting)?;
        let name = name.trim();
        let site_copy = gate.read_named(&dir, name, FileKind::Include);
        match (site_copy, self.files.theme_root()) {
            // The site's copy overrides the theme's; a missing one falls back to the theme.
            (Err(e), Some(theme)) if e.error_kind() == crate::ErrorKind::NotFound => gate
                .read_named(&theme.join("_includes"), name, FileKind::Include)
                .map_err(|_| e),
            (result, _) => result,
        }
    }

    fn site_vars(&self) -> Value {
        self.site.clone()
    }

    fn baseurl(&self) -> String {
        self.ws.baseurl()
    }

    fn plugin_tag(&self, name: &str, args: &str, page: &Value) -> Option<String> {
        let ps = PluginSite {
            site: &self.site,
            jekyll_version: JEKYLL_VERSION,
            paginator: &self.paginator,
        };
        plugin_tag_html(name, args, page, &ps)
    }
}

#[cfg(test)]
mod tests;
