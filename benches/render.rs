//! Render benchmark: a typical 6 KB conference post (Liquid, headings, lists, a table, code,
//! footnotes, images, an include), a 1 MB post made of that post repeated, and a code-heavy
//! post (48 highlighted blocks in eight languages, about 9 KB) and the highlighter's worst
//! case (a 32 KB block of unclosed comments), on an in-memory blog. Run with `cargo bench --bench render`; results go to BENCHMARKS.md ("Render").

use std::hint::black_box;

#[path = "support/bench_site.rs"]
mod bench_site;

use bench_site::BenchSite;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lanyard::render::{render_source, RenderOptions};

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

/// A post made mostly of code: six rounds of eight fenced blocks (yaml, bash, json, go,
/// python, javascript, dockerfile, java) of 6 to 12 lines each.
fn code_post() -> String {
    let blocks = [
        ("yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web # the app\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: nginx\n          image: \"nginx:1.25\"\n"),
        ("bash", "#!/bin/bash\nset -euo pipefail\nfor ns in default kube-system; do\n  kubectl get pods -n \"$ns\" | grep -v Running\ndone\necho \"done: ${count}\" > /tmp/out\n"),
        ("json", "{\n  \"name\": \"lanyard\",\n  \"count\": 42,\n  \"tags\": [\"kubecon\", \"cloud\"],\n  \"nested\": {\"ok\": true, \"none\": null}\n}\n"),
        ("go", "package main\n\nimport \"fmt\"\n\n// main says hello.\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Printf(\"hello %d\\n\", i)\n\t}\n}\n"),
        ("python", "import json\n\nclass Talk:\n    \"\"\"A talk.\"\"\"\n    def __init__(self, title, room=None):\n        self.title = title  # shown\n        self.room = room\n\n    def to_json(self):\n        return json.dumps({\"title\": self.title})\n"),
        ("javascript", "// load the talks\nconst API = 'https://example.org';\nexport async function load(day) {\n  const res = await fetch(`${API}/talks?day=${day}`);\n  return (await res.json()).filter((t) => t.starred === true);\n}\n"),
        ("dockerfile", "FROM golang:1.21 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n"),
        ("java", "public class Greeter {\n    private static final int MAX = 3;\n    // greet\n    public String greet(String name) {\n        if (name == null) {\n            throw new IllegalArgumentException(\"empty\");\n        }\n        return \"Hello, \" + name;\n    }\n}\n"),
    ];
    let mut s = String::new();
    for round in 1..=6 {
        s.push_str(&format!(
            "## Démo {round}\n\nLe code montré pendant le talk :\n\n"
        ));
        for (lang, code) in blocks {
            s.push_str(&format!("```{lang}\n{code}```\n\n"));
        }
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
    let code = format!("---\ntitle: Code\n---\n{}", code_post());
    group.throughput(Throughput::Bytes(code.len() as u64));
    group.bench_function(format!("code_post_{}kB", code.len() / 1024), |b| {
        b.iter(|| render_source(black_box(&code), &page, &BenchSite, &options))
    });
    // The highlighter's worst case: a block just under its size cap made of unclosed `/*`
    // in 2 KB lines
    // (each one starts a comment rule that scans ahead for `*/`); a counter inside the block
    // keeps the highlight cache from answering.
    let openers = format!("{}\n", "/*".repeat(1000)).repeat(16);
    group.throughput(Throughput::Bytes(openers.len() as u64));
    let mut n = 0u64;
    group.bench_function(
        format!("worst_code_block_{}kB", openers.len() / 1024),
        |b| {
            b.iter(|| {
                n += 1;
                let post = format!("```java\n{openers}{n}\n```\n");
                render_source(black_box(&post), &page, &BenchSite, &options)
            })
        },
    );
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("post_{}kB", big.len() / 1024), |b| {
        b.iter(|| render_source(black_box(&big), &page, &BenchSite, &options))
    });
    group.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
