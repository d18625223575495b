//! Lanyard's highlighter against real rouge (Debian's `ruby-rouge`, what Jekyll runs): the
//! code samples in `tests/fixtures/code/` (one per language, named `LANG.sample`) and, when
//! `LANYARD_CORPUS` names a folder of blogs, every fenced or `{% highlight %}` block of their
//! posts, go through both; for each of rouge's tokens that is not blank, it agrees when every
//! non-blank character of it has rouge's class in Lanyard's output. Prints the agreement per
//! language (`cargo test --test rouge_agreement -- --nocapture`); `ROUGE_DEBUG=LANG` also
//! prints the tokens that differ. Fails when the samples or the corpus as a whole are under
//! nine tokens in ten, or one fixture language under [`MIN_PER_LANGUAGE`] (nine in ten), but
//! for the languages still mapped from a grammar's scopes rather than ported from rouge
//! ([`STILL_MAPPED`]: Ruby, at 68%), held at 65%.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use lanyard::render::highlight::highlight_tokens;

/// The share of rouge's tokens the samples, and the corpus, must match as a whole.
const MIN_AGREEMENT: f64 = 0.9;

/// The share of rouge's tokens each sample language must match: nine in ten, but for the
/// languages still mapped from a grammar's scopes ([`STILL_MAPPED`]).
const MIN_PER_LANGUAGE: f64 = MIN_AGREEMENT;

/// The languages still mapped from a grammar's scopes rather than ported from rouge, and the
/// share of rouge's tokens their samples must match.
const STILL_MAPPED: (&[&str], f64) = (&["ruby"], 0.65);

/// One code block.
struct Sample {
    lang: String,
    code: String,
}

fn fixture_samples() -> Vec<Sample> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/code");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/code")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sample"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Sample {
            lang: p
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("name")
                .to_string(),
            code: std::fs::read_to_string(p).expect("sample"),
        })
        .collect()
}

/// Fenced (```` ``` ````, `~~~`) and `{% highlight %}` blocks of every post under `root`.
fn corpus_samples(root: &Path) -> Vec<Sample> {
    let mut files = Vec::new();
    walk(root, &mut files);
    files.sort();
    let mut samples = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        samples.extend(code_blocks(&text));
    }
    samples
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() && !kind.is_symlink() {
            walk(&p, out);
        } else if kind.is_file()
            && p.to_string_lossy().contains("/_posts/")
            && p.extension().is_some_and(|e| e == "md" || e == "markdown")
        {
            out.push(p);
        }
    }
}

/// Whether a line closes the block being read.
type EndTest = Box<dyn Fn(&str) -> bool>;

/// The code blocks of one Markdown file that name a language.
fn code_blocks(text: &str) -> Vec<Sample> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        let fence: String = t.chars().take_while(|c| *c == '`' || *c == '~').collect();
        let highlight = t
            .strip_prefix("{% highlight ")
            .or_else(|| t.strip_prefix("{%highlight "));
        let (lang, end): (String, EndTest) = if fence.len() >= 3 {
            let lang = t[fence.len()..].split_whitespace().next().unwrap_or("");
            let f = fence.clone();
            (lang.to_string(), Box::new(move |l: &str| l.trim() == f))
        } else if let Some(rest) = highlight {
            let lang = rest.split_whitespace().next().unwrap_or("");
            (
                lang.to_string(),
                Box::new(|l: &str| l.contains("endhighlight")),
            )
        } else {
            continue;
        };
        let mut code = String::new();
        for l in lines.by_ref() {
            if end(l) {
                break;
            }
            code.push_str(l);
            code.push('\n');
        }
        let lang = lang.trim_start_matches('{').trim_start_matches('.');
        if !lang.is_empty() && !code.contains("{%") && !code.contains("{{") {
            out.push(Sample {
                lang: lang.to_lowercase(),
                code,
            });
        }
    }
    out
}

type RougeTokens = Vec<(String, String)>;

/// rouge's tokens for every sample (`None` where rouge does not know the language).
fn rouge_tokens(samples: &[Sample]) -> Vec<Option<RougeTokens>> {
    let input: Vec<_> = samples
        .iter()
        .map(|s| serde_json::json!({"lang": s.lang, "code": s.code}))
        .collect();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/rouge_tokens.rb");
    let mut child = Command::new("ruby")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("ruby (apt-get install ruby-rouge; scripts/deps.sh installs it)");
    let mut stdin = child.stdin.take().expect("stdin");
    let body = serde_json::to_vec(&input).expect("json");
    let writer = std::thread::spawn(move || stdin.write_all(&body));
    let out = child.wait_with_output().expect("rouge output");
    writer.join().expect("writer").expect("write samples");
    assert!(out.status.success(), "scripts/rouge_tokens.rb failed");
    serde_json::from_slice(&out.stdout).expect("rouge tokens as JSON")
}

