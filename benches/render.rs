//! Render benchmark: a typical 6 KB conference post (Liquid, headings, lists, a table, code,
//! footnotes, images, an include) and a 1 MB post made of that post repeated, on an in-memory
//! blog. Run with `cargo bench --bench render`; results go to BENCHMARKS.md ("Render").

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lanyard::render::{render_source, PostTarget, RenderOptions, SiteContext};
use lanyard::site::gate::SitePath;

/// A blog where every `post_url` resolves and every image exists.
struct BenchSite;

impl SiteContext for BenchSite {
    fn resolve_post_url(&self, name: &str) -> Option<PostTarget> {
        Some(PostTarget {
            url: format!("/blog/{name}.html"),
            path: PathBuf::from(name),
            published: true,
            future: false,
        })
    }
    fn check_site_file(&self, _path: &SitePath) -> lanyard::Result<()> {
        Ok(())
    }
    fn include(&self, _name: &str) -> lanyard::Result<String> {
        Ok("<div class=\"talk\" markdown=\"1\">\n**{{ include.title }}**, {{ include.speaker }}\n</div>\n".into())
    }
    fn site_vars(&self) -> serde_json::Value {
        serde_json::json!({"title": "Carnet", "baseurl": "/blog"})
    }
    fn baseurl(&self) -> String {
        "/blog".into()
    }
}

/// One conference day, about 6 KB of Markdown body.
fn day_post() -> String {
    let mut s = String::from(
        "Cet article est le premier d'une série : [Jour 2]({% post_url 2023-04-19-jour-2 %}), \
         [Jour 3]({% post_url 2023-04-20-jour-3 %}).\n\n<!--more-->\n\n",
    );
    for talk in 1..=12 {
        s.push_str(&format!(
            "## Talk {talk} : « plateformes » et sobriété\n\n\
             {{% include talk.html title=\"Talk {talk}\" speaker=\"Inès Martin\" %}}\n\n\
             Le speaker -- très clair -- a montré *trois* idées[^n{talk}] et un [lien](https://example.org/{talk}).\n\
             Une seconde ligne du même paragraphe, avec du `code` et des \"guillemets\".\n\n\
             - point un\n- point deux avec **gras**\n- point trois\n\n\
             ![Photo du talk {talk}]({{{{ \"/assets/images/talk-{talk}.jpg\" | relative_url }}}})\n\n\
             ```yaml\nkind: Deployment\nmetadata:\n  name: talk-{talk}\n```\n\n\
             | Outil | Note |\n|:--|--:|\n| A | 4/5 |\n| B | 3/5 |\n\n\
             [^n{talk}]: Une note de bas de page pour le talk {talk}.\n\n"
        ));
    }
    s
}

fn bench_render(c: &mut Criterion) {
    let body = day_post();
    let small = format!("---\ntitle: Jour 1\n---\n{body}");
    let big = format!(
        "---\ntitle: Gros\n---\n{}",
        body.repeat(1_048_576 / body.len() + 1)
    );
    let page = serde_json::json!({"title": "Jour 1"});
    let options = RenderOptions::default();
    let mut group = c.benchmark_group("render");
    group.throughput(Throughput::Bytes(small.len() as u64));
    group.bench_function(format!("post_{}kB", small.len() / 1024), |b| {
        b.iter(|| render_source(black_box(&small), &page, &BenchSite, &options))
    });
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("post_{}kB", big.len() / 1024), |b| {
        b.iter(|| render_source(black_box(&big), &page, &BenchSite, &options))
    });
    group.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
