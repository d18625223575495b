//! WebKitGTK settings for what the window is: one local document viewer, not a browser. Wry's
//! defaults are a browser's (a page cache for back and forward, WebGL and Web Audio on, a
//! cache model for many sites); each costs memory the app never uses.

use tauri::WebviewWindow;

/// Which of the settings to apply (all by default; `LANYARD_WEBKIT_TUNING` lists a subset, to
/// measure each one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// Cache model `DocumentViewer`: WebKit keeps almost no memory cache of pages and resources.
    pub document_viewer: bool,
    /// No back/forward page cache: the app never navigates.
    pub no_page_cache: bool,
    /// No WebGL, no Web Audio (the preview plays `<video>`/`<audio>`, which stay).
    pub no_gl_features: bool,
    /// Never composite with OpenGL: under Xvfb or without a GPU, GL is Mesa's software rasterizer.
    pub no_hardware_acceleration: bool,
}

impl Tuning {
    /// Every setting.
    pub const ALL: Tuning = Tuning {
        document_viewer: true,
        no_page_cache: true,
        no_gl_features: true,
        no_hardware_acceleration: true,
    };

    /// The settings named in `list` (comma-separated: `cache`, `pagecache`, `gl`, `accel`;
    /// `none` for none); `None` (unset) means all.
    pub fn from_list(list: Option<&str>) -> Tuning {
        let Some(list) = list else {
            return Tuning::ALL;
        };
        let has = |name: &str| list.split(',').any(|item| item.trim() == name);
        Tuning {
            document_viewer: has("cache"),
            no_page_cache: has("pagecache"),
            no_gl_features: has("gl"),
            no_hardware_acceleration: has("accel"),
        }
    }
}

/// Applies `tuning` to `window`'s webview and its web context.
pub fn apply(window: &WebviewWindow, tuning: Tuning) -> tauri::Result<()> {
    window.with_webview(move |webview| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{
                CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
            };
            let view = webview.inner();
            if tuning.document_viewer {
                if let Some(context) = view.context() {
                    context.set_cache_model(CacheModel::DocumentViewer);
                }
            }
            if let Some(settings) = WebViewExt::settings(&view) {
                if tuning.no_page_cache {
                    settings.set_enable_page_cache(false);
                }
                if tuning.no_gl_features {
                    settings.set_enable_webgl(false);
                    settings.set_enable_webaudio(false);
                }
                if tuning.no_hardware_acceleration {
                    settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                }
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (webview, tuning);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_means_every_setting() {
        assert_eq!(Tuning::from_list(None), Tuning::ALL);
    }

    #[test]
    fn a_list_picks_settings() {
        let t = Tuning::from_list(Some("cache, accel"));
        assert!(t.document_viewer && t.no_hardware_acceleration);
        assert!(!t.no_page_cache && !t.no_gl_features);
        assert_eq!(
            Tuning::from_list(Some("none")),
            Tuning {
                document_viewer: false,
                no_page_cache: false,
                no_gl_features: false,
                no_hardware_acceleration: false,
            }
        );
    }
}
