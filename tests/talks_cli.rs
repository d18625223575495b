//! `lanyard talks list` and `lanyard talks insert` on the fixture schedules, with the exit
//! codes of the CLI contract: 0 ok, 2 bad usage or unreadable input (errors name the file).

mod talks_support;

use std::fs;
use std::process::{Command, Output};

use talks_support::{fixture, TalkBlog};

fn lanyard(blog: &TalkBlog, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lanyard"))
        .args(args)
        .current_dir(blog.root())
        .env("LANYARD_DATA_DIR", blog.data())
        .output()
        .expect("run lanyard")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn lists_one_day_with_time_room_title_speakers_and_uid() {
    let blog = TalkBlog::new();
    let sched = fixture("sched.ics");
    let out = lanyard(
        &blog,
        &[
            "talks",
            "list",
            sched.to_str().expect("utf8"),
            "--day",
            "2024-03-21",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "2024-03-21 08:30-09:00\tHall A | Main Stage\tKeynote: The Next Ten Years\t\
         Omar Haddad (Open Systems Lab)\t4e5f60718293a4b5c6d7e8f90a1b2c3d\n\
         2024-03-21 10:00-10:35\tRoom G104\tKubernetes - The Hard Parts\t\t\
         5f60718293a4b5c6d7e8f90a1b2c3d4e\n"
    );
}

#[test]
fn lists_the_readable_events_and_warns_about_the_others() {
    let blog = TalkBlog::new();
    let mixed = fixture("mixed.ics");
    let out = lanyard(&blog, &["talks", "list", mixed.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout).lines().count(), 2);
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert!(stderr
        .lines()
        .all(|l| l.starts_with("warning: ") && l.contains("mixed.ics")));
}

#[test]
fn refuses_unreadable_schedules_and_bad_days_with_exit_2() {
    let blog = TalkBlog::new();
    let html = fixture("not-a-calendar.ics");
    let out = lanyard(&blog, &["talks", "list", html.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not-a-calendar.ics"), "{stderr}");
    let sched = fixture("sched.ics");
    let out = lanyard(
        &blog,
        &[
            "talks",
            "list",
            sched.to_str().expect("utf8"),
            "--day",
            "20/03",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn inserts_a_section_at_the_end_of_a_post_in_its_language() {
    let blog = TalkBlog::new();
    let sched = fixture("sched.ics");
    let post = "_posts/2024-03-19-cloudconf-j1.md";
    let out = lanyard(
        &blog,
        &[
            "talks",
            "insert",
            sched.to_str().expect("utf8"),
            "2c3d4e5f60718293a4b5c6d7e8f90a1b",
            "--post",
            post,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let expected = "## eBPF Past, Present and Future\n\nCe talk a été donné par Lena Hoffmann de \
                    Kernel Works et Raj Patel de Tracepoint.  \n\
                    [Page du talk](https://cloudconfeu24.sched.com/event/1GhI/ebpf-past-present-and-future)\n";
    assert_eq!(text(&out.stdout), expected);
    assert!(blog
        .read(post)
        .ends_with(&format!("Arrivée à Amsterdam.\n\n{expected}")));
}

#[test]
fn inserts_with_an_edited_template() {
    let blog = TalkBlog::new();
    let set = lanyard(
        &blog,
        &["talks", "template", "fr", "### {title} ({room}, {time})\n"],
    );
    assert_eq!(set.status.code(), Some(0), "{}", text(&set.stderr));
    let sched = fixture("sched.ics");
    let post = "_posts/2024-03-19-cloudconf-j1.md";
    let out = lanyard(
        &blog,
        &[
            "talks",
            "insert",
            sched.to_str().expect("utf8"),
            "5f60718293a4b5c6d7e8f90a1b2c3d4e",
            "--post",
            post,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(blog
        .read(post)
        .ends_with("\n\n### Kubernetes - The Hard Parts (Room G104, 10:00–10:35)\n"));
}

#[test]
fn refuses_an_unknown_uid_or_a_missing_post_and_leaves_the_post_alone() {
    let blog = TalkBlog::new();
    let sched = fixture("sched.ics");
    let post = "_posts/2024-03-19-cloudconf-j1.md";
    let before = blog.read(post);
    let out = lanyard(
        &blog,
        &[
            "talks",
            "insert",
            sched.to_str().expect("utf8"),
            "nope",
            "--post",
            post,
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("sched.ics: has no talk with UID `nope`"));
    let out = lanyard(
        &blog,
        &[
            "talks",
            "insert",
            sched.to_str().expect("utf8"),
            "5f60718293a4b5c6d7e8f90a1b2c3d4e",
            "--post",
            "_posts/missing.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.md"));
    assert_eq!(blog.read(post), before);
    assert!(!fs::exists(blog.path("_posts/missing.md")).expect("exists"));
}
