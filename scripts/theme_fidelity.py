#!/usr/bin/env python3
"""Compare `lanyard render --page` and `lanyard sass` with what real Jekyll (4.3) writes.

Usage:
    scripts/theme_fidelity.py BLOG_DIR --lanyard PATH/TO/lanyard [--min 1.0] [--sass PAGE]...
        [--page PAGE[=OUT]]... [--verbose]

The blog is copied to a temporary folder (nothing is written into BLOG_DIR) and built by
Jekyll with its own theme, layouts and plugins (Debian's jekyll-theme-minima,
ruby-jekyll-seo-tag, ruby-jekyll-feed, ruby-jekyll-sitemap, ruby-jekyll-paginate); a small
plugin added to the copy writes where each post went. For every built post,
`LANYARD render --page POST --workspace BLOG_DIR` must give the same <title>, the same
stylesheet links, the same list of hrefs (head and body), and visible text at least 99.5%
similar (words, whitespace collapsed; scripts and styles ignored). Every `--page PAGE`
(site-relative, e.g. index.html, a paginated home page: jekyll-paginate's `paginator`) is
compared the same way with the file Jekyll wrote for it (OUT, site-relative in _site; by
default PAGE with .md made .html); each must match. For every `--sass PAGE`
(site-relative, e.g. assets/main.scss), `LANYARD sass PAGE` must give the same CSS rules:
every (at-rule, selector, declaration) of Jekyll's CSS, after normalising number and quote
spelling, must be in Lanyard's and the other way round, at least --css-min of them (0.99).

Prints each failing page and the totals; exits 1 when the share of fully matching posts is
below --min or a stylesheet is below --css-min, 2 when Jekyll cannot build.
"""

import argparse
import collections
import difflib
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from jekyll_fidelity import extract, TEXT_THRESHOLD  # noqa: E402

MAP_PLUGIN = """
require "json"
Jekyll::Hooks.register :site, :post_write do |site|
  map = site.posts.docs.map { |d| [d.relative_path, d.destination(site.dest)] }.to_h
  File.write(File.join(site.source, "..", "lanyard-post-map.json"), JSON.generate(map))
end
"""


class Head(html.parser.HTMLParser):
    """The <title> text and the stylesheet hrefs of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.in_title, self.stylesheets = [], False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.stylesheets.append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)


def head_of(page):
    h = Head()
    h.feed(page)
    h.close()
    return " ".join("".join(h.title).split()), h.stylesheets


def compare_page(jekyll_page, lanyard_page):
    reasons = []
    (jt, js), (lt, ls) = head_of(jekyll_page), head_of(lanyard_page)
    if jt != lt:
        reasons.append("title: jekyll %r, lanyard %r" % (jt, lt))
    if js != ls:
        reasons.append("stylesheets: jekyll %r, lanyard %r" % (js, ls))
    j, l = extract(jekyll_page), extract(lanyard_page, drop_placeholders=True)
    if j.hrefs != l.hrefs:
        missing = [h for h in j.hrefs if h not in l.hrefs][:3]
        extra = [h for h in l.hrefs if h not in j.hrefs][:3]
        reasons.append("hrefs differ (%d vs %d): missing %r, extra %r" % (
            len(j.hrefs), len(l.hrefs), missing, extra))
    ratio = 1.0 if j.words == l.words else difflib.SequenceMatcher(
        None, j.words, l.words, autojunk=False).ratio()
    if ratio < TEXT_THRESHOLD:
        sm = difflib.SequenceMatcher(None, j.words, l.words, autojunk=False)
        diffs = [(op, " ".join(j.words[a:b]), " ".join(l.words[c:d]))
                 for op, a, b, c, d in sm.get_opcodes() if op != "equal"][:3]
        reasons.append("text ratio %.4f: %r" % (ratio, diffs))
    return reasons


def normalise_value(v):
    # "\2014 \00a0" and "— " are the same string (libsass keeps escapes, dart-sass writes them out).
    v = re.sub(r"\\([0-9a-fA-F]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), v)
    v = " ".join(v.split())
    v = v.replace("'", '"')
    v = re.sub(r"(?<![\w.])0+\.(\d)", r".\1", v)  # 0.25em -> .25em
    v = re.sub(r"\s*([,/()])\s*", r"\1", v)
    return v.lower()


def css_rules(css):
    """(context, selector, declaration) triples, comments and @charset dropped."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@charset[^;]*;", "", css)
    out, stack, buf = collections.Counter(), [], ""
    for ch in css:
        if ch == "{":
            stack.append(" ".join(buf.split()))
            buf = ""
        elif ch == "}":
            decls = buf
            buf = ""
            if not stack:
                continue
            selector = stack.pop()
            if selector.startswith("@"):
                continue
            sel = ",".join(s.strip() for s in selector.split(","))
            # [for="x"] and [for=x] are the same selector (libsass keeps quotes, dart-sass drops them).
            sel = re.sub(r"\[([\w-]+)([~|^$*]?=)[\"']([\w-]+)[\"']\]", r"[\1\2\3]", sel)
            context = " ".join(stack)
            for decl in decls.split(";"):
                if ":" in decl:
                    prop, _, value = decl.partition(":")
                    out[(context, sel, prop.strip().lower(), normalise_value(value))] += 1
        else:
            buf += ch
    return out


