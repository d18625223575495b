//! The window never leaves the app: whatever a post's HTML holds (a link clicked past the
//! preview's own handler, `target=_blank`, a `<meta http-equiv=refresh>` that slipped through,
//! `window.open`), the webview only ever shows the app's own pages. Other URLs are refused and
//! never opened (the status bar names a clicked link instead).

use tauri::webview::{NewWindowFeatures, NewWindowResponse};
use tauri::{Runtime, Url};

/// Whether `url` is one of the app's own pages: `tauri://localhost` (Linux, macOS) or
/// `http(s)://tauri.localhost` (Windows), where Tauri serves the built UI.
pub fn is_app_url(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// The window's navigation handler: only the app's own pages load.
pub fn allow_navigation(url: &Url) -> bool {
    let allowed = is_app_url(url);
    if !allowed {
        eprintln!("lanyard: refused to navigate the window to {url}");
    }
    allowed
}

/// The window's new-window handler (`target=_blank`, `window.open`): always refused.
pub fn refuse_new_window<R: Runtime>(
    url: Url,
    _features: NewWindowFeatures,
) -> NewWindowResponse<R> {
    eprintln!("lanyard: refused to open a new window for {url}");
    NewWindowResponse::Deny
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).expect("url")
    }

    #[test]
    fn the_apps_own_pages_load() {
        assert!(is_app_url(&url("tauri://localhost/")));
        assert!(is_app_url(&url("tauri://localhost/index.html#x")));
        assert!(is_app_url(&url("http://tauri.localhost/")));
    }

    #[test]
    fn anything_else_is_refused() {
        for other in [
            "https://example.org/",
            "http://localhost:1420/",
            "tauri://evil.example/",
            "http://tauri.localhost.evil.example/",
            "file:///etc/passwd",
            "lanyard-asset://localhost/assets/x.svg",
            "about:blank",
            "data:text/html,<h1>hi</h1>",
            "javascript:alert(1)",
        ] {
            assert!(!is_app_url(&url(other)), "{other}");
        }
    }
}
