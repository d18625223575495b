//! Finding a talk's speakers where the exports put them: the ` - Name, Company` suffix
//! sched.com appends to titles, a `Speakers: ...` line in the description, one `ATTENDEE`
//! per speaker (pretalx), or the `ORGANIZER`.

use super::model::Speaker;

/// Labels that start a speaker line in a description (`Speakers: Jane Doe (Acme)`).
const SPEAKER_LABELS: [&str; 10] = [
    "speakers",
    "speaker",
    "presenters",
    "presenter",
    "orateurs",
    "oratrices",
    "orateur",
    "intervenants",
    "intervenant",
    "by",
];

/// Splits sched.com's `Title - Jane Doe, Acme & John Roe, Foo Corp` into the title and its
/// speakers. The suffix is taken only when every part reads as `Name, Company` with a name of
/// two to five capitalized words, so `Kubernetes - The Hard Way` keeps its title.
pub fn split_title_suffix(summary: &str) -> (String, Vec<Speaker>) {
    let whole = || (summary.trim().to_string(), Vec::new());
    let Some((title, suffix)) = summary.rsplit_once(" - ") else {
        return whole();
    };
    let mut speakers = Vec::new();
    for part in suffix.split(" & ").flat_map(|p| p.split("; ")) {
        let Some((name, company)) = part.split_once(',') else {
            return whole();
        };
        if !looks_like_name(name) || company.trim().is_empty() {
            return whole();
        }
        speakers.push(Speaker {
            name: name.trim().to_string(),
            company: Some(company.trim().to_string()),
        });
    }
    if title.trim().is_empty() || speakers.is_empty() {
        return whole();
    }
    (title.trim().to_string(), speakers)
}

/// The speakers of a `Speakers: Jane Doe (Acme), John Roe (Foo)` line of a description;
/// `Jane Doe, Acme` (two parts joined by one comma) is one speaker and her company.
pub fn speakers_in_description(description: &str) -> Vec<Speaker> {
    description
        .lines()
        .find_map(speaker_line)
        .map(parse_speaker_list)
        .unwrap_or_default()
}

/// The text after a speaker label (`Speakers:`, `Orateurs :`), if the line has one.
fn speaker_line(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(':')?;
    let label = label.trim().to_lowercase();
    let rest = rest.trim();
    (SPEAKER_LABELS.contains(&label.as_str()) && !rest.is_empty()).then_some(rest)
}

/// `Jane Doe (Acme), John Roe (Foo)`, `Jane Doe, Acme`, `Jane Doe & John Roe`,
/// `Jane Doe (Acme); John Roe`.
fn parse_speaker_list(list: &str) -> Vec<Speaker> {
    let parts = split_outside_parens(list);
    let only_commas = !list.contains(['(', ';', '&']) && !list.contains(" and ");
    if parts.len() == 2 && only_commas && !list.contains(" et ") {
        // `Jane Doe, Acme`: one speaker and her company (as sched.com writes it; two
        // speakers are joined with `&`).
        return vec![Speaker {
            name: parts[0].trim().to_string(),
            company: Some(parts[1].trim().to_string()),
        }];
    }
    parts.into_iter().filter_map(speaker_with_parens).collect()
}

