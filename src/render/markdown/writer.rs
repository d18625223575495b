//! Prints [`Node`]s as HTML the way kramdown's HTML converter does: `<img ... />`, tables
//! with `style="text-align: ..."`, inline code with `language-plaintext highlighter-rouge`,
//! attributes from IALs, and `data-line` on block elements when asked. Link targets are kept
//! as written (no percent-encoding) so that `href`s match Jekyll's.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Tag, TagEnd};

use super::code_blocks::{code_block_html, fence_language};
use super::stashed::resolve_markers;
use super::{Attrs, Node};
use crate::render::liquid::output::BROKEN_URL;

/// The class a link to a missing or unpublished post gets.
pub(crate) const BROKEN_LINK_CLASS: &str = "lanyard-broken-link";

/// Writer state that outlives one event.
#[derive(Default)]
struct State {
    aligns: Vec<Alignment>,
    cell: usize,
    in_head: bool,
    /// Inside an image: its alt text so far (nested image depth > 0).
    image_depth: usize,
    alt: String,
    /// The attributes of the image being written.
    image_attrs: Attrs,
    /// Inside a code block: language, text, attributes.
    code: Option<(String, String, String)>,
}

/// Writes the nodes as HTML. `len_hint` sizes the output buffer.
/// `line_of` maps a node's offset to a file line for `data-line` (none when not wanted);
/// `code_line_numbers` gives fenced code rouge's line-number table. Stash markers left in
/// a node (inline ones) are replaced by their `stash` entries as the node is written.
pub(crate) fn write_html<'a>(
    nodes: impl Iterator<Item = Node<'a>>,
    len_hint: usize,
    line_of: Option<&dyn Fn(usize) -> usize>,
    code_line_numbers: bool,
    stash: &[String],
) -> String {
    let mut out = String::with_capacity(len_hint + len_hint / 2);
    let mut st = State::default();
    for node in nodes {
        let from = out.len();
        write_node(&mut out, &mut st, node, line_of, code_line_numbers);
        resolve_markers(&mut out, from, stash);
    }
    out
}

/// Writes one node (inside a code block or an image, only collects its text).
fn write_node(
    out: &mut String,
    st: &mut State,
    node: Node<'_>,
    line_of: Option<&dyn Fn(usize) -> usize>,
    code_line_numbers: bool,
) {
    let line = line_of.map(|f| f(node.range.start));
    if let Some((_, code, _)) = st.code.as_mut() {
        match node.event {
            Event::Text(t) => code.push_str(&t),
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, code, extra)) = st.code.take() {
                    out.push_str(&code_block_html(&lang, &code, code_line_numbers, &extra));
                }
            }
            _ => {}
        }
        return;
    }
    if st.image_depth > 0 {
        match node.event {
            Event::Start(Tag::Image { .. }) => st.image_depth += 1,
            Event::End(TagEnd::Image) => {
                st.image_depth -= 1;
                if st.image_depth == 0 {
                    out.push_str(&escape_attr(&st.alt));
                    out.push('"');
                    out.push_str(&attrs_html(&st.image_attrs, None));
                    out.push_str(" />");
                }
            }
            Event::Text(t) | Event::Code(t) => st.alt.push_str(&t),
            _ => {}
        }
        return;
    }
    match node.event {
            Event::Start(tag) => start_tag(out, st, tag, &node.attrs, line),
            Event::End(tag) => end_tag(out, st, tag),
            Event::Text(t) => push_text(out, &t),
            Event::Code(t) => {
                out.push_str("<code class=\"language-plaintext highlighter-rouge\"");
                out.push_str(&attrs_html(&node.attrs, None));
                out.push('>');
                push_text(out, &t);
                out.push_str("</code>");
            }
            Event::Html(h) | Event::InlineHtml(h) => out.push_str(&h),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br />\n"),
            Event::Rule => {
                out.push_str("<hr");
                out.push_str(&attrs_html(&node.attrs, line));
                out.push_str(" />\n\n");
            }
            Event::TaskListMarker(done) => out.push_str(if done {
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />"
            } else {
                "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />"
            }),
            Event::FootnoteReference(l) => push_text(out, &format!("[^{l}]")),
            Event::InlineMath(m) | Event::DisplayMath(m) => push_text(out, &m),
        }
}

