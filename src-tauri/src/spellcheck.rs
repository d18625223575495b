//! Spell checking in the post's language, with WebKitGTK's checker (Enchant over Debian's
//! hunspell dictionaries, `hunspell-fr` and `hunspell-en-us`).
//!
//! WebKit loads a dictionary on the window's main thread, and a French one takes a quarter of a
//! second to a second and about 15 MiB: the UI asks for it once the first preview is on screen
//! (not while the window starts), and only when the language changes.

use std::sync::Mutex;

use tauri::{AppHandle, Manager, WebviewWindow};

use crate::error::{AppError, AppResult};

/// Managed state: the dictionary the webview was last given, if any.
#[derive(Default)]
pub struct SpellState(Mutex<Option<String>>);

/// Checks spelling in `lang` in the editor from now on (nothing to do when it already does).
#[tauri::command]
pub fn set_spellcheck_language(
    app: AppHandle,
    window: WebviewWindow,
    lang: String,
) -> AppResult<()> {
    let dictionary = dictionary_for(&lang);
    let state = app.state::<SpellState>();
    let mut current = state
        .0
        .lock()
        .map_err(|_| AppError::Shell("spell checking state poisoned".into()))?;
    if needs_change(current.as_deref(), &dictionary) {
        set_dictionary(&window, dictionary.clone())?;
        *current = Some(dictionary);
    }
    Ok(())
}

/// Whether the webview, checking with `current`, must be given `wanted`.
fn needs_change(current: Option<&str>, wanted: &str) -> bool {
    current != Some(wanted)
}

/// The Enchant dictionary for a post language: `fr` → `fr_FR`, `en` → `en_US`, `pt-BR` → `pt_BR`.
pub fn dictionary_for(lang: &str) -> String {
    let lang = lang.trim().replace('-', "_");
    match lang.to_ascii_lowercase().as_str() {
        "" | "en" => "en_US".into(),
        "fr" => "fr_FR".into(),
        "de" => "de_DE".into(),
        "es" => "es_ES".into(),
        "it" => "it_IT".into(),
        _ => lang,
    }
}

/// Turns spell checking on in `window`'s webview, with Enchant's `dictionary`.
fn set_dictionary(window: &WebviewWindow, dictionary: String) -> tauri::Result<()> {
    window.with_webview(move |webview| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_spell_checking_enabled(true);
                context.set_spell_checking_languages(&[dictionary.as_str()]);
            }
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (webview, dictionary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_post_languages_to_debian_dictionaries() {
        assert_eq!(dictionary_for("fr"), "fr_FR");
        assert_eq!(dictionary_for("en"), "en_US");
        assert_eq!(dictionary_for(""), "en_US");
        assert_eq!(dictionary_for("fr-CA"), "fr_CA");
    }

    #[test]
    fn loads_a_dictionary_only_when_the_language_changes() {
        assert!(needs_change(None, "fr_FR"));
        assert!(!needs_change(Some("fr_FR"), "fr_FR"));
        assert!(needs_change(Some("fr_FR"), "en_US"));
    }
}
