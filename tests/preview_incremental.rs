//! The incremental preview renders what a whole render renders. For every post of the fixture
//! blogs (and of the real-blog corpus when `LANYARD_CORPUS` is set), and after every edit of a
//! pseudo-random sequence (seeded, so a failure replays), the blocks a preview gets by
//! applying the patches in order, with their lines, give exactly the HTML, problems and images
//! of `render_source` on the whole text.

mod corpus_support;

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use lanyard::preview::{PreviewDocument, PreviewPatch, TextChange, WholeReason};
use lanyard::render::RenderOptions;
use lanyard::site::Workspace;

const OPTIONS: RenderOptions = RenderOptions {
    source_lines: true,
    asset_urls: true,
};

/// What typing inserts: text, Markdown and Liquid that opens and closes constructs.
const INSERTS: [&str; 24] = [
    "a",
    "é",
    " ",
    "\n",
    "\n\n",
    "# ",
    "`",
    "- ",
    "* ",
    "<div>",
    "</div>",
    "{",
    "}",
    "[x]",
    "]",
    "$$",
    "😀",
    "```\n",
    "{% if true %}",
    "{% endif %}",
    "> ",
    "1. ",
    "<!--",
    "-->",
];

/// The preview's side: blocks by id, in order, each with its first line.
#[derive(Default)]
struct Shown {
    blocks: Vec<(u64, usize, String)>,
    generation: Option<u64>,
}

impl Shown {
    /// Applies `patch` as the UI does (ui/src/lib/preview/blocks.ts).
    fn apply(&mut self, patch: &PreviewPatch) {
        if patch.reset {
            self.blocks.clear();
        }
        self.blocks.retain(|(id, _, _)| !patch.remove.contains(id));
        let at = match patch.before {
            Some(before) => self
                .blocks
                .iter()
                .position(|(id, _, _)| *id == before)
                .expect("the anchor block is shown"),
            None => self.blocks.len(),
        };
        for (_, line, _) in &mut self.blocks[at..] {
            *line = usize::try_from(*line as i64 + patch.shift).expect("a line");
        }
        let inserted = patch.insert.iter().map(|b| (b.id, b.line, b.html.clone()));
        self.blocks.splice(at..at, inserted);
        for block in &patch.update {
            let shown = self
                .blocks
                .iter_mut()
                .find(|(id, _, _)| *id == block.id)
                .expect("the updated block is shown");
            *shown = (block.id, block.line, block.html.clone());
        }
        self.generation = Some(patch.generation);
    }

    /// The HTML with file lines, as scroll sync reads it.
    fn html(&self) -> String {
        self.blocks
            .iter()
            .map(|(_, line, html)| shift(html, *line))
            .collect()
    }
}

/// `data-line="N"` of a block starting at `line` made a file line.
fn shift(html: &str, line: usize) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(" data-line=\"") {
        let start = at + " data-line=\"".len();
        out.push_str(&rest[..start]);
        let digits = rest[start..].bytes().take_while(u8::is_ascii_digit).count();
        let n: usize = rest[start..start + digits].parse().expect("a number");
        out.push_str(&(line + n - 1).to_string());
        rest = &rest[start + digits..];
    }
    out.push_str(rest);
    out
}

/// A small seeded generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// UTF-16 offset of char index `chars` in `text`.
fn units(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}

/// A random edit of `text`: an insert or a short delete, in the body.
fn random_edit(rng: &mut Rng, text: &str) -> (TextChange, String) {
    let count = text.chars().count();
    let body_start = lanyard::front_matter::split_front_matter(text).body_start;
    let first = text[..body_start].chars().count();
    let at = first + rng.below(count - first + 1);
    let (to, insert) = if rng.below(3) == 0 {
        ((at + 1 + rng.below(5)).min(count), String::new())
    } else {
        (at, INSERTS[rng.below(INSERTS.len())].to_string())
    };
    let change = TextChange {
        from: units(text, at),
        to: units(text, to),
        insert: insert.clone(),
    };
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let mut next = text.to_string();
    next.replace_range(byte(at)..byte(to), &insert);
    (change, next)
}