def compare_css(jekyll_css, lanyard_css):
    j, l = css_rules(jekyll_css), css_rules(lanyard_css)
    common = sum((j & l).values())
    total = max(sum(j.values()), sum(l.values()), 1)
    missing = list((j - l).elements())[:3]
    extra = list((l - j).elements())[:3]
    return common / total, sum(j.values()), missing, extra


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("blog")
    ap.add_argument("--lanyard", required=True)
    ap.add_argument("--min", type=float, default=1.0, help="share of posts that must match")
    ap.add_argument("--css-min", type=float, default=0.99, help="share of CSS rules that must match")
    ap.add_argument("--sass", action="append", default=[], help="a Sass page to compare")
    ap.add_argument("--page", action="append", default=[], help="a page to compare (PAGE[=OUT])")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    blog = os.path.abspath(args.blog)
    if shutil.which("jekyll") is None:
        ap.error("jekyll is not installed (scripts/deps.sh installs it)")
    failed = False
    with tempfile.TemporaryDirectory(prefix="lanyard-theme-") as tmp:
        src, dest = os.path.join(tmp, "site"), os.path.join(tmp, "_site")
        shutil.copytree(blog, src, ignore=shutil.ignore_patterns(".git", "_site", ".jekyll-cache"))
        os.makedirs(os.path.join(src, "_plugins"), exist_ok=True)
        with open(os.path.join(src, "_plugins", "lanyard_post_map.rb"), "w") as f:
            f.write(MAP_PLUGIN)
        proc = subprocess.run(["jekyll", "build", "--source", src, "--destination", dest, "--quiet"],
                              capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr + proc.stdout)
            print("jekyll build failed (exit %d)" % proc.returncode)
            return 2
        with open(os.path.join(tmp, "lanyard-post-map.json")) as f:
            post_map = json.load(f)
        matched = compared = 0
        for rel, out in sorted(post_map.items()):
            post = os.path.join(blog, rel)
            proc = subprocess.run([args.lanyard, "render", "--page", post, "--workspace", blog],
                                  capture_output=True, text=True, timeout=120)
            compared += 1
            if proc.returncode != 0:
                print("FAIL %s: lanyard render --page exited %d: %s" % (
                    rel, proc.returncode, proc.stderr.strip()[:300]))
                continue
            with open(out, encoding="utf-8") as f:
                reasons = compare_page(f.read(), proc.stdout)
            if reasons:
                print("FAIL %s: %s" % (rel, "; ".join(reasons)))
            else:
                matched += 1
                if args.verbose:
                    print("ok   %s" % rel)
        for spec in args.page:
            page, _, out = spec.partition("=")
            out = os.path.join(dest, out or re.sub(r"\.(md|markdown)$", ".html", page))
            proc = subprocess.run([args.lanyard, "render", "--page", os.path.join(blog, page),
                                   "--workspace", blog], capture_output=True, text=True, timeout=120)
            if proc.returncode != 0 or not os.path.isfile(out):
                print("FAIL page %s: lanyard exit %d %s; jekyll wrote it: %s" % (
                    page, proc.returncode, proc.stderr.strip()[:300], os.path.isfile(out)))
                failed = True
                continue
            with open(out, encoding="utf-8") as f:
                reasons = compare_page(f.read(), proc.stdout)
            failed |= bool(reasons)
            print("%s page %s: %s" % ("FAIL" if reasons else "ok  ", page,
                                      "; ".join(reasons) or "title, stylesheets, hrefs, text"))
        share = matched / max(compared, 1)
        print("%s: %d pages compared, %d match (%.1f%%): title, stylesheets, hrefs, text" % (
            os.path.basename(blog), compared, matched, 100 * share))
        failed |= compared == 0 or share < args.min
        for page in args.sass:
            css_out = os.path.join(dest, re.sub(r"\.s[ac]ss$", ".css", page))
            proc = subprocess.run([args.lanyard, "sass", page, "--workspace", blog],
                                  capture_output=True, text=True, timeout=120)
            if proc.returncode != 0 or not os.path.isfile(css_out):
                print("FAIL sass %s: lanyard exit %d %s; jekyll wrote it: %s" % (
                    page, proc.returncode, proc.stderr.strip()[:300], os.path.isfile(css_out)))
                failed = True
                continue
            with open(css_out, encoding="utf-8") as f:
                ratio, n, missing, extra = compare_css(f.read(), proc.stdout)
            ok = ratio >= args.css_min
            failed |= not ok
            print("%s sass %s: %d declarations, %.2f%% shared%s" % (
                "ok  " if ok else "FAIL", page, n, 100 * ratio,
                "" if ok else "; missing %r; extra %r" % (missing, extra)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
