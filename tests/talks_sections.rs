//! Talk sections generated from a schedule match the templates exactly (snapshots, in French
//! and English), and "Draft my day" writes the next part of the series with the day's
//! keynotes first, then the starred talks in time order.

mod talks_support;

use std::collections::BTreeSet;

use jiff::civil::date;
use lanyard::series::SettingsStore;
use lanyard::site::Workspace;
use lanyard::talks::{day_sections, plan_draft_day, TalkStore};
use talks_support::{schedule, TalkBlog};

/// The starred talks of the fixture's first day, the 11:00 one before the 10:00 one to show
/// that sections follow the schedule's order, not the order of starring.
fn starred() -> BTreeSet<String> {
    [
        "3d4e5f60718293a4b5c6d7e8f90a1b2c",
        "1b2c3d4e5f60718293a4b5c6d7e8f901",
    ]
    .into_iter()
    .map(str::to_string)
    .collect()
}

fn day_one(lang: &str) -> String {
    let s = schedule("sched.ics");
    let talks = s.talks_on(Some(date(2024, 3, 20)));
    day_sections(
        &talks,
        &starred(),
        lang,
        &TalkStore::default().template(Some(lang)),
    )
}

#[test]
fn writes_a_french_day_in_the_seed_style() {
    insta::assert_snapshot!(day_one("fr"));
}

#[test]
fn writes_an_english_day() {
    insta::assert_snapshot!(day_one("en"));
}

#[test]
fn writes_placeholders_for_what_the_schedule_does_not_say() {
    let s = schedule("sched.ics");
    let talks = s.talks_on(Some(date(2024, 3, 21)));
    let uid = "5f60718293a4b5c6d7e8f90a1b2c3d4e".to_string();
    let text = day_sections(
        &talks,
        &[uid].into(),
        "fr",
        &TalkStore::default().template(Some("fr")),
    );
    insta::assert_snapshot!(text);
}

#[test]
fn drafts_my_day_as_the_next_part_with_keynotes_first() {
    let blog = TalkBlog::new();
    let workspace = Workspace::open(blog.root()).expect("blog");
    let store = TalkStore::default();
    let plan = plan_draft_day(
        &workspace,
        &SettingsStore::default(),
        &schedule("sched.ics"),
        &starred(),
        |lang| store.template(Some(lang)),
        &blog.path("_posts/2024-03-19-cloudconf-j1.md"),
    )
    .expect("plan");
    plan.changes.apply().expect("apply");
    assert_eq!(plan.date, "2024-03-20");
    let text = blog.read("_drafts/cloudconf-europe-2024-jour-2.md");
    assert!(
        text.contains("title: \"CloudConf Europe 2024 - Jour 2\"\n"),
        "{text}"
    );
    assert!(
        text.contains("Cet article est le deuxième d'une série"),
        "{text}"
    );
    let body = &text[text.find("# Keynotes").expect("keynotes first")..];
    assert_eq!(body, day_one("fr"));
    assert!(
        !text.contains("Titre du talk"),
        "the skeleton is replaced: {text}"
    );
    let day1 = blog.read("_posts/2024-03-19-cloudconf-j1.md");
    assert!(day1.contains("- __Jour 1__\n- Jour 2\n"), "{day1}");
}

#[test]
fn refuses_to_draft_a_day_the_schedule_does_not_cover() {
    let blog = TalkBlog::new();
    let workspace = Workspace::open(blog.root()).expect("blog");
    let err = plan_draft_day(
        &workspace,
        &SettingsStore::default(),
        &schedule("pretalx.ics"),
        &starred(),
        |lang| TalkStore::default().template(Some(lang)),
        &blog.path("_posts/2024-03-19-cloudconf-j1.md"),
    )
    .expect_err("no talk on the 20th");
    assert!(
        err.to_string()
            .contains("pretalx.ics: has no talk on 2024-03-20"),
        "{err}"
    );
    assert!(!blog.path("_drafts").exists(), "nothing written");
}