/// Checks `path` of `ws`, after `edits` random edits; returns a failure description.
fn check_post(ws: &Workspace, path: &Path, edits: usize, seed: u64) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    check_text(ws, path, text, edits, seed)
}

/// Checks `text` as the text of `path` of `ws`, after `edits` random edits.
fn check_text(
    ws: &Workspace,
    path: &Path,
    mut text: String,
    edits: usize,
    seed: u64,
) -> Option<String> {
    let mut doc = PreviewDocument::new(path, text.clone(), 0);
    let mut shown = Shown::default();
    let mut rng = Rng(seed | 1);
    for step in 0..=edits {
        if step > 0 {
            let (change, next) = random_edit(&mut rng, &text);
            doc.apply(step as u64 - 1, step as u64, &[change])
                .expect("the change applies");
            text = next;
            assert_eq!(
                doc.text(),
                text,
                "{}: the text after edit {step}",
                path.display()
            );
        }
        let whole = ws.render_text_with(path, &text, &OPTIONS);
        let patch = ws.render_preview(path, &mut doc, &OPTIONS, shown.generation);
        let (whole, patch) = match (whole, patch) {
            (Ok(w), Ok(p)) => (w, p),
            (Err(_), Err(_)) => continue,
            (w, p) => return Some(format!("{}: step {step}: {w:?} vs {p:?}", path.display())),
        };
        shown.apply(&patch);
        if shown.html() != whole.html || doc.assembled_html() != whole.html {
            return Some(format!(
                "{}: after {step} edits (seed {seed}) the incremental HTML differs\n--- text\n{text}\n--- whole\n{}\n--- incremental\n{}",
                path.display(),
                whole.html,
                shown.html()
            ));
        }
        if patch.problems != whole.problems || patch.images != whole.images {
            return Some(format!(
                "{}: after {step} edits (seed {seed}) problems or images differ: {:?} vs {:?}",
                path.display(),
                patch.problems,
                whole.problems
            ));
        }
    }
    None
}

