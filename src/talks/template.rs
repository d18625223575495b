//! Talk sections: a template per language filled from a talk. The French default follows the
//! seed ("Ce talk a été donné par Thijs Ebbers et Diana Iordan d'ING."). A field the
//! schedule does not give is written as a placeholder between `⟪` and `⟫` (U+27EA, U+27EB),
//! which the publish checks flag until the author replaces it.

use super::model::{Speaker, Talk};
use crate::series::settings::header_lang;

/// Opens a placeholder (U+27EA MATHEMATICAL LEFT DOUBLE ANGLE BRACKET).
pub const PLACEHOLDER_OPEN: char = '⟪';
/// Closes a placeholder (U+27EB).
pub const PLACEHOLDER_CLOSE: char = '⟫';

/// The French section template. Placeholders: `{title}`, `{speakers}` (names and
/// companies: "A et B d'ING"), `{url}`, `{room}`, `{time}`.
pub const FRENCH_SECTION: &str =
    "## {title}\n\nCe talk a été donné par {speakers}.  \n[Page du talk]({url})\n";
/// The English section template (also used for languages without a template).
pub const ENGLISH_SECTION: &str =
    "## {title}\n\nThis talk was given by {speakers}.  \n[Talk page]({url})\n";

/// The words of one language: connectors and the names of missing fields.
struct Words {
    and: &'static str,
    of: &'static str,
    speakers: &'static str,
    company: &'static str,
    title: &'static str,
    link: &'static str,
    room: &'static str,
}

const FRENCH: Words = Words {
    and: "et",
    of: "de",
    speakers: "orateurs",
    company: "entreprise",
    title: "titre",
    link: "lien",
    room: "salle",
};

const ENGLISH: Words = Words {
    and: "and",
    of: "from",
    speakers: "speakers",
    company: "company",
    title: "title",
    link: "link",
    room: "room",
};

/// A placeholder for the field `name`: `⟪orateurs⟫`.
pub fn placeholder(name: &str) -> String {
    format!("{PLACEHOLDER_OPEN}{name}{PLACEHOLDER_CLOSE}")
}

/// The built-in template of `lang` (`fr`, else English).
pub fn default_section_template(lang: &str) -> &'static str {
    if header_lang(Some(lang)) == "fr" {
        FRENCH_SECTION
    } else {
        ENGLISH_SECTION
    }
}

/// The section for `talk` in `lang` (`fr`, `en`, `fr-FR`...) from `template`. Ends with one
/// newline.
pub fn render_section(talk: &Talk, lang: &str, template: &str) -> String {
    let words = if header_lang(Some(lang)) == "fr" {
        &FRENCH
    } else {
        &ENGLISH
    };
    let or_placeholder = |value: Option<&str>, name: &str| {
        value
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map_or_else(|| placeholder(name), str::to_string)
    };
    let title = or_placeholder(Some(one_line(&talk.title).as_str()), words.title);
    let time = match (talk.start_label(), talk.end_label()) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => start,
        (None, _) => String::new(),
    };
    let mut text = template
        .replace("{title}", &title)
        .replace("{speakers}", &speakers_phrase(&talk.speakers, words))
        .replace("{url}", &or_placeholder(talk.url.as_deref(), words.link))
        .replace("{room}", &or_placeholder(talk.room.as_deref(), words.room))
        .replace("{time}", &time);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Titles come from one line of a schedule but may hold a stray line break.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Thijs Ebbers et Diana Iordan d'ING", "Natalie Serrino de New Relic et Frederic
/// Branczyk de Polar Signals": consecutive speakers of one company share it.
fn speakers_phrase(speakers: &[Speaker], words: &Words) -> String {
    if speakers.is_empty() {
        return format!(
            "{} {}",
            placeholder(words.speakers),
            of_company(&placeholder(words.company), words)
        );
    }
    let mut groups: Vec<(Vec<&str>, Option<&str>)> = Vec::new();
    for s in speakers {
        let company = s
            .company
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        match groups.last_mut() {
            Some((names, c)) if *c == company => names.push(&s.name),
            _ => groups.push((vec![&s.name], company)),
        }
    }
    let groups: Vec<String> = groups
        .into_iter()
        .map(|(names, company)| {
            let company = company.map_or_else(|| placeholder(words.company), str::to_string);
            format!(
                "{} {}",
                join_names(&names, words),
                of_company(&company, words)
            )
        })
        .collect();
    let groups: Vec<&str> = groups.iter().map(String::as_str).collect();
    join_names(&groups, words)
}

/// "A", "A et B", "A, B et C".
fn join_names(names: &[&str], words: &Words) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), words.and),
    }
}

/// "de Nuagique", "d'ING" (French elides before a vowel), "from Acme".
fn of_company(company: &str, words: &Words) -> String {
    let elides = words.of == "de"
        && company
            .chars()
            .next()
            .is_some_and(|c| "AEIOUYÉÈÊÀÂÎÔÛaeiouyéèêàâîôû".contains(c));
    if elides {
        format!("d'{company}")
    } else {
        format!("{} {company}", words.of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::talks::model::TalkTime;

    fn talk(speakers: &[(&str, Option<&str>)], url: Option<&str>) -> Talk {
        Talk {
            uid: "t1".into(),
            title: "Zero Privilege Architectures".into(),
            time: TalkTime::AllDay(jiff::civil::date(2023, 4, 19)),
            room: None,
            description: None,
            url: url.map(str::to_string),
            speakers: speakers
                .iter()
                .map(|(n, c)| Speaker {
                    name: n.to_string(),
                    company: c.map(str::to_string),
                })
                .collect(),
            keynote: false,
        }
    }

    #[test]
    fn writes_the_seed_sentence_with_elision() {
        let t = talk(
            &[("Thijs Ebbers", Some("ING")), ("Diana Iordan", Some("ING"))],
            Some("https://sched.co/1"),
        );
        assert_eq!(
            render_section(&t, "fr", FRENCH_SECTION),
            "## Zero Privilege Architectures\n\nCe talk a été donné par Thijs Ebbers et \
             Diana Iordan d'ING.  \n[Page du talk](https://sched.co/1)\n"
        );
    }

    #[test]
    fn gives_each_company_its_speakers_and_marks_what_is_missing() {
        let t = talk(
            &[
                ("Natalie Serrino", Some("New Relic")),
                ("Frederic Branczyk", Some("Polar Signals")),
                ("Sam Lee", None),
            ],
            None,
        );
        let fr = render_section(&t, "fr-FR", FRENCH_SECTION);
        assert!(fr.contains(
            "par Natalie Serrino de New Relic, Frederic Branczyk de Polar Signals et Sam Lee \
             de ⟪entreprise⟫."
        ));
        assert!(fr.contains("[Page du talk](⟪lien⟫)"));
        let en = render_section(&talk(&[], None), "en", ENGLISH_SECTION);
        assert!(en.contains("given by ⟪speakers⟫ from ⟪company⟫."), "{en}");
    }
}
