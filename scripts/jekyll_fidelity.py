#!/usr/bin/env python3
"""Compare `lanyard render` with what real Jekyll (4.3, kramdown) builds, post by post.

Usage:
    scripts/jekyll_fidelity.py BLOG_DIR --lanyard PATH/TO/lanyard [--min 0.95] [--verbose]
    scripts/jekyll_fidelity.py --corpus CORPUS_DIR --lanyard PATH/TO/lanyard [--jobs N]

The blog is copied to a temporary folder (nothing is written into BLOG_DIR) and neutralised
so that Jekyll builds offline with nothing but the posts: theme, plugins and remote theme are
dropped from the config, layouts are replaced by one that wraps `{{ content }}` in a marker,
pages, collections and stylesheets are left out, the blog's own `_includes/` and `_data/` are
kept. Includes a post names but the blog lacks get an empty stub, and Liquid tags from
plugins get an empty stub tag (Jekyll would otherwise refuse to build); Lanyard shows those as
`<span class="lanyard-liquid">` placeholders, which the comparison ignores.

For each built post, `LANYARD render POST --workspace BLOG_DIR` is compared with Jekyll's
content: the list of `href`s must be identical (after dropping, on both sides, the ones the
preview's sanitizer must remove: `sanitizer_drops`), the list of heading ids identical, and the
visible text (as a browser shows it: no script, style or hidden elements, block boundaries
separate words; whitespace collapsed) at least 99.5% similar (difflib ratio). A post also
fails when Lanyard's text shows Liquid markup (`{%`, `{{`) that Jekyll's does not, when
`lanyard render` fails, and when its code blocks carry less than 90% of rouge's token classes:
over all highlighted blocks of the post, each non-blank token rouge wrote (`<span class="k">`,
or plain text) must have the same class on every non-blank character in Lanyard's block
(`code_agreement`), and both sides must highlight the same number of blocks. Prints each
failing post and the totals; exits 1 when the share of fully matching posts is below --min, 2
when Jekyll cannot build or the arguments are wrong.

`--corpus DIR` checks every blog folder in DIR (the shared real-blog corpus, `LANYARD_CORPUS`)
against the bar of issue 16 instead (`corpus_verdict`): in every blog, every post's hrefs and
heading ids equal Jekyll's, at least 95% of its posts have at least 99.5% of their visible text
equal, no post shows raw Liquid, and no post fails to render; rouge's token classes are reported
but do not fail the corpus. Blogs are checked `--jobs` at a time; prints one line per blog and
the run time, and exits 1 when any blog misses the bar.
"""

import argparse
import difflib
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARKER_ID = "lanyard-fidelity-content"
LAYOUT = '<div id="%s" data-path="{{ page.path }}">\n{{ content }}\n</div>\n' % MARKER_ID
TEXT_THRESHOLD = 0.995
CODE_THRESHOLD = 0.9
# Tags Liquid 4 and Jekyll 4.3 know; anything else comes from a plugin.
KNOWN_TAGS = {
    "assign", "capture", "endcapture", "case", "when", "endcase", "comment", "endcomment",
    "cycle", "decrement", "increment", "for", "endfor", "break", "continue", "if", "elsif",
    "else", "endif", "unless", "endunless", "ifchanged", "endifchanged", "raw", "endraw",
    "tablerow", "endtablerow", "include", "include_relative", "render", "echo", "liquid",
    "highlight", "endhighlight", "link", "post_url",
}
DROPPED_CONFIG_KEYS = ("theme", "remote_theme", "plugins", "gems", "whitelist", "plugins_dir", "sass")
POST_NAME = re.compile(r"^\d{2,4}-\d{1,2}-\d{1,2}-.+\.(md|markdown|mkdown|mkdn|mkd|html)$")


