//! The system language, from the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, as gettext reads
//! them): the menu and the UI speak French when it is French, English otherwise. WebKitGTK's
//! `navigator.language` does not follow the locale, hence a command.

/// `"fr"` or `"en"`.
pub fn system_language() -> &'static str {
    language_of(
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty())),
    )
}

fn language_of(locale: Option<String>) -> &'static str {
    match locale {
        Some(l) if l.starts_with("fr") => "fr",
        _ => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_locales_give_french() {
        assert_eq!(language_of(Some("fr_FR.UTF-8".into())), "fr");
        assert_eq!(language_of(Some("fr_CA".into())), "fr");
    }

    #[test]
    fn anything_else_gives_english() {
        assert_eq!(language_of(Some("C.UTF-8".into())), "en");
        assert_eq!(language_of(Some("de_DE.UTF-8".into())), "en");
        assert_eq!(language_of(None), "en");
    }
}
