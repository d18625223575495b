//! The real-blog corpus, front matter edition: runs only when `LANYARD_CORPUS` names a folder
//! of Jekyll blogs (`make test-corpus`). For every post whose front matter parses: `fm get` of
//! each key prints YAML that reads back as what the YAML 1.1 reader gives; setting then
//! unsetting a new key is byte-identical; setting `title` and `tags` changes only their lines
//! and leaves every other value unchanged. The app's form edits too: a new title, one more tag
//! and another day, written in the key's own style, change only that key's lines, read back as
//! meant, and leave the other values (and a date's time and zone) unchanged. Posts are read in
//! place, never copied. Under `CI=true` a missing corpus fails instead of skipping.

mod corpus_support;
mod fm_support;

use std::path::{Path, PathBuf};

use fm_support::assert_only_key_lines_changed;
use lanyard::front_matter::edit::raw_entries;
use lanyard::front_matter::{
    edit_field, form_value_yaml, get_key, parse_yaml_mapping, read_form, read_front_matter,
    set_key, unset_key, value_to_yaml, FormValue,
};

fn posts_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            posts_under(&path, out);
        } else if path
            .components()
            .any(|c| c.as_os_str() == "_posts" || c.as_os_str() == "_drafts")
            && path
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown")
        {
            out.push(path);
        }
    }
}

fn check_post(path: &Path, text: &str, failures: &mut Vec<String>) -> bool {
    let Ok(fm) = read_front_matter(path, text) else {
        return false;
    };
    if !fm.present {
        return false;
    }
    let name = path.display();
    for (key, value) in &fm.data {
        let printed = value_to_yaml(value);
        let doc = format!("v:\n  {}\n", printed.replace('\n', "\n  "));
        let back = parse_yaml_mapping(&doc, 1).map(|p| p.data.get("v").cloned());
        if back != Ok(Some(value.clone()))
            || get_key(text, key).ok().flatten().as_ref() != Some(value)
        {
            failures.push(format!("{name}: get `{key}` printed {printed:?}"));
        }
    }
    match set_key(text, "lanyard_probe", "[a, b]").and_then(|t| unset_key(&t, "lanyard_probe")) {
        Ok(back) if back == text => {}
        Ok(_) => failures.push(format!("{name}: set+unset of a new key is not identical")),
        Err(e) => failures.push(format!("{name}: set+unset: {e}")),
    }
    for (key, value) in [
        ("title", "\"Un titre : modifié\""),
        ("tags", "[kubecon, cloud]"),
    ] {
        match set_key(text, key, value) {
            Ok(out) => {
                assert_only_key_lines_changed(text, &out, key, &name.to_string());
                let after = read_front_matter(path, &out)
                    .map(|f| f.data)
                    .unwrap_or_default();
                for (other, v) in &fm.data {
                    if other != key && after.get(other) != Some(v) {
                        failures.push(format!("{name}: setting `{key}` changed `{other}`"));
                    }
                }
            }
            Err(e) => failures.push(format!("{name}: set `{key}`: {e}")),
        }
    }
    true
}

#[test]
fn corpus_front_matter_round_trips_and_edits_losslessly() {
    let Some(root) = corpus_support::corpus_root("the front matter corpus test") else {
        return;
    };
    let mut posts = Vec::new();
    posts_under(Path::new(&root), &mut posts);
    posts.sort();
    assert!(!posts.is_empty(), "LANYARD_CORPUS holds no post");
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &posts {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        if check_post(path, &text, &mut failures) {
            checked += 1;
        }
    }
    eprintln!(
        "front matter corpus: {checked} of {} posts checked",
        posts.len()
    );
    assert!(checked > 0, "no corpus post has front matter that parses");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// One form edit of `key` on `text`: only its lines change, every other value stays.
fn check_form_edit(
    path: &Path,
    text: &str,
    key: &str,
    value: &FormValue,
    failures: &mut Vec<String>,
) -> Option<lanyard::front_matter::PostFields> {
    let name = path.display().to_string();
    let current = raw_entries(text)
        .ok()?
        .into_iter()
        .rev()
        .find(|e| e.key == key)
        .map(|e| e.value_yaml);
    let yaml = form_value_yaml(key, current.as_deref(), value);
    let edit = match edit_field(text, key, Some(&yaml)) {
        Ok(edit) => edit,
        Err(e) => {
            failures.push(format!("{name}: form edit of `{key}` ({yaml:?}): {e}"));
            return None;
        }
    };
    assert_only_key_lines_changed(text, &edit.text, key, &name);
    let before = read_front_matter(path, text).ok()?.data;
    let after = read_front_matter(path, &edit.text).ok()?.data;
    for (other, v) in &before {
        if other != key && after.get(other) != Some(v) {
            failures.push(format!("{name}: the form's `{key}` changed `{other}`"));
        }
    }
    read_form(path, &edit.text, "lang").fields
}

/// Whether the post's front matter parsed (and so was checked).
fn check_form(path: &Path, text: &str, failures: &mut Vec<String>) -> bool {
    let form = read_form(path, text, "lang");
    let Some(fields) = form.fields.filter(|_| form.present) else {
        return false;
    };
    let name = path.display();
    let title = format!("{} : modifié", fields.title.as_deref().unwrap_or("Titre"));
    if let Some(after) = check_form_edit(
        path,
        text,
        "title",
        &FormValue::Text(title.clone()),
        failures,
    ) {
        if after.title.as_deref() != Some(title.as_str()) {
            failures.push(format!("{name}: form title read back as {:?}", after.title));
        }
    }
    let keys: Vec<&str> = form.entries.iter().map(|e| e.key.as_str()).collect();
    let tag_key = if !keys.contains(&"tags") && keys.contains(&"tag") {
        "tag"
    } else {
        "tags"
    };
    let mut tags = fields.tags.clone();
    tags.push("lanyard-probe".into());
    if let Some(after) = check_form_edit(
        path,
        text,
        tag_key,
        &FormValue::List(tags.clone()),
        failures,
    ) {
        if after.tags != tags {
            failures.push(format!("{name}: form tags read back as {:?}", after.tags));
        }
    }
    if let Some(date) = fields
        .date
        .filter(|d| d.day.is_some() && keys.contains(&"date"))
    {
        let day = FormValue::Day("2001-02-03".into());
        if let Some(after) = check_form_edit(path, text, "date", &day, failures) {
            let got = after.date.unwrap_or(date.clone());
            if got.day.as_deref() != Some("2001-02-03")
                || got.time != date.time
                || got.offset != date.offset
            {
                failures.push(format!(
                    "{name}: form date {:?} became {:?}",
                    date.written, got.written
                ));
            }
        }
    }
    true
}

#[test]
fn corpus_form_edits_change_only_their_key() {
    let Some(root) = corpus_support::corpus_root("the front matter form corpus test") else {
        return;
    };
    let mut posts = Vec::new();
    posts_under(Path::new(&root), &mut posts);
    posts.sort();
    let mut failures = Vec::new();
    let mut checked = 0;
    for path in &posts {
        if let Ok(text) = std::fs::read_to_string(path) {
            checked += usize::from(check_form(path, &text, &mut failures));
        }
    }
    eprintln!(
        "front matter form corpus: {checked} of {} posts edited",
        posts.len()
    );
    assert!(checked > 0, "no corpus post has front matter that parses");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