# URL schemes the preview's sanitizer keeps: ammonia's default `url_schemes`, which
# src/render/sanitize.rs does not change. A URL with any other scheme (`javascript:`, `data:`,
# `vbscript:`, `file:`) loses its attribute there; relative URLs pass.
SANITIZER_SCHEMES = {
    "bitcoin", "ftp", "ftps", "geo", "http", "https", "im", "irc", "ircs", "magnet", "mailto",
    "mms", "mx", "news", "nntp", "openpgp4fpr", "sip", "sms", "smsto", "ssh", "tel", "url",
    "webcal", "wtai", "xmpp",
}


def sanitizer_drops(href):
    """True when the sanitizer must remove this href (the one rule for both sides): its scheme,
    read as a URL parser does (tabs and newlines removed, control characters and spaces trimmed),
    is not one the sanitizer allows."""
    url = re.sub(r"[\t\n\r]", "", href).strip("".join(chr(c) for c in range(0x21)))
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return scheme is not None and scheme.group(1).lower() not in SANITIZER_SCHEMES


class Extract(html.parser.HTMLParser):
    """Collects hrefs, heading ids and visible text of an HTML fragment, the text as a browser
    shows it: what it does not render is skipped, block boundaries separate words."""

    # Never rendered as text: scripts, styles, templates, `<noscript>` (scripting is on), an
    # iframe's content, the head.
    SKIP = {"script", "style", "template", "noscript", "iframe", "noembed",
            "noframes", "head", "title"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}
    # Tags that separate words (block and table boxes, line breaks, replaced elements); inline
    # tags (highlighting spans, em, a) do not.
    BLOCK = {"address", "article", "aside", "blockquote", "br", "caption", "center", "dd",
             "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
             "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
             "legend", "li", "listing", "main", "menu", "nav", "ol", "optgroup", "option", "p",
             "pre", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th",
             "thead", "tr", "ul", "xmp", "img", "iframe", "video", "audio", "canvas", "embed",
             "object", "input", "select", "textarea", "button"}

    def __init__(self, drop_placeholders):
        super().__init__(convert_charrefs=True)
        self.hrefs, self.ids, self.text = [], [], []
        self.stack = []  # (tag, hidden)
        self.drop_placeholders = drop_placeholders

    def hidden(self):
        return any(h for _, h in self.stack)

    @staticmethod
    def not_rendered(tag, attrs):
        """An element the browser does not show: a skipped tag, the `hidden` attribute, an
        inline `display: none`."""
        style = re.sub(r"\s+", "", (attrs.get("style") or "").lower())
        return tag in Extract.SKIP or "hidden" in attrs or "display:none" in style

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCK:
            self.text.append(" ")
        hidden = self.not_rendered(tag, attrs) or (
            self.drop_placeholders and tag == "span"
            and "lanyard-liquid" in (attrs.get("class") or "").split())
        if not self.hidden() and not hidden:
            href = attrs.get("href")
            if href is not None and not sanitizer_drops(href):
                self.hrefs.append(href)
            if re.fullmatch(r"h[1-6]", tag) and attrs.get("id"):
                self.ids.append(attrs["id"])
        if tag not in self.VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.BLOCK:
            self.text.append(" ")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.hidden():
            self.text.append(data)


def extract(fragment, drop_placeholders=False):
    parser = Extract(drop_placeholders)
    parser.feed(fragment)
    parser.close()
    parser.words = "".join(parser.text).split()
    return parser