/// Writes an opening tag.
fn start_tag(out: &mut String, st: &mut State, tag: Tag<'_>, attrs: &Attrs, line: Option<usize>) {
    let a = |line| attrs_html(attrs, line);
    match tag {
        Tag::Paragraph => out.push_str(&format!("<p{}>", a(line))),
        Tag::Heading {
            level,
            id,
            classes,
            attrs: extra,
        } => {
            let mut all = Attrs {
                id: id.map(|i| i.to_string()),
                ..Attrs::default()
            };
            all.classes = classes.iter().map(|c| c.to_string()).collect();
            all.other = extra
                .iter()
                .map(|(k, v)| (k.to_string(), v.as_deref().unwrap_or("").to_string()))
                .collect();
            all.merge(attrs.clone());
            out.push_str(&format!("<{level}{}>", attrs_html(&all, line)));
        }
        Tag::BlockQuote(_) => out.push_str(&format!("<blockquote{}>\n", a(line))),
        Tag::CodeBlock(kind) => {
            let lang = match kind {
                CodeBlockKind::Fenced(info) => fence_language(&info).to_string(),
                CodeBlockKind::Indented => String::new(),
            };
            let (lang, attrs) = ial_code_language(lang, attrs);
            st.code = Some((lang, String::new(), attrs_html(&attrs, line)));
        }
        Tag::HtmlBlock => {}
        Tag::List(Some(_)) => out.push_str(&format!("<ol{}>\n", a(line))),
        Tag::List(None) => out.push_str(&format!("<ul{}>\n", a(line))),
        Tag::Item => out.push_str(&format!("  <li{}>", a(line))),
        Tag::Table(aligns) => {
            st.aligns = aligns;
            out.push_str(&format!("<table{}>\n", a(line)));
        }
        Tag::TableHead => {
            st.in_head = true;
            st.cell = 0;
            out.push_str("  <thead>\n    <tr>\n");
        }
        Tag::TableRow => {
            st.cell = 0;
            out.push_str("    <tr>\n");
        }
        Tag::TableCell => {
            let el = if st.in_head { "th" } else { "td" };
            let style = match st.aligns.get(st.cell) {
                Some(Alignment::Left) => " style=\"text-align: left\"",
                Some(Alignment::Center) => " style=\"text-align: center\"",
                Some(Alignment::Right) => " style=\"text-align: right\"",
                _ => "",
            };
            out.push_str(&format!("      <{el}{style}{}>", a(None)));
        }
        Tag::Emphasis => out.push_str(&format!("<em{}>", a(None))),
        Tag::Strong => out.push_str(&format!("<strong{}>", a(None))),
        Tag::Strikethrough => out.push_str(&format!("<del{}>", a(None))),
        Tag::Superscript => out.push_str("<sup>"),
        Tag::Subscript => out.push_str("<sub>"),
        Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        } => {
            let (url, broken) = match dest_url.strip_prefix(BROKEN_URL) {
                Some(u) => (u.to_string(), true),
                None if link_type == LinkType::Email => (format!("mailto:{dest_url}"), false),
                None => (dest_url.to_string(), false),
            };
            let mut all = attrs.clone();
            if broken {
                all.classes.push(BROKEN_LINK_CLASS.to_string());
            }
            out.push_str(&format!("<a href=\"{}\"", escape_attr(&url)));
            if !title.is_empty() {
                out.push_str(&format!(" title=\"{}\"", escape_attr(&title)));
            }
            out.push_str(&attrs_html(&all, None));
            out.push('>');
        }
        Tag::Image {
            dest_url, title, ..
        } => {
            st.image_depth = 1;
            st.alt.clear();
            st.image_attrs = attrs.clone();
            out.push_str(&format!(
                "<img src=\"{}\"",
                escape_attr(dest_url.trim_start_matches(BROKEN_URL))
            ));
            if !title.is_empty() {
                out.push_str(&format!(" title=\"{}\"", escape_attr(&title)));
            }
            out.push_str(" alt=\"");
        }
        Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {}
        Tag::DefinitionList => out.push_str("<dl>\n"),
        Tag::DefinitionListTitle => out.push_str("<dt>"),
        Tag::DefinitionListDefinition => out.push_str("<dd>"),
    }
}

