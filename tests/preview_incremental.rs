//! The incremental preview renders what a whole render renders. For every post of the fixture
//! blogs (and of the real-blog corpus when `LANYARD_CORPUS` is set), and after every edit of a
//! pseudo-random sequence (seeded, so a failure replays), the blocks a preview gets by
//! applying the patches in order, with their lines, give exactly the HTML, problems and images
//! of `render_source` on the whole text.

mod corpus_support;

use std::path::{Path, PathBuf};

use lanyard::preview::{PreviewDocument, PreviewPatch, TextChange};
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
    let Ok(mut text) = std::fs::read_to_string(path) else {
        return None;
    };
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
    doc.apply(
        0,
        1,
        &[TextChange {
            from: end,
            to: end,
            insert: "\n\nNew paragraph".into(),
        }],
    )
    .expect("applies");
    let second = ws
        .render_preview(&post.path, &mut doc, &OPTIONS, Some(first.generation))
        .expect("renders");
    assert!(!second.reset);
    assert!(second.remove.len() <= 1, "{:?}", second.remove);
    // The last block (now followed by a blank line) and the new paragraph.
    assert!(second.insert.len() <= 2, "{:?}", second.insert);
    let at = end + "\n\nNew paragraph".encode_utf16().count();
    doc.apply(
        1,
        2,
        &[TextChange {
            from: at,
            to: at,
            insert: "s".into(),
        }],
    )
    .expect("applies");
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
