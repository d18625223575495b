//! The `lanyard-asset://` URI scheme: serves the open blog's own files (`/assets/images/...`),
//! then its gem theme's (fonts and images the theme view's stylesheets name), to the preview,
//! and nothing outside them. The UI rewrites site-relative image URLs to
//! `lanyard-asset://localhost/<path>` (WebKitGTK's form of a custom scheme URL).

use std::path::{Component, Path, PathBuf};

use tauri::http::{header, Request, Response, StatusCode};

/// The scheme name, as the CSP's `img-src` allows it.
pub const SCHEME: &str = "lanyard-asset";

/// Maps a request path (`/assets/images/a%20b.jpg`, `baseurl` already stripped by the UI) to a
/// file inside `root`; `None` for anything that would leave the blog (`..`, symlinks out of it)
/// or that does not exist.
pub fn resolve_in_root(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path.trim_start_matches('/'))?;
    let relative = Path::new(&decoded);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let root = root.canonicalize().ok()?;
    let file = root.join(relative).canonicalize().ok()?;
    (file.starts_with(&root) && file.is_file()).then_some(file)
}

/// The folders the scheme serves for a blog: the blog, then its gem theme when it has one.
pub fn blog_roots(workspace: &lanyard::site::Workspace) -> Vec<PathBuf> {
    let mut roots = vec![workspace.root().to_path_buf()];
    if let Ok(theme) = lanyard::theme::SiteTheme::for_workspace(workspace) {
        roots.extend(theme.files.theme_root().map(Path::to_path_buf));
    }
    roots
}

/// Answers one request: the file's bytes (from the first root that has it) with its content
/// type, or 404.
pub fn respond(roots: &[PathBuf], request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    let file = roots
        .iter()
        .find_map(|root| resolve_in_root(root, request.uri().path()));
    match file.and_then(|f| std::fs::read(&f).ok().map(|bytes| (f, bytes))) {
        Some((file, bytes)) => Response::builder()
            .header(header::CONTENT_TYPE, content_type(&file))
            .header(header::CACHE_CONTROL, "no-cache")
            .body(bytes),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Vec::new()),
    }
    .unwrap_or_else(|_| Response::new(Vec::new()))
}

fn content_type(file: &Path) -> &'static str {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "css" => "text/css",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "eot" => "application/vnd.ms-fontobject",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` when the result is not UTF-8 or holds a NUL.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\0')).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blog() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("blog/assets/images")).expect("mkdir");
        std::fs::write(dir.path().join("blog/assets/images/a b.jpg"), b"jpeg").expect("write");
        std::fs::write(dir.path().join("secret.txt"), b"secret").expect("write");
        dir
    }

    #[test]
    fn serves_files_of_the_blog_with_escaped_names() {
        let dir = blog();
        let root = dir.path().join("blog");
        let file = resolve_in_root(&root, "/assets/images/a%20b.jpg").expect("found");
        assert!(file.ends_with("assets/images/a b.jpg"));
        let request = Request::builder()
            .uri("lanyard-asset://localhost/assets/images/a%20b.jpg")
            .body(Vec::new())
            .expect("request");
        let response = respond(&[root], &request);
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(response.body(), b"jpeg");
    }

    #[test]
    fn refuses_anything_outside_the_blog() {
        let dir = blog();
        let root = dir.path().join("blog");
        assert_eq!(resolve_in_root(&root, "/../secret.txt"), None);
        assert_eq!(
            resolve_in_root(&root, "/assets/%2e%2e/%2e%2e/secret.txt"),
            None
        );
        assert_eq!(resolve_in_root(&root, "/assets/images/missing.jpg"), None);
        assert_eq!(resolve_in_root(&root, "/assets/images"), None);
        let request = Request::builder()
            .uri("lanyard-asset://localhost/assets/images/a%20b.jpg")
            .body(Vec::new())
            .expect("request");
        assert_eq!(respond(&[], &request).status(), StatusCode::NOT_FOUND);
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_that_leave_the_blog() {
        let dir = blog();
        let root = dir.path().join("blog");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("assets/leak.txt"))
            .expect("symlink");
        assert_eq!(resolve_in_root(&root, "/assets/leak.txt"), None);
    }
}
