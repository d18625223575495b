//! Incremental preview benchmark, through [`PreviewDocument`], on a 6 KB conference post and a
//! 1 MB one: opening the post (the first render, beside one whole `render_source` of the same
//! text), and one keystroke (a character typed, then deleted) in the middle: the change
//! applied, the body split again, the touched segment (or chunk) rendered, the patch made. The
//! keystroke's parts are measured apart: applying the change, a render with nothing changed
//! (scan, hashing, patch), and sanitizing the HTML of the block sent back. Run with
//! `cargo bench --bench preview`; results go to BENCHMARKS.md ("Typing with the incremental
//! preview").

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

#[path = "support/bench_site.rs"]
mod bench_site;

use bench_site::BenchSite;
use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use lanyard::preview::{PreviewDocument, TextChange};
use lanyard::render::{render_source, RenderOptions};

const OPTIONS: RenderOptions = RenderOptions {
    source_lines: true,
    asset_urls: true,
};

/// The posts measured: name and size.
const POSTS: [(&str, usize); 2] = [("6kB", 6 * 1024), ("1MB", 1 << 20)];

/// A conference post of at least `bytes` bytes: talks with a heading, an include, a
/// paragraph, a list, a photo, a code block and a table.
fn post(bytes: usize) -> String {
    let mut s = String::from(
        "---\ntitle: Jour 1\n---\nCet article est le premier d'une série : \
         [Jour 2]({% post_url 2023-04-19-jour-2 %}).\n\n<!--more-->\n\n",
    );
    let mut talk = 0;
    while s.len() < bytes {
        talk += 1;
        s.push_str(&format!(
            "## Talk {talk} : « plateformes » et sobriété\n\n\
             {{% include talk.html title=\"Talk {talk}\" speaker=\"Inès Martin\" %}}\n\n\
             Le speaker -- très clair -- a montré *trois* idées et un [lien](https://example.org/{talk}).\n\
             Une seconde ligne du même paragraphe, avec du `code` et des \"guillemets\".\n\n\
             - point un\n- point deux avec **gras**\n- point trois\n\n\
             ![Photo du talk {talk}]({{{{ \"/assets/images/talk-{talk}.jpg\" | relative_url }}}})\n\n\
             ```yaml\nkind: Deployment\nmetadata:\n  name: talk-{talk}\n```\n\n\
             | Outil | Note |\n|:--|--:|\n| A | 4/5 |\n| B | 3/5 |\n\n"
        ));
    }
    s
}

fn page() -> serde_json::Value {
    serde_json::json!({"title": "Jour 1"})
}

/// Opening a post: a new document's first render, and one whole render of the same text.
fn bench_open(c: &mut Criterion) {
    let page = page();
    let mut group = c.benchmark_group("preview_open");
    // A debug build opens the 1 MB post in seconds: few samples, one run each at least.
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(20));
    for (name, bytes) in POSTS {
        let text = post(bytes);
        group.bench_function(format!("open_{name}"), |b| {
            b.iter(|| {
                let mut doc = PreviewDocument::new(Path::new("p.md"), text.clone(), 0);
                black_box(doc.render(&page, &BenchSite, &OPTIONS, 0, None))
            })
        });
        group.bench_function(format!("whole_{name}"), |b| {
            b.iter(|| black_box(render_source(&text, &page, &BenchSite, &OPTIONS)))
        });
    }
    group.finish();
}

/// The change of keystroke `version`: "x" typed at `at`, then deleted, in turn.
fn keystroke(version: u64, at: usize) -> TextChange {
    if version.is_multiple_of(2) {
        TextChange {
            from: at,
            to: at,
            insert: "x".into(),
        }
    } else {
        TextChange {
            from: at,
            to: at + 1,
            insert: String::new(),
        }
    }
}

fn bench_keystroke(c: &mut Criterion) {
    let page = page();
    let mut group = c.benchmark_group("preview_keystroke");
    group.sample_size(20);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(10));
    for (name, bytes) in POSTS {
        let text = post(bytes);
        // Type in the middle: at the end of the paragraph line nearest the middle.
        let middle = text[text.len() / 2..]
            .find("très clair")
            .map_or(text.len(), |i| text.len() / 2 + i);
        let at = text[..middle].encode_utf16().count();
        let mut doc = PreviewDocument::new(Path::new("p.md"), text.clone(), 0);
        let mut shown = Some(doc.render(&page, &BenchSite, &OPTIONS, 0, None).generation);
        let mut version = 0;
        let mut sent = String::new();
        group.bench_function(format!("one_key_{name}"), |b| {
            b.iter(|| {
                doc.apply(version, version + 1, &[keystroke(version, at)])
                    .expect("applies");
                version += 1;
                let patch = doc.render(&page, &BenchSite, &OPTIONS, 0, shown);
                shown = Some(patch.generation);
                sent = patch.insert.iter().map(|b| b.html.as_str()).collect();
                black_box(patch)
            })
        });
        // The parts: applying the change set alone (on a copy of the text) ...
        let mut apply_doc = PreviewDocument::new(Path::new("p.md"), text, 0);
        let mut apply_version = 0;
        group.bench_function(format!("apply_{name}"), |b| {
            b.iter(|| {
                let change = keystroke(apply_version, at);
                apply_doc
                    .apply(apply_version, apply_version + 1, &[change])
                    .expect("applies");
                apply_version += 1;
            })
        });
        // ... a render where nothing changed (scan, keys, patch; every segment cached) ...
        group.bench_function(format!("unchanged_{name}"), |b| {
            b.iter(|| {
                let patch = doc.render(&page, &BenchSite, &OPTIONS, 0, shown);
                shown = Some(patch.generation);
                black_box(patch)
            })
        });
        // ... and sanitizing the block sent back: ammonia's default cleaner on its HTML, the
        // same html5ever parse and serialize as the preview's sanitizer (which is private).
        group.bench_function(format!("sanitize_sent_{name}"), |b| {
            b.iter(|| black_box(ammonia::clean(&sent)))
        });
        eprintln!(
            "{name}: a keystroke sends back {} bytes of HTML",
            sent.len()
        );
    }
    group.finish();
}

criterion_group!(benches, bench_open, bench_keystroke);
criterion_main!(benches);