/// (agreeing tokens, non-blank tokens) for one sample, and the tokens that differ.
fn agreement(code: &str, rouge: &RougeTokens, lang: &str) -> (usize, usize, Vec<String>) {
    let mut ours = vec![""; code.len()];
    if let Some(tokens) = highlight_tokens(lang, code) {
        let mut at = 0;
        for t in tokens {
            let end = (at + t.text.len()).min(code.len());
            ours[at..end].fill(t.class);
            at = end;
        }
    }
    let (mut agree, mut total, mut diffs) = (0, 0, Vec::new());
    let mut at = 0;
    for (class, text) in rouge {
        let range = at..(at + text.len()).min(code.len());
        at += text.len();
        if text.trim().is_empty() {
            continue;
        }
        total += 1;
        let same = text
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .all(|(i, _)| ours.get(range.start + i) == Some(&class.as_str()));
        if same {
            agree += 1;
        } else {
            let got: Vec<&str> = ours.get(range).unwrap_or_default().to_vec();
            let mut got = got;
            got.dedup();
            diffs.push(format!("{text:?}: rouge {class:?}, lanyard {got:?}"));
        }
    }
    (agree, total, diffs)
}

/// Agreement per language over `samples`, printed; returns language -> share, and the share
/// over all samples under the key `""`.
fn report(title: &str, samples: &[Sample]) -> BTreeMap<String, f64> {
    let rouge = rouge_tokens(samples);
    let debug = std::env::var("ROUGE_DEBUG").unwrap_or_default();
    let mut per_lang: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (s, r) in samples.iter().zip(&rouge) {
        let Some(r) = r else { continue };
        let (agree, total, diffs) = agreement(&s.code, r, &s.lang);
        let e = per_lang.entry(s.lang.clone()).or_default();
        e.0 += agree;
        e.1 += total;
        e.2 += 1;
        if debug == s.lang {
            for d in diffs {
                println!("  {d}");
            }
        }
    }
    let (mut all_agree, mut all_total) = (0, 0);
    println!("{title}: language, blocks, rouge tokens, agreement");
    let mut shares = BTreeMap::new();
    for (lang, (agree, total, blocks)) in &per_lang {
        let share = *agree as f64 / (*total).max(1) as f64;
        println!("  {lang:12} {blocks:5} {total:7} {:6.1}%", 100.0 * share);
        all_agree += agree;
        all_total += total;
        shares.insert(lang.clone(), share);
    }
    let all = all_agree as f64 / all_total.max(1) as f64;
    println!(
        "  {:12} {:5} {all_total:7} {:6.1}%",
        "all",
        samples.len(),
        100.0 * all
    );
    shares.insert(String::new(), all);
    shares
}

#[test]
fn samples_get_rouges_classes_nine_tokens_in_ten() {
    let shares = report("fixtures", &fixture_samples());
    assert!(
        shares[""] >= MIN_AGREEMENT,
        "{:.1}% overall",
        100.0 * shares[""]
    );
    let below: Vec<String> = shares
        .iter()
        .filter(|(l, s)| {
            let min = if STILL_MAPPED.0.contains(&l.as_str()) {
                STILL_MAPPED.1
            } else {
                MIN_PER_LANGUAGE
            };
            **s < min
        })
        .map(|(l, s)| format!("{l} {:.1}%", 100.0 * s))
        .collect();
    assert!(
        below.is_empty(),
        "languages under their minimum ({MIN_PER_LANGUAGE}, or {} for {:?}): {below:?}",
        STILL_MAPPED.1,
        STILL_MAPPED.0
    );
}

#[test]
fn corpus_code_blocks_get_rouges_classes_nine_tokens_in_ten() {
    let Some(root) = std::env::var_os("LANYARD_CORPUS") else {
        eprintln!("LANYARD_CORPUS not set: corpus agreement skipped");
        return;
    };
    let samples = corpus_samples(Path::new(&root));
    assert!(!samples.is_empty(), "no code block in the corpus");
    let shares = report("corpus", &samples);
    assert!(
        shares[""] >= MIN_AGREEMENT,
        "{:.1}% overall",
        100.0 * shares[""]
    );
}