fn check_blogs(blogs: &[PathBuf], edits: usize) -> usize {
    let mut failures = Vec::new();
    let mut checked = 0;
    for blog in blogs {
        let Ok(ws) = Workspace::open(blog) else {
            continue;
        };
        for (i, post) in ws.posts().iter().enumerate() {
            checked += 1;
            if let Some(f) = check_post(&ws, &post.path, edits, 7919 * (i as u64 + 1)) {
                failures.push(f);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} posts differ:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    checked
}

fn dirs_in(root: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    dirs.retain(|p| p.is_dir());
    dirs.sort();
    dirs
}

#[test]
fn fixture_posts_render_incrementally_as_whole_under_random_edits() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let checked = check_blogs(&dirs_in(&fixtures), 40);
    assert!(checked > 10, "only {checked} fixture posts found");
}

#[test]
fn corpus_posts_render_incrementally_as_whole_under_random_edits() {
    let Some(root) = corpus_support::corpus_root("the incremental preview test") else {
        return;
    };
    // Two edits a post: the corpus has about 460 posts, and CI runs this in a debug build.
    check_blogs(&dirs_in(&root), 2);
}

/// A keystroke in a paragraph of a day's post re-renders and sends only that paragraph's block.
#[test]
fn a_keystroke_sends_only_its_block() {
    let blog = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site-basic");
    let ws = Workspace::open(&blog).expect("the blog opens");
    let post = ws
        .posts()
        .iter()
        .find(|p| p.path.to_string_lossy().contains("jour-1"))
        .expect("a day post");
    let text = std::fs::read_to_string(&post.path).expect("reads");
    let mut doc = PreviewDocument::new(&post.path, text.clone(), 0);
    let first = ws
        .render_preview(&post.path, &mut doc, &OPTIONS, None)
        .expect("renders");
    assert!(first.insert.len() > 3, "the post is split into blocks");
    let end = text.encode_utf16().count();
    type_over(&mut doc, 0, end..end, "\n\nNew paragraph");
    let second = ws
        .render_preview(&post.path, &mut doc, &OPTIONS, Some(first.generation))
        .expect("renders");
    assert!(!second.reset);
    assert!(second.remove.len() <= 1, "{:?}", second.remove);
    // The last block (now followed by a blank line) and the new paragraph.
    assert!(second.insert.len() <= 2, "{:?}", second.insert);
    let at = end + "\n\nNew paragraph".encode_utf16().count();
    type_over(&mut doc, 1, at..at, "s");
    let third = ws
        .render_preview(&post.path, &mut doc, &OPTIONS, Some(second.generation))
        .expect("renders");
    assert_eq!(
        (third.remove.len(), third.insert.len()),
        (1, 1),
        "{third:?}"
    );
    assert!(third.insert[0].html.contains("New paragraphs"));
}

/// Applies one change to `doc` (version `version` to the next): `range` of UTF-16 units
/// replaced by `insert`, as the editor sends it.
fn type_over(doc: &mut PreviewDocument, version: u64, range: std::ops::Range<usize>, insert: &str) {
    let change = TextChange {
        from: range.start,
        to: range.end,
        insert: insert.into(),
    };
    doc.apply(version, version + 1, &[change])
        .expect("the change applies");
}

/// The site-basic fixture and the path of its day post, whose text the cases below replace.
fn day_post() -> (Workspace, PathBuf) {
    let blog = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/site-basic");
    let ws = Workspace::open(&blog).expect("the blog opens");
    let path = ws
        .posts()
        .iter()
        .find(|p| p.path.to_string_lossy().contains("jour-1"))
        .expect("a day post")
        .path
        .clone();
    (ws, path)
}

/// Posts whose headings repeat across segments: kramdown numbers generated ids over the whole
/// document, explicit ids are neither numbered nor counted.
const REPEATED_HEADINGS: [&str; 5] = [
    "---\ntitle: T\n---\n## ![](/assets/images/a.jpeg)\n\ntext\n\n#### ![](/assets/images/b.png)\n\n## ![](/assets/images/c.png)\n\nend\n",
    "---\ntitle: T\n---\n# Talks\n\n## Demo\n\nx\n\n## Demo\n\ny\n\n## Demo\n\n## Demo 1\n\n## Demo-1\n",
    "---\ntitle: T\n---\n## Intro {#demo}\n\n## Demo\n\n## Demo\n{: #demo-1}\n\n## Demo\n\n### demo\n",
    "---\ntitle: T\n---\n# A\n\n<h2 id=\"a\">raw</h2>\n\n# A\n\n# A\n",
    "---\ntitle: T\n---\n# A\n\n> # A\n\n- # A\n\n<div markdown=\"1\">\n# A\n</div>\n\n# A\n",
];

#[test]
fn repeated_heading_ids_render_incrementally_as_whole_under_random_edits() {
    let (ws, path) = day_post();
    for (i, text) in REPEATED_HEADINGS.iter().enumerate() {
        if let Some(f) = check_text(&ws, &path, text.to_string(), 60, 31 * (i as u64 + 1)) {
            panic!("case {i}: {f}");
        }
    }
}

/// The same image in raw HTML in several segments (found on the corpus: an emoji `<img>`
/// repeated through a post): each occurrence is a finding on its own line in the whole render
/// as in the segments, and an `<img>`'s src that is also in its srcset is one finding.
#[test]
fn repeated_html_images_are_found_alike_whole_and_by_segments() {
    let (ws, path) = day_post();
    let text = "---\ntitle: T\n---\nA <img src=\"/assets/gone.svg\"> here.\n\nB\n\n\
        <img src=\"/assets/gone.svg\" alt=\"again\">\n\n<picture><source srcset=\"/assets/w-800.webp 800w\">\
        <img src=\"/assets/w-800.jpg\" srcset=\"/assets/w-800.jpg 800w\"></picture>\n\nend\n";
    if let Some(f) = check_text(&ws, &path, text.to_string(), 40, 97) {
        panic!("{f}");
    }
    let rendered = ws.render_text_with(&path, text, &OPTIONS).expect("renders");
    let lines: Vec<(usize, String)> = rendered
        .problems
        .iter()
        .map(|p| (p.line, p.message.clone()))
        .collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0].0, 4, "{lines:?}");
    assert_eq!(lines[1].0, 8, "{lines:?}");
}

