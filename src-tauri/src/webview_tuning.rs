//! WebKitGTK settings for what the window is: one local document, not a browser.
//!
//! Measured one at a time (BENCHMARKS.md, "desktop app"): compositing with OpenGL costs about
//! 100 MiB across the app's WebKit processes, because without a GPU (Xvfb, many laptops'
//! virtual machines) GL is Mesa's software rasterizer; text, images and scrolling draw as well
//! without it. The cache model `DocumentViewer`, no page cache, and WebGL and Web Audio off
//! changed nothing measurable, so wry's defaults stay for those.

use tauri::WebviewWindow;

/// Set to keep WebKit's defaults (to compare memory with and without these settings).
pub const KEEP_DEFAULTS_ENV: &str = "LANYARD_WEBKIT_DEFAULTS";

/// Whether to apply the settings, given the value of [`KEEP_DEFAULTS_ENV`].
pub fn wanted(keep_defaults: Option<&str>) -> bool {
    keep_defaults.is_none_or(str::is_empty)
}

/// Never composites `window`'s webview with OpenGL (unless [`KEEP_DEFAULTS_ENV`] is set).
pub fn apply(window: &WebviewWindow) -> tauri::Result<()> {
    if !wanted(std::env::var(KEEP_DEFAULTS_ENV).ok().as_deref()) {
        return Ok(());
    }
    window.with_webview(|webview| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = webview;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_unless_told_to_keep_the_defaults() {
        assert!(wanted(None));
        assert!(wanted(Some("")));
        assert!(!wanted(Some("1")));
    }
}