class CodeTokens(html.parser.HTMLParser):
    """The (class, text) tokens of each highlighted code block (rouge's `<pre class="highlight">`
    or the `highlight` tag's `<figure class="highlight"><pre>`), line-number gutters left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.stack = []  # (tag, class)
        self.in_code = 0  # depth of the <pre> of the current block, 0 outside

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        parent_cls = self.stack[-1][1] if self.stack else ""
        if (tag == "pre" and not self.in_code and "lineno" not in cls.split()
                and ("highlight" in cls.split() or "highlight" in parent_cls.split())):
            self.blocks.append([])
            self.in_code = len(self.stack) + 1
        if tag not in Extract.VOID:
            self.stack.append((tag, cls))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if self.in_code and len(self.stack) < self.in_code:
            self.in_code = 0

    def handle_data(self, data):
        if not self.in_code:
            return
        spans = [c for t, c in self.stack[self.in_code:] if t == "span"]
        cls = spans[-1] if spans else ""
        block = self.blocks[-1]
        if block and block[-1][0] == cls:
            block[-1] = (cls, block[-1][1] + data)
        else:
            block.append((cls, data))


def code_blocks(fragment):
    parser = CodeTokens()
    parser.feed(fragment)
    parser.close()
    return parser.blocks


def code_agreement(jekyll_blocks, lanyard_blocks):
    """(agreeing, total) non-blank rouge tokens over all blocks: a token agrees when every
    non-blank character has rouge's class in Lanyard's block (same code text required)."""
    agree = total = 0
    for i, rouge in enumerate(jekyll_blocks):
        ours = lanyard_blocks[i] if i < len(lanyard_blocks) else []
        classes = [c for c, text in ours for _ in text]
        same_text = "".join(t for _, t in rouge) == "".join(t for _, t in ours)
        at = 0
        for cls, text in rouge:
            if text.strip():
                total += 1
                agree += same_text and all(
                    classes[at + k] == cls for k, ch in enumerate(text) if not ch.isspace())
            at += len(text)
    return agree, total


def strip_config(text):
    """Drops the theme and plugin keys (and their indented or listed values)."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        top = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if top:
            skipping = top.group(1) in DROPPED_CONFIG_KEYS
        elif skipping and (line.startswith((" ", "\t", "-")) or not line.strip()):
            continue
        else:
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out)


def find_posts(root):
    """Post files under every `_posts` folder Jekyll reads (not under `_`/`.` folders)."""
    posts = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        parts = [] if rel == "." else rel.split(os.sep)
        if "_posts" not in parts:
            dirnames[:] = [d for d in dirnames if d == "_posts" or not d.startswith(("_", "."))]
            continue
        posts.extend(os.path.join(dirpath, f) for f in filenames if POST_NAME.match(f))
    return sorted(posts)


