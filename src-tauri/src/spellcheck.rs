//! Spell checking in the post's language, with WebKitGTK's checker (Enchant over Debian's
//! hunspell dictionaries, `hunspell-fr` and `hunspell-en-us`).

use tauri::WebviewWindow;

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

/// Turns spell checking on in `window`'s webview, for `lang`.
pub fn set_language(window: &WebviewWindow, lang: &str) -> tauri::Result<()> {
    let dictionary = dictionary_for(lang);
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
}