/// Adding a heading that repeats one below renumbers only the blocks whose ids change, and
/// removing it numbers them back; the text stays rendered by segments.
#[test]
fn a_repeated_heading_added_above_resends_only_the_renumbered_blocks() {
    let (ws, path) = day_post();
    let text =
        "---\ntitle: T\n---\nintro\n\n## Demo\n\none\n\n## Other\n\ntwo\n\n## Demo\n\nthree\n";
    let mut doc = PreviewDocument::new(&path, text.to_string(), 0);
    let mut shown = Shown::default();
    let first = ws
        .render_preview(&path, &mut doc, &OPTIONS, None)
        .expect("renders");
    shown.apply(&first);
    assert_eq!(doc.whole_reason(), None, "rendered by segments");
    assert!(shown.html().contains("id=\"demo-1\""));
    // "intro" becomes "## Demo\n\nintro": a heading above both others.
    let insert = "## Demo\n\n";
    type_over(&mut doc, 0, 17..17, insert);
    let second = ws
        .render_preview(&path, &mut doc, &OPTIONS, shown.generation)
        .expect("renders");
    shown.apply(&second);
    assert_eq!(doc.whole_reason(), None);
    let whole = ws
        .render_text_with(&path, doc.text(), &OPTIONS)
        .expect("renders");
    assert_eq!(shown.html(), whole.html);
    // The new heading is inserted and the two below are updated in place (`demo` to `demo-1`,
    // `demo-1` to `demo-2`); "intro", "one", "Other", "two" and "three" are not sent.
    assert_eq!(second.insert.len(), 1, "{second:#?}");
    assert!(second.remove.is_empty(), "{second:#?}");
    let updated: Vec<&str> = second.update.iter().map(|b| b.html.as_str()).collect();
    assert_eq!(updated.len(), 2, "{updated:#?}");
    assert!(updated[0].contains("id=\"demo-1\"") && updated[1].contains("id=\"demo-2\""));
    // Removed again: the two headings get their ids back, nothing else is sent.
    type_over(&mut doc, 1, 17..17 + insert.len(), "");
    let third = ws
        .render_preview(&path, &mut doc, &OPTIONS, shown.generation)
        .expect("renders");
    shown.apply(&third);
    assert_eq!(
        (third.remove.len(), third.insert.len(), third.update.len()),
        (1, 0, 2),
        "{third:#?}"
    );
    let whole = ws
        .render_text_with(&path, doc.text(), &OPTIONS)
        .expect("renders");
    assert_eq!(shown.html(), whole.html);
}

/// Why the posts of `blogs` render whole on their first render: posts counted, and the posts
/// of each reason.
fn whole_reasons(blogs: &[PathBuf]) -> (usize, BTreeMap<WholeReason, Vec<PathBuf>>) {
    let mut reasons: BTreeMap<WholeReason, Vec<PathBuf>> = BTreeMap::new();
    let mut posts = 0;
    // Rendered by segments with heading ids numbered over the document (whole before).
    let mut renumbered = 0;
    for blog in blogs {
        let Ok(ws) = Workspace::open(blog) else {
            continue;
        };
        for post in ws.posts() {
            let Ok(text) = std::fs::read_to_string(&post.path) else {
                continue;
            };
            let mut doc = PreviewDocument::new(&post.path, text, 0);
            if ws
                .render_preview(&post.path, &mut doc, &OPTIONS, None)
                .is_err()
            {
                continue;
            }
            posts += 1;
            if let Some(reason) = doc.whole_reason() {
                reasons.entry(reason).or_default().push(post.path.clone());
            } else if doc.renumbered_blocks() > 0 {
                renumbered += 1;
            }
        }
    }
    println!("{renumbered} posts rendered by segments have heading ids numbered over the document");
    (posts, reasons)
}