def with_marker_layout(text):
    """The post with `layout: lanyard_fidelity` as its last front matter key (the last of
    duplicate keys wins in Ruby's YAML), so that every post is wrapped in the marker."""
    match = re.match(r"(---[ \t]*\r?\n)(.*?)(^(?:---|\.\.\.)[ \t]*$)", text, re.S | re.M)
    if not match:
        return "---\nlayout: lanyard_fidelity\n---\n" + text
    head, yaml, fence = match.group(1), match.group(2), match.group(3)
    return head + yaml + "layout: lanyard_fidelity\n" + fence + text[match.end():]


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def prepare_copy(blog, work, posts):
    """Builds the neutralised copy of the blog in `work`; returns the stubs it had to add."""
    for name in ("_config.yml", "_config.yaml"):
        if os.path.isfile(os.path.join(blog, name)):
            with open(os.path.join(work, "_config.yml"), "w", encoding="utf-8") as f:
                f.write(strip_config(read(os.path.join(blog, name))))
            break
    for folder in ("_includes", "_data"):
        if os.path.isdir(os.path.join(blog, folder)):
            shutil.copytree(os.path.join(blog, folder), os.path.join(work, folder))
    for post in posts:
        dest = os.path.join(work, os.path.relpath(post, blog))
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "w", encoding="utf-8") as f:
            f.write(with_marker_layout(read(post)))
    sources = [read(p) for p in posts]
    includes_dir = os.path.join(work, "_includes")
    if os.path.isdir(includes_dir):
        for dirpath, _, files in os.walk(includes_dir):
            sources.extend(read(os.path.join(dirpath, f)) for f in files)
    layouts = {"default", "post", "page", "home", "lanyard_fidelity"}
    config_path = os.path.join(work, "_config.yml")
    config_text = read(config_path) if os.path.isfile(config_path) else ""
    for text in sources + [config_text]:
        layouts.update(re.findall(r"^\s*layout:\s*['\"]?([\w./-]+)", text, re.M))
    os.makedirs(os.path.join(work, "_layouts"))
    for name in layouts:
        path = os.path.join(work, "_layouts", name + ".html")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(LAYOUT)
    stubs = []
    for text in sources:
        text = re.sub(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", "", text, flags=re.S)
        for name in re.findall(r"\{%-?\s*include\s+([\w./-]+)", text):
            path = os.path.join(includes_dir, name)
            if not os.path.exists(path):
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "w").close()
                stubs.append("include " + name)
    tags = set()
    for text in sources:
        text = re.sub(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", "", text, flags=re.S)
        tags.update(re.findall(r"\{%-?\s*(\w+)", text))
    unknown = sorted(t for t in tags if t not in KNOWN_TAGS and not t.startswith("end"))
    if unknown:
        os.makedirs(os.path.join(work, "_plugins"))
        lines = []
        for tag in unknown:
            is_block = "end" + tag in tags
            base = "Liquid::Block" if is_block else "Liquid::Tag"
            lines.append("class LanyardStub_%s < %s; def render(_c) = ''; end" % (tag, base))
            lines.append("Liquid::Template.register_tag(%r, LanyardStub_%s)" % (tag, tag))
            stubs.append("tag " + tag)
        with open(os.path.join(work, "_plugins", "lanyard_stubs.rb"), "w") as f:
            f.write("\n".join(lines) + "\n")
    return stubs


def jekyll_contents(work):
    """Builds the copy; returns {post path relative to the blog: content HTML}."""
    dest = os.path.join(work, "_site")
    proc = subprocess.run(
        ["jekyll", "build", "--source", work, "--destination", dest, "--quiet"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "JEKYLL_ENV": "production"})
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr + proc.stdout)
        raise SystemExit("jekyll build failed (exit %d)" % proc.returncode)
    found = {}
    pattern = re.compile(r'<div id="%s" data-path="([^"]*)">\n(.*)\n</div>' % MARKER_ID, re.S)
    for dirpath, _, files in os.walk(dest):
        for f in files:
            if f.endswith((".html", ".htm")) or "." not in f:
                match = pattern.search(read(os.path.join(dirpath, f)))
                if match:
                    found[html.unescape(match.group(1))] = match.group(2)
    return found


def compare(post, jekyll_html, lanyard_html):
    """Returns the list of reasons the post does not match (empty when it does)."""
    j, l = extract(jekyll_html), extract(lanyard_html, drop_placeholders=True)
    reasons = []
    if j.hrefs != l.hrefs:
        diff = next((i for i, (a, b) in enumerate(zip(j.hrefs, l.hrefs)) if a != b),
                    min(len(j.hrefs), len(l.hrefs)))
        reasons.append("hrefs differ at #%d: jekyll %r, lanyard %r (%d vs %d)" % (
            diff, j.hrefs[diff:diff + 1], l.hrefs[diff:diff + 1], len(j.hrefs), len(l.hrefs)))
    if j.ids != l.ids:
        reasons.append("heading ids differ: jekyll %s, lanyard %s" % (
            [x for x in j.ids if x not in l.ids][:3], [x for x in l.ids if x not in j.ids][:3]))
    ratio = difflib.SequenceMatcher(None, j.words, l.words, autojunk=False).ratio() \
        if j.words != l.words else 1.0
    if ratio < TEXT_THRESHOLD:
        reasons.append("text ratio %.4f" % ratio)
    jt, lt = " ".join(j.words), " ".join(l.words)
    if lt.count("{%") + lt.count("{{") > jt.count("{%") + jt.count("{{"):
        reasons.append("raw Liquid in visible text")
    jekyll_code, lanyard_code = code_blocks(jekyll_html), code_blocks(lanyard_html)
    agree, total = code_agreement(jekyll_code, lanyard_code)
    if len(jekyll_code) != len(lanyard_code):
        # Blocks are matched by position: one highlighted on one side only shifts the rest.
        reasons.append("code blocks highlighted: jekyll %d, lanyard %d" % (
            len(jekyll_code), len(lanyard_code)))
    elif total and agree / total < CODE_THRESHOLD:
        reasons.append("code classes %.1f%% of rouge's (%d of %d tokens)" % (
            100 * agree / total, agree, total))
    return reasons, ratio