/// Writes a closing tag.
fn end_tag(out: &mut String, st: &mut State, tag: TagEnd) {
    match tag {
        TagEnd::Paragraph => out.push_str("</p>\n\n"),
        TagEnd::Heading(level) => out.push_str(&format!("</{level}>\n\n")),
        TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n\n"),
        TagEnd::List(true) => out.push_str("</ol>\n\n"),
        TagEnd::List(false) => out.push_str("</ul>\n\n"),
        TagEnd::Item => out.push_str("</li>\n"),
        TagEnd::Table => out.push_str("  </tbody>\n</table>\n\n"),
        TagEnd::TableHead => {
            st.in_head = false;
            out.push_str("    </tr>\n  </thead>\n  <tbody>\n");
        }
        TagEnd::TableRow => out.push_str("    </tr>\n"),
        TagEnd::TableCell => {
            out.push_str(if st.in_head { "</th>\n" } else { "</td>\n" });
            st.cell += 1;
        }
        TagEnd::Emphasis => out.push_str("</em>"),
        TagEnd::Strong => out.push_str("</strong>"),
        TagEnd::Strikethrough => out.push_str("</del>"),
        TagEnd::Superscript => out.push_str("</sup>"),
        TagEnd::Subscript => out.push_str("</sub>"),
        TagEnd::Link => out.push_str("</a>"),
        TagEnd::DefinitionList => out.push_str("</dl>\n"),
        TagEnd::DefinitionListTitle => out.push_str("</dt>\n"),
        TagEnd::DefinitionListDefinition => out.push_str("</dd>\n"),
        TagEnd::HtmlBlock => out.push('\n'),
        _ => {}
    }
}

/// ` id="x" class="a b" k="v" data-line="N"`, or "".
fn attrs_html(attrs: &Attrs, line: Option<usize>) -> String {
    let mut s = String::new();
    if let Some(id) = &attrs.id {
        s.push_str(&format!(" id=\"{}\"", escape_attr(id)));
    }
    if !attrs.classes.is_empty() {
        s.push_str(&format!(
            " class=\"{}\"",
            escape_attr(&attrs.classes.join(" "))
        ));
    }
    for (k, v) in &attrs.other {
        let key_ok = !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':');
        if key_ok {
            s.push_str(&format!(" {k}=\"{}\"", escape_attr(v)));
        }
    }
    if let Some(n) = line {
        s.push_str(&format!(" data-line=\"{n}\""));
    }
    s
}

/// kramdown takes a code block's language from a `language-x` class (`{: .language-ruby}`)
/// when the fence names none, and drops that class (`extract_code_language!`).
fn ial_code_language(lang: String, attrs: &Attrs) -> (String, Attrs) {
    let mut attrs = attrs.clone();
    if !lang.is_empty() {
        return (lang, attrs);
    }
    let Some(i) = attrs
        .classes
        .iter()
        .position(|c| c.starts_with("language-"))
    else {
        return (lang, attrs);
    };
    let class = attrs.classes.remove(i);
    (class["language-".len()..].to_string(), attrs)
}

/// Writes text, escaped, without Lanyard's private marker character.
fn push_text(out: &mut String, text: &str) {
    if text.contains(BROKEN_URL) {
        out.push_str(&escape_text(&text.replace(BROKEN_URL, "")));
    } else {
        out.push_str(&escape_text(text));
    }
}

/// Escapes text content: `&`, `<`, `>`.
pub(crate) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value: `&`, `<`, `>`, `"`.
pub(crate) fn escape_attr(s: &str) -> String {
    escape_text(s).replace('"', "&quot;")
}