/// A table of `whole_reasons` for the test output (`--nocapture`) and BENCHMARKS.md.
fn report(name: &str, posts: usize, reasons: &BTreeMap<WholeReason, Vec<PathBuf>>) {
    let whole: usize = reasons
        .iter()
        .filter(|(r, _)| **r != WholeReason::OneSegment)
        .map(|(_, p)| p.len())
        .sum();
    println!("{name}: {whole} of {posts} posts render whole on a fallback");
    for (reason, paths) in reasons {
        println!("  {reason:?}: {}", paths.len());
    }
}

/// The fixture and demo posts render by segments unless they hold state a segment cannot
/// see; repeated heading ids are never a reason, and the demo's day posts (image-only
/// headings, whose empty generated ids repeat: "", `-1`) render by segments unless they
/// have footnotes.
#[test]
fn fixture_and_demo_posts_render_by_segments_unless_they_must_not() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (posts, reasons) = whole_reasons(&dirs_in(&root.join("tests/fixtures")));
    report("fixtures", posts, &reasons);
    assert!(
        !reasons.contains_key(&WholeReason::HeadingIds),
        "{reasons:?}"
    );
    let (demo_posts, demo) = whole_reasons(&[root.join("assets/demo-blog")]);
    report("demo", demo_posts, &demo);
    // Footnotes are numbered over the whole post: the day post that has one renders whole.
    let days_whole = demo
        .iter()
        .filter(|(reason, _)| **reason != WholeReason::Footnotes)
        .flat_map(|(_, paths)| paths)
        .filter(|p| p.to_string_lossy().contains("confnuage-j"))
        .count();
    assert!(demo_posts >= 3 && days_whole == 0, "{demo:?}");
}

#[test]
fn corpus_fallback_reasons() {
    let Some(root) = corpus_support::corpus_root("the preview fallback count") else {
        return;
    };
    let (posts, reasons) = whole_reasons(&dirs_in(&root));
    report("corpus", posts, &reasons);
    assert!(posts > 0);
}

/// A post long enough to be rendered in chunks of segments (over 32 KB): talks with headings
/// that repeat, lists, code, tables and Liquid.
fn long_post() -> String {
    let mut s = String::from("---\ntitle: T\n---\nIntro.\n\n");
    let mut talk = 0;
    while s.len() < 40 << 10 {
        talk += 1;
        s.push_str(&format!(
            "## Talk {}\n\nText of talk {talk}, with a [link](https://example.org/{talk}) and `code`.\n\n\
             - one\n- two\n\n```yaml\nname: t{talk}\n```\n\n| A | B |\n|---|---|\n| {talk} | x |\n\n\
             #### ![](/assets/images/t{talk}.png)\n\n{{{{ page.title }}}} {talk}\n\n",
            talk % 7
        ));
    }
    s
}

#[test]
fn a_long_post_renders_in_chunks_as_whole_under_random_edits() {
    let (ws, path) = day_post();
    if let Some(f) = check_text(&ws, &path, long_post(), 12, 4242) {
        panic!("{f}");
    }
}

/// The first render of a long post has far fewer blocks than segments, and a keystroke in
/// it renders and sends one chunk.
#[test]
fn a_keystroke_in_a_long_post_sends_one_chunk() {
    let (ws, path) = day_post();
    let text = long_post();
    let paragraphs = text.matches("\n\n").count();
    let mut doc = PreviewDocument::new(&path, text.clone(), 0);
    let first = ws
        .render_preview(&path, &mut doc, &OPTIONS, None)
        .expect("renders");
    assert_eq!(doc.whole_reason(), None);
    assert!(
        first.insert.len() > 3 && first.insert.len() * 10 < paragraphs,
        "{} blocks for {paragraphs} paragraphs",
        first.insert.len()
    );
    let at = text.find("Text of talk 100,").expect("talk 100") + 4;
    type_over(&mut doc, 0, at..at, "s");
    let second = ws
        .render_preview(&path, &mut doc, &OPTIONS, Some(first.generation))
        .expect("renders");
    assert_eq!(
        (second.remove.len(), second.insert.len()),
        (1, 1),
        "{second:#?}"
    );
    assert!(second.insert[0].html.contains("Texts of talk 100,"));
    assert!(second.insert[0].html.len() < 16 << 10);
}
