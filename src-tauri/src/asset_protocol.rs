//! The `lanyard-asset://` URI scheme: serves the open blog's own files (`/assets/images/...`),
//! then its gem theme's (fonts and images the theme view's stylesheets name), to the preview,
//! and nothing outside them. The core's renderer writes these URLs into the preview HTML
//! (`SitePath::asset_url`); a request is resolved and read by the core's gate, with the theme's
//! folder added as a root (no `..`, no link out of the blog or theme, regular files only, at
//! most the cap of its kind) and served with `nosniff` and a CSP that lets no script of an SVG
//! run.

use std::path::Path;

use lanyard::site::gate::{resolve_url, FileKind, Gate};
use tauri::http::{header, Request, Response, StatusCode};

/// The scheme name, as the CSP's `img-src` allows it.
pub const SCHEME: &str = "lanyard-asset";

/// The policy every served file carries: an SVG opened by itself may style itself, nothing more.
pub const ASSET_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/// The gate the scheme serves a blog through: the blog's, plus its gem theme's folder when it
/// uses one that is installed.
pub fn blog_gate(workspace: &lanyard::site::Workspace) -> Gate {
    let gate = workspace.gate().clone();
    match lanyard::theme::SiteTheme::for_workspace(workspace) {
        Ok(theme) => theme.files.gate().clone(),
        Err(_) => gate,
    }
}

/// Answers one request: the file's bytes (the blog's copy first, then the theme's) with its
/// content type, or an empty error response (404 when it is in neither, 403 when the gate
/// refuses it, 413 over the size cap).
pub fn respond(gate: Option<&Gate>, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    let served = gate.ok_or(StatusCode::NOT_FOUND).and_then(|gate| {
        let path = resolve_url(request.uri().path(), "", "/").ok_or(StatusCode::NOT_FOUND)?;
        let rel = path.to_rel_path();
        let file = gate
            .roots()
            .iter()
            .map(|root| root.join(&rel))
            .find(|f| f.symlink_metadata().is_ok())
            .unwrap_or_else(|| gate.site_file(&path));
        let kind = kind_of(&file);
        let bytes = gate.read_bytes(&file, kind).map_err(|e| {
            let status = status_of(&e);
            if status != StatusCode::NOT_FOUND {
                eprintln!("lanyard: asset refused: {e}");
            }
            status
        })?;
        Ok((content_type(&file), bytes))
    });
    let builder = Response::builder()
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CONTENT_SECURITY_POLICY, ASSET_CSP);
    match served {
        Ok((content_type, bytes)) => builder
            .header(header::CONTENT_TYPE, content_type)
            .header(header::CACHE_CONTROL, "no-cache")
            .body(bytes),
        Err(status) => builder.status(status).body(Vec::new()),
    }
    .unwrap_or_else(|_| Response::new(Vec::new()))
}

/// The HTTP status for a refusal of the gate.
fn status_of(error: &lanyard::Error) -> StatusCode {
    match error.kind() {
        "not_found" => StatusCode::NOT_FOUND,
        "too_large" => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::FORBIDDEN,
    }
}

/// Images get the image cap; any other file of the site the asset cap.
fn kind_of(file: &Path) -> FileKind {
    if content_type(file).starts_with("image/") {
        FileKind::Image
    } else {
        FileKind::Asset
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn blog() -> (tempfile::TempDir, Gate) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("blog/assets/images")).expect("mkdir");
        std::fs::write(dir.path().join("blog/assets/images/a b.jpg"), b"jpeg").expect("write");
        std::fs::write(dir.path().join("secret.txt"), b"secret").expect("write");
        let gate = Gate::new(&dir.path().join("blog")).expect("gate");
        (dir, gate)
    }

    fn get(gate: Option<&Gate>, path: &str) -> Response<Vec<u8>> {
        let request = Request::builder()
            .uri(format!("lanyard-asset://localhost{path}"))
            .body(Vec::new())
            .expect("request");
        respond(gate, &request)
    }

    #[test]
    fn serves_files_of_the_blog_with_escaped_names_nosniff_and_a_csp() {
        let (_dir, gate) = blog();
        let response = get(Some(&gate), "/assets/images/a%20b.jpg");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(
            response.headers()[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff"
        );
        assert_eq!(
            response.headers()[header::CONTENT_SECURITY_POLICY],
            ASSET_CSP
        );
        assert_eq!(response.body(), b"jpeg");
    }

    #[test]
    fn serves_the_themes_files_after_the_blogs_own() {
        let (dir, gate) = blog();
        let theme = dir.path().join("minima-2.5.1");
        std::fs::create_dir_all(theme.join("assets/images")).expect("mkdir");
        std::fs::write(theme.join("assets/images/a b.jpg"), b"theme").expect("write");
        std::fs::write(theme.join("assets/images/logo.png"), b"png").expect("write");
        let gate = gate.with_theme_root(&theme).expect("theme root");
        assert_eq!(get(Some(&gate), "/assets/images/a%20b.jpg").body(), b"jpeg");
        let logo = get(Some(&gate), "/assets/images/logo.png");
        assert_eq!(logo.status(), StatusCode::OK);
        assert_eq!(logo.body(), b"png");
        assert_eq!(
            get(Some(&gate), "/../secret.txt").status(),
            StatusCode::NOT_FOUND
        );
    }

    #[test]
    fn refuses_anything_outside_the_blog() {
        let (_dir, gate) = blog();
        for path in [
            "/../secret.txt",
            "/assets/%2e%2e/%2e%2e/secret.txt",
            "/assets/images/missing.jpg",
        ] {
            assert_eq!(
                get(Some(&gate), path).status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        assert_eq!(
            get(Some(&gate), "/assets/images").status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            get(None, "/assets/images/a%20b.jpg").status(),
            StatusCode::NOT_FOUND
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_symlinks_that_leave_the_blog_and_fifos() {
        let (dir, gate) = blog();
        let root = dir.path().join("blog");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("assets/leak.txt"))
            .expect("symlink");
        let response = get(Some(&gate), "/assets/leak.txt");
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(response.body().is_empty());
        let fifo = root.join("assets/pipe.png");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        assert_eq!(
            get(Some(&gate), "/assets/pipe.png").status(),
            StatusCode::FORBIDDEN
        );
    }
}
