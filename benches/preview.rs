//! Incremental preview benchmark: one keystroke (a character typed, then deleted) in the middle
//! of a 6 KB conference post and of a 1 MB one, through [`PreviewDocument`]: the change applied,
//! the body split again, the touched segment rendered, the patch made. Run with
//! `cargo bench --bench preview`; results go to BENCHMARKS.md ("Render").

use std::hint::black_box;
use std::path::Path;

#[path = "support/bench_site.rs"]
mod bench_site;

use bench_site::BenchSite;
use criterion::{criterion_group, criterion_main, Criterion};
use lanyard::preview::{PreviewDocument, TextChange};
use lanyard::render::RenderOptions;

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

fn bench_keystroke(c: &mut Criterion) {
    let page = serde_json::json!({"title": "Jour 1"});
    let options = RenderOptions {
        source_lines: true,
        asset_urls: true,
    };
    let mut group = c.benchmark_group("preview_keystroke");
    for (name, bytes) in [("6kB", 6 * 1024), ("1MB", 1 << 20)] {
        let text = post(bytes);
        // Type in the middle: at the end of the paragraph line nearest the middle.
        let middle = text[text.len() / 2..]
            .find("très clair")
            .map_or(text.len(), |i| text.len() / 2 + i);
        let at = text[..middle].encode_utf16().count();
        let mut doc = PreviewDocument::new(Path::new("p.md"), text, 0);
        let mut shown = Some(doc.render(&page, &BenchSite, &options, 0, None).generation);
        let mut version = 0;
        group.bench_function(format!("one_key_{name}"), |b| {
            b.iter(|| {
                // A key typed, then deleted: the post keeps its size across iterations.
                let change = if version % 2 == 0 {
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
                };
                doc.apply(version, version + 1, &[change]).expect("applies");
                version += 1;
                let patch = doc.render(&page, &BenchSite, &options, 0, shown);
                shown = Some(patch.generation);
                black_box(patch)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_keystroke);
criterion_main!(benches);
