#!/usr/bin/env python3
"""Unit tests of the fidelity harness's rules (no Jekyll needed): which hrefs the sanitizer
rule drops, the visible text a browser would show, and the corpus bar.

    python3 scripts/test_jekyll_fidelity.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jekyll_fidelity as jf  # noqa: E402


class SanitizerRule(unittest.TestCase):
    def test_drops_schemes_the_sanitizer_removes(self):
        for href in ["javascript:alert(1)", " JaVa\nScRiPt:x", "data:text/html,x", "vbscript:x"]:
            self.assertTrue(jf.sanitizer_drops(href), href)

    def test_keeps_relative_and_allowed_urls(self):
        for href in ["/a:b", "#fn:1", "https://x.org", "mailto:a@b.org", "page.html", "?q=a:b"]:
            self.assertFalse(jf.sanitizer_drops(href), href)

    def test_applies_to_both_sides(self):
        jekyll = '<a href="javascript:void(0)">a</a><a href="/b">b</a>'
        lanyard = '<a>a</a><a href="/b">b</a>'
        reasons, _ = jf.compare("p.md", jekyll, lanyard)
        self.assertEqual(reasons, [])


class VisibleText(unittest.TestCase):
    def words(self, fragment):
        return jf.extract(fragment).words

    def test_skips_what_a_browser_does_not_show(self):
        self.assertEqual(
            self.words('<p>a<script>x()</script><style>p{}</style><span hidden>h</span>'
                       '<b style="display: none">n</b>b<iframe>f</iframe>c</p>'),
            ["ab", "c"])

    def test_block_boundaries_separate_words_and_inline_tags_do_not(self):
        self.assertEqual(self.words("<ul><li>a</li><li>b</li></ul>x<br>y<em>z</em>"),
                         ["a", "b", "x", "yz"])
        self.assertEqual(self.words("<table><tr><td>1</td><td>2</td></tr></table>"), ["1", "2"])

    def test_placeholders_are_dropped_on_lanyard_side_only(self):
        html = '<p>a <span class="lanyard-liquid">{% x %}</span> b</p>'
        self.assertEqual(jf.extract(html, drop_placeholders=True).words, ["a", "b"])
        self.assertIn("{%", jf.extract(html).words)


class CorpusBar(unittest.TestCase):
    def counts(self, posts=100, **kw):
        base = {"posts": posts, "hrefs": posts, "ids": posts, "text": posts, "code": posts,
                "all": posts, "raw_liquid": 0, "render_failed": 0}
        base.update(kw)
        return base

    def test_holds_with_95_percent_of_texts(self):
        self.assertEqual(jf.corpus_verdict(self.counts(text=95)), [])

    def test_misses_on_any_href_id_liquid_or_render_failure(self):
        self.assertTrue(jf.corpus_verdict(self.counts(text=94)))
        self.assertTrue(jf.corpus_verdict(self.counts(hrefs=99)))
        self.assertTrue(jf.corpus_verdict(self.counts(ids=99)))
        self.assertTrue(jf.corpus_verdict(self.counts(raw_liquid=1)))
        self.assertTrue(jf.corpus_verdict(self.counts(render_failed=1)))
        self.assertTrue(jf.corpus_verdict(self.counts(posts=0)))

    def test_code_classes_do_not_count(self):
        self.assertEqual(jf.corpus_verdict(self.counts(code=50, all=50)), [])


if __name__ == "__main__":
    unittest.main()