/// Splits on `,`, `;`, ` & `, ` and `, ` et ` outside parentheses.
fn split_outside_parens(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut skip_until = 0;
    for (i, c) in list.char_indices() {
        if i < skip_until {
            continue;
        }
        let sep_len = match c {
            '(' => {
                depth += 1;
                0
            }
            ')' => {
                depth = depth.saturating_sub(1);
                0
            }
            ',' | ';' if depth == 0 => 1,
            ' ' if depth == 0 => [" & ", " and ", " et "]
                .iter()
                .find(|s| list[i..].starts_with(**s))
                .map_or(0, |s| s.len()),
            _ => 0,
        };
        if sep_len > 0 {
            parts.push(&list[start..i]);
            start = i + sep_len;
            skip_until = start;
        }
    }
    parts.push(&list[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// `Jane Doe (Acme)` or `Jane Doe`.
fn speaker_with_parens(part: &str) -> Option<Speaker> {
    let part = part.trim();
    let (name, company) = match part.split_once('(') {
        Some((name, rest)) => (name, Some(rest.trim_end_matches(')').trim())),
        None => (part, None),
    };
    let name = name.trim();
    (!name.is_empty()).then(|| Speaker {
        name: name.to_string(),
        company: company.filter(|c| !c.is_empty()).map(str::to_string),
    })
}

/// Two to five words, each starting with an uppercase letter (a particle like `de`, `van`
/// or `von` may be lowercase): a person's name rather than a subtitle.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let particles = [
        "de", "van", "von", "der", "da", "di", "du", "la", "le", "bin",
    ];
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || particles.contains(w))
}

/// The speaker named by an `ATTENDEE` or `ORGANIZER` line: its `CN` parameter, else the
/// address before `@` of its `mailto:` value.
pub fn speaker_from_address(common_name: Option<&str>, value: &str) -> Option<Speaker> {
    let name = common_name
        .map(|cn| cn.trim().trim_matches('"').trim().to_string())
        .filter(|n| !n.is_empty())
        .or_else(|| {
            let address = value.trim();
            let address = address
                .strip_prefix("mailto:")
                .or_else(|| address.strip_prefix("MAILTO:"))?;
            let local = address.split('@').next()?.trim();
            (!local.is_empty()).then(|| local.to_string())
        })?;
    Some(Speaker {
        name,
        company: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(speakers: &[Speaker]) -> Vec<String> {
        speakers
            .iter()
            .map(|s| match &s.company {
                Some(c) => format!("{} @ {c}", s.name),
                None => s.name.clone(),
            })
            .collect()
    }

    #[test]
    fn splits_the_sched_title_suffix() {
        let (title, speakers) = split_title_suffix(
            "Zero Privilege Architectures - Thijs Ebbers, ING & Diana Iordan, ING",
        );
        assert_eq!(title, "Zero Privilege Architectures");
        assert_eq!(
            names(&speakers),
            ["Thijs Ebbers @ ING", "Diana Iordan @ ING"]
        );
        let (title, speakers) = split_title_suffix("Kubernetes - The Hard Way");
        assert_eq!(title, "Kubernetes - The Hard Way");
        assert!(speakers.is_empty());
        let (title, _) = split_title_suffix("Keynote: Welcome - the big news, again");
        assert_eq!(title, "Keynote: Welcome - the big news, again");
    }

    #[test]
    fn reads_speaker_lines_of_descriptions() {
        let d = "Un talk.\nOrateurs : Hélène Martin (Nuagique), Yanis Benali (Éole) et Zoé Petit\n";
        assert_eq!(
            names(&speakers_in_description(d)),
            [
                "Hélène Martin @ Nuagique",
                "Yanis Benali @ Éole",
                "Zoé Petit"
            ]
        );
        assert_eq!(
            names(&speakers_in_description("Speaker: Jane Doe, Acme Corp")),
            ["Jane Doe @ Acme Corp"]
        );
        assert_eq!(
            names(&speakers_in_description("Speakers: Jane Doe & John Roe")),
            ["Jane Doe", "John Roe"]
        );
        assert!(speakers_in_description("Note: bring a laptop").is_empty());
    }

    #[test]
    fn names_attendees_by_cn_else_mailto() {
        let s = speaker_from_address(Some("\"Jane Doe\""), "mailto:jd@example.org");
        assert_eq!(s.map(|s| s.name), Some("Jane Doe".into()));
        let s = speaker_from_address(None, "mailto:jdoe@example.org");
        assert_eq!(s.map(|s| s.name), Some("jdoe".into()));
        assert_eq!(speaker_from_address(None, "urn:x"), None);
    }
}
