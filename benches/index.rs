//! Indexing a generated 300-post blog (`Workspace::open`): config, walk, front matter, URLs.
//! Target: well under 100 ms. Run with `cargo bench --bench index`.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use lanyard::site::Workspace;

/// Writes a blog of `count` posts (a few KB each, some in subfolders, a series, tags) and
/// a handful of drafts.
fn generate_blog(root: &Path, count: usize) {
    fs::write(
        root.join("_config.yml"),
        "title: Bench\ntimezone: Europe/Paris\npermalink: pretty\n",
    )
    .expect("config");
    for sub in ["_posts/2022", "_posts/2023", "_drafts"] {
        fs::create_dir_all(root.join(sub)).expect("mkdir");
    }
    let mut body = String::new();
    for i in 0..60 {
        let _ = writeln!(body, "Paragraphe {i} d'une journée de conférence, avec un [lien](https://example.org/{i}).\n");
    }
    for i in 0..count {
        let year = if i % 2 == 0 { 2022 } else { 2023 };
        let (month, day) = (1 + i % 12, 1 + i % 28);
        let path = root.join(format!(
            "_posts/{year}/{year}-{month:02}-{day:02}-billet-{i}.md"
        ));
        let text = format!(
            "---\nlayout: post\ntitle: \"Billet {i}\"\ntags: [kubecon, cloud, t{t}]\nseries: S{s}\nlang: fr\npublished: yes\n---\n{body}",
            t = i % 7,
            s = i % 10,
        );
        fs::write(path, text).expect("post");
    }
    for i in 0..5 {
        fs::write(
            root.join(format!("_drafts/idee-{i}.md")),
            format!("---\ntitle: Idée {i}\n---\n{body}"),
        )
        .expect("draft");
    }
}

fn bench_index(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    generate_blog(dir.path(), 300);
    let posts = Workspace::open(dir.path()).expect("opens").posts().len();
    assert_eq!(posts, 305);
    c.bench_function("index 300-post blog", |b| {
        b.iter(|| Workspace::open(dir.path()).expect("opens"));
    });
}

criterion_group!(benches, bench_index);
criterion_main!(benches);
