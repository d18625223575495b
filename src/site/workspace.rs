//! The workspace: a Jekyll site opened read-only, its config, posts, drafts and ignored files,
//! and rendering one of its posts. Opening never writes anything, anywhere.

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::config::{SiteConfig, CONFIG_FILE_NAMES};
use super::defaults::FrontMatterDefaults;
use super::gate::{FileKind, Gate};
use super::post::{build_post, FrontMatterProblem, Post, PostContext};
use super::post_name::parse_post_name;
use super::scan::{scan_site, FoundFile, IgnoredFile, PostKind};
use crate::front_matter::{parse_post_date, read_front_matter, FrontMatter};
use crate::preview::{PreviewDocument, PreviewPatch};
use crate::render::{render_source, RenderOptions, Rendered};
use crate::{Error, Result};

/// An opened Jekyll site.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub(super) root: PathBuf,
    /// Every read of the blog's files goes through it.
    pub(super) gate: Gate,
    pub(super) config: SiteConfig,
    pub(super) defaults: FrontMatterDefaults,
    pub(super) tz: TimeZone,
    pub(super) now: Timestamp,
    /// Posts then drafts, each sorted by date then path (Jekyll's order).
    pub(super) posts: Vec<Post>,
    pub(super) ignored: Vec<IgnoredFile>,
}

impl Workspace {
    /// Opens the site at `dir` (which must hold `_config.*`, `_posts/` or `_drafts/`), with
    /// "now" as the current time.
    pub fn open(dir: impl AsRef<Path>) -> Result<Workspace> {
        Workspace::open_at(dir, Timestamp::now())
    }

    /// Opens the site at `dir`, deciding what is in the future against `now`.
    pub fn open_at(dir: impl AsRef<Path>, now: Timestamp) -> Result<Workspace> {
        let root = dir.as_ref();
        let meta = std::fs::metadata(root).map_err(|e| Error::io(root, e))?;
        if !meta.is_dir() || !is_site_root(root) {
            return Err(Error::NotASite {
                path: root.to_path_buf(),
            });
        }
        let gate = Gate::new(root)?;
        let root = gate.site_root().to_path_buf();
        let config = SiteConfig::load_through(&gate)?;
        let defaults = FrontMatterDefaults::from_config(&config.values);
        let tz = config.time_zone();
        let scan = scan_site(&gate, &config)?;
        let mut ws = Workspace {
            root,
            gate,
            config,
            defaults,
            tz,
            now,
            posts: Vec::new(),
            ignored: scan.ignored,
        };
        for file in &scan.files {
            ws.index_file(file);
        }
        ws.posts.sort_by(|a, b| {
            (a.kind == PostKind::Draft, a.timestamp, &a.rel_path).cmp(&(
                b.kind == PostKind::Draft,
                b.timestamp,
                &b.rel_path,
            ))
        });
        Ok(ws)
    }