def render(lanyard, post, blog):
    """`lanyard render` of one post: (exit code, stdout, stderr)."""
    try:
        proc = subprocess.run([lanyard, "render", post, "--workspace", blog],
                              capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return -1, "", "timed out after 120 s"
    return proc.returncode, proc.stdout, proc.stderr


def check_blog(blog, lanyard, jobs=1):
    """Builds the blog with Jekyll and compares every post Jekyll built with `lanyard render`,
    `jobs` renders at a time (the posts Jekyll left out are rendered too, and must not fail). Returns (counts, stubs, lines): the number of posts passing each
    check (`render_failed`, `raw_liquid` and `text_failed` count failures), the stubs Jekyll
    needed, and one line per post (`ok`, `FAIL` or `SKIP`)."""
    from concurrent.futures import ThreadPoolExecutor
    posts = find_posts(blog)
    counts = {"posts": 0, "hrefs": 0, "ids": 0, "text": 0, "code": 0, "all": 0, "raw_liquid": 0,
              "render_failed": 0}
    lines = []
    with tempfile.TemporaryDirectory(prefix="lanyard-fidelity-") as work:
        stubs = prepare_copy(blog, work, posts)
        built = jekyll_contents(work)
    rels = [os.path.relpath(p, blog) for p in posts]
    # Posts Jekyll leaves out (future, unpublished) are rendered too: none may fail.
    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        rendered = dict(zip(rels, pool.map(lambda p: render(lanyard, p, blog), posts)))
    for rel in rels:
        code, out, err = rendered[rel]
        # 0: rendered; 1: rendered, with problems listed on stderr (a plugin tag, a missing image).
        if code not in (0, 1):
            counts["render_failed"] += 1
            counts["posts"] += rel in built
            lines.append("FAIL %s: lanyard render exited %d: %s" % (rel, code, err.strip()[:200]))
            continue
        if rel not in built:
            lines.append("SKIP %s (not built by Jekyll: unpublished or future)" % rel)
            continue
        counts["posts"] += 1
        reasons, _ = compare(rel, built[rel], out)
        counts["hrefs"] += not any(r.startswith("hrefs") for r in reasons)
        counts["ids"] += not any(r.startswith("heading") for r in reasons)
        counts["text"] += not any(r.startswith("text") for r in reasons)
        counts["code"] += not any(r.startswith("code") for r in reasons)
        counts["raw_liquid"] += any(r.startswith("raw") for r in reasons)
        counts["all"] += not reasons
        lines.append(("FAIL %s: %s" % (rel, "; ".join(reasons))) if reasons else "ok   %s" % rel)
    return counts, stubs, lines


def summary(name, counts, stubs):
    n = max(counts["posts"], 1)
    return ("%s: %d posts compared; hrefs %.1f%%, ids %.1f%%, text %.1f%%, code %.1f%%, all %.1f%%; "
            "raw Liquid in %d; render failed %d; stubs: %s" % (
                name, counts["posts"], 100 * counts["hrefs"] / n, 100 * counts["ids"] / n,
                100 * counts["text"] / n, 100 * counts["code"] / n, 100 * counts["all"] / n,
                counts["raw_liquid"], counts["render_failed"], ", ".join(stubs) or "none"))


CORPUS_TEXT_SHARE = 0.95


def corpus_verdict(counts):
    """Issue 16's bar for one real blog: the list of ways it misses it (empty when it holds).
    Posts that fail to render count against hrefs, ids and text too."""
    n = counts["posts"]
    missed = []
    if n == 0:
        return ["no post compared"]
    if counts["render_failed"]:
        missed.append("%d posts fail to render" % counts["render_failed"])
    if counts["hrefs"] < n:
        missed.append("hrefs differ in %d posts" % (n - counts["hrefs"]))
    if counts["ids"] < n:
        missed.append("heading ids differ in %d posts" % (n - counts["ids"]))
    if counts["text"] < CORPUS_TEXT_SHARE * n:
        missed.append("text matches in %.1f%% of posts (< %.0f%%)" % (
            100 * counts["text"] / n, 100 * CORPUS_TEXT_SHARE))
    if counts["raw_liquid"]:
        missed.append("raw Liquid in %d posts" % counts["raw_liquid"])
    return missed


def corpus_blogs(root):
    """The blog folders of a corpus folder: each folder in it holding a `_posts` folder."""
    return sorted(os.path.join(root, d) for d in os.listdir(root)
                  if not d.startswith(".") and os.path.isdir(os.path.join(root, d, "_posts")))


def run_corpus(root, lanyard, jobs, verbose):
    """Checks every blog of the corpus against `corpus_verdict`; returns the exit code."""
    import time
    from concurrent.futures import ThreadPoolExecutor
    blogs = corpus_blogs(root)
    if not blogs:
        raise SystemExit("%s holds no blog (no folder with a _posts folder)" % root)
    started = time.monotonic()

    def one(blog):
        t0 = time.monotonic()
        try:
            return blog, check_blog(blog, lanyard, jobs=1), None, time.monotonic() - t0
        except SystemExit as e:  # Jekyll could not build it
            return blog, None, str(e), time.monotonic() - t0

    failed = 0
    with ThreadPoolExecutor(max_workers=max(jobs, 1)) as pool:
        for blog, result, error, seconds in pool.map(one, blogs):
            name = os.path.basename(blog)
            if result is None:
                failed += 1
                print("MISS %s: %s (%.0f s)" % (name, error, seconds))
                continue
            counts, stubs, lines = result
            for line in lines:
                if verbose or not line.startswith(("ok", "SKIP")):
                    print("  %s: %s" % (name, line))
            missed = corpus_verdict(counts)
            failed += bool(missed)
            print("%s %s (%.0f s)%s" % ("MISS" if missed else "ok  ", summary(name, counts, stubs),
                                         seconds, "; " + "; ".join(missed) if missed else ""))
    print("corpus %s: %d blogs, %d miss the bar; %.0f s with %d jobs" % (
        root, len(blogs), failed, time.monotonic() - started, jobs))
    return 1 if failed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("blog", nargs="?", help="the blog folder (read only)")
    ap.add_argument("--corpus", help="a folder of blogs, checked against the corpus bar")
    ap.add_argument("--lanyard", required=True, help="the lanyard binary")
    ap.add_argument("--min", type=float, default=0.95, help="share of posts that must match")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="blogs (with --corpus) or renders checked at a time")
    ap.add_argument("--verbose", action="store_true", help="list matching posts too")
    args = ap.parse_args()
    if shutil.which("jekyll") is None:
        ap.error("jekyll is not installed (apt-get install jekyll ruby-kramdown-parser-gfm)")
    if not os.access(args.lanyard, os.X_OK):
        ap.error("%s is not an executable lanyard binary (cargo build --bin lanyard)" % args.lanyard)
    if args.corpus:
        if args.blog or not os.path.isdir(args.corpus):
            ap.error("--corpus takes a folder of blogs, and no BLOG_DIR")
        return run_corpus(os.path.abspath(args.corpus), args.lanyard, args.jobs, args.verbose)
    if not args.blog or not os.path.isdir(args.blog):
        ap.error("%s is not a folder" % args.blog)
    blog = os.path.abspath(args.blog)
    counts, stubs, lines = check_blog(blog, args.lanyard, args.jobs)
    for line in lines:
        if args.verbose or not line.startswith(("ok", "SKIP")):
            print(line)
    print(summary(os.path.basename(blog), counts, stubs))
    share = counts["all"] / max(counts["posts"], 1)
    return 0 if share >= args.min and counts["posts"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