    fn context(&self) -> PostContext<'_> {
        PostContext {
            config: &self.config,
            defaults: &self.defaults,
            tz: &self.tz,
            now: self.now,
        }
    }

    fn index_file(&mut self, file: &FoundFile) {
        let file_name = file
            .rel_path
            .rsplit('/')
            .next()
            .unwrap_or(&file.rel_path)
            .to_string();
        // Like Jekyll, any extension makes a post (`.html` ones are built as they are);
        // binary files are skipped below, as Jekyll skips invalid encodings.
        let mut bad_name_date = None;
        if file.kind == PostKind::Post {
            match parse_post_name(&file_name) {
                None => {
                    let reason = "is not named YYYY-MM-DD-slug.ext, so Jekyll skips it";
                    return self.ignore(file, reason.into(), false);
                }
                Some(n) if n.date.is_none() => bad_name_date = Some(n.date_text),
                Some(_) => {}
            }
        }
        let text = match self.gate.read_text(&file.path, FileKind::Post) {
            Ok(t) => t,
            Err(e) => {
                let reason = format!("cannot be read ({})", error_detail(&e));
                return self.ignore(file, reason, false);
            }
        };
        let fm = read_front_matter(&file.path, &text).map_err(|e| match e {
            Error::FrontMatter { line, message, .. }
            | Error::BudgetExceeded { line, message, .. } => FrontMatterProblem { line, message },
            other => FrontMatterProblem {
                line: 1,
                message: other.to_string(),
            },
        });
        if let Some(date_text) = bad_name_date {
            // Jekyll takes the file name's date only without a `date:`, and stops the build
            // when it cannot read it (`InvalidDateError`).
            let has_date = fm.as_ref().is_ok_and(|fm| {
                fm.data
                    .get("date")
                    .and_then(|d| d.as_str())
                    .and_then(parse_post_date)
                    .is_some()
            });
            if !has_date {
                let reason = format!(
                    "has an impossible date `{date_text}` in its name; Jekyll fails the build"
                );
                return self.ignore(file, reason, true);
            }
        }
        let mtime = modified_time(&file.path);
        match build_post(&self.context(), file, fm, mtime) {
            Some(post) => self.posts.push(post),
            None => self.ignore(file, "has no extension, so Jekyll skips it".into(), false),
        }
    }

    fn ignore(&mut self, file: &FoundFile, reason: String, breaks_build: bool) {
        self.ignored.push(IgnoredFile {
            path: file.path.clone(),
            rel_path: file.rel_path.clone(),
            reason,
            breaks_build,
        });
    }

    /// The site's root folder (absolute).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The gate every read of the blog goes through (the site root; a theme folder may be
    /// added with [`Gate::with_theme_root`]).
    pub fn gate(&self) -> &Gate {
        &self.gate
    }

    /// Reads a post or draft of the blog (or a file about to become one) through the gate.
    pub fn read_post_text(&self, path: &Path) -> Result<String> {
        self.gate.read_text(path, FileKind::Post)
    }

    /// The site configuration.
    pub fn config(&self) -> &SiteConfig {
        &self.config
    }

    /// Every post and draft: posts first, each sorted by date then path.
    pub fn posts(&self) -> &[Post] {
        &self.posts
    }

    /// This workspace as it will be once a plan is applied: the same site with `posts` as
    /// its posts and drafts (post_url targets and series are resolved against them).
    pub fn with_posts(&self, posts: Vec<Post>) -> Workspace {
        Workspace {
            posts,
            ..self.clone()
        }
    }

    /// The front matter key this blog writes a post's language under (`lang`, `language` or
    /// `locale`, learned from its posts, then its config; see [`super::blog_language_key`]).
    pub fn language_key(&self) -> &'static str {
        super::blog_language_key(
            self.posts.iter().filter_map(|p| p.front_matter.as_object()),
            &self.config.values,
        )
    }

    /// Files in `_posts/`/`_drafts/` that Jekyll would skip, with the reason.
    pub fn ignored(&self) -> &[IgnoredFile] {
        &self.ignored
    }

    /// The "now" published/future decisions were made against.
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// The entry of the file at `path` (absolute, or relative to the current directory).
    pub fn post_at(&self, path: &Path) -> Option<&Post> {
        let abs = normalize_path(path);
        self.posts.iter().find(|p| p.path == abs)
    }

    /// `path` relative to the site root, `/`-separated (the path itself when outside).
    pub fn rel_path(&self, path: &Path) -> String {
        let abs = normalize_path(path);
        abs.strip_prefix(&self.root)
            .unwrap_or(&abs)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// Reads and renders the post at `path` (body only, as Jekyll's kramdown would).
    /// A binary file, malformed front matter or a file the gate refuses (a link out of the
    /// site, a FIFO, over the size cap) is an error naming the file.
    pub fn render_file(&self, path: &Path) -> Result<Rendered> {
        let text = self.gate.read_text(path, FileKind::Post)?;
        self.render_text(path, &text)
    }

    /// Renders `text` as the content of the post at `path` (an editor buffer, unsaved).
    pub fn render_text(&self, path: &Path, text: &str) -> Result<Rendered> {
        self.render_text_with(path, text, &RenderOptions::default())
    }

    /// [`Workspace::render_text`] with explicit options (source lines for the preview).
    pub fn render_text_with(
        &self,
        path: &Path,
        text: &str,
        options: &RenderOptions,
    ) -> Result<Rendered> {
        let fm = read_front_matter(path, text)?;
        let page = self.page_for(path, fm);
        Ok(render_source(text, &page, self, options))
    }

    /// Renders the preview document of the post at `path` and returns what changed since
    /// render `shown` (see [`PreviewDocument::render`]). Malformed front matter is an error
    /// naming the file, as for [`Workspace::render_text_with`].
    pub fn render_preview(
        &self,
        path: &Path,
        doc: &mut PreviewDocument,
        options: &RenderOptions,
        shown: Option<u64>,
    ) -> Result<PreviewPatch> {
        let fm = read_front_matter(path, doc.text())?;
        let page = self.page_for(path, fm);
        Ok(doc.render(&page, self, options, self.stamp(), shown))
    }

    /// Changes whenever another workspace (the site reopened or reindexed) renders: what a
    /// preview cached with this one is then stale.
    fn stamp(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        (std::ptr::from_ref(self) as usize).hash(&mut hasher);
        self.now.as_nanosecond().hash(&mut hasher);
        hasher.finish()
    }

    /// The `page` variables for `path` with the given front matter: built as the workspace
    /// builds its posts (so URL and date are right), even for a file outside `_posts/`.
    fn page_for(&self, path: &Path, fm: FrontMatter) -> serde_json::Value {
        let found = self.found_file(path);
        let data = serde_json::Value::Object(fm.data.clone());
        match build_post(&self.context(), &found, Ok(fm), modified_time(path)) {
            Some(post) => post.page,
            None => data,
        }
    }

    /// The entry the file at `path` would have with `text` as its content: a post about to
    /// be created, moved or re-dated. `None` when Jekyll would not read it as a post.
    pub fn post_for_text(&self, path: &Path, text: &str) -> Option<Post> {
        let found = self.found_file(path);
        let fm = read_front_matter(path, text).map_err(|e| FrontMatterProblem {
            line: 1,
            message: e.to_string(),
        });
        build_post(&self.context(), &found, fm, modified_time(path))
    }

    /// `path` as the scan would have found it (kind and folder categories from its place).
    fn found_file(&self, path: &Path) -> FoundFile {
        let rel_path = self.rel_path(path);
        let kind = if rel_path.split('/').any(|s| s == "_drafts") {
            PostKind::Draft
        } else {
            PostKind::Post
        };
        let dir_categories = match rel_path
            .split_once("_posts/")
            .or_else(|| rel_path.split_once("_drafts/"))
        {
            Some((above, _)) => {
                let above = above
                    .strip_prefix(self.config.collections_dir.as_str())
                    .unwrap_or(above);
                above
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            None => Vec::new(),
        };
        FoundFile {
            path: path.to_path_buf(),
            rel_path,
            kind,
            dir_categories,
        }
    }
}

/// Whether `dir` looks like a Jekyll site root: a config file, `_posts/` or `_drafts/`.
pub fn is_site_root(dir: &Path) -> bool {
    CONFIG_FILE_NAMES.iter().any(|n| dir.join(n).is_file())
        || dir.join("_posts").is_dir()
        || dir.join("_drafts").is_dir()
}

/// The site root holding `path`: the nearest folder at or above it with `_config.*`, else
/// the nearest with `_posts/` (a `blog/_posts/` folder belongs to the site above `blog/`).
pub fn find_site_root(path: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(path).ok()?;
    let start = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent()?
    };
    let has_config = |d: &Path| CONFIG_FILE_NAMES.iter().any(|n| d.join(n).is_file());
    let is_magic = |d: &Path| {
        d.file_name()
            .is_some_and(|n| n == "_posts" || n == "_drafts")
    };
    start
        .ancestors()
        .find(|d| has_config(d))
        .or_else(|| {
            start
                .ancestors()
                .find(|d| !is_magic(d) && d.join("_posts").is_dir())
        })
        .map(Path::to_path_buf)
}

/// `path` absolute with symlinks resolved, as the workspace root is, so that paths given by a
/// user compare with the indexed ones; a file not yet on disk is resolved through its folder.
fn normalize_path(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (
        abs.parent().and_then(|p| p.canonicalize().ok()),
        abs.file_name(),
    ) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => abs,
    }
}

fn modified_time(path: &Path) -> Option<Timestamp> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    Timestamp::try_from(modified).ok()
}

fn error_detail(e: &Error) -> String {
    match e {
        Error::Io { source, .. } => source.to_string(),
        Error::Invalid { message, .. } | Error::NotText { message, .. } => message.clone(),
        other => other.to_string(),
    }
}
