// The editor's look: colours come from CSS variables (styles/theme.css), so the light and dark themes
// follow prefers-color-scheme without reconfiguring the editor.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";

const editorTheme = EditorView.theme({
  "&": { height: "100%", color: "var(--text)", backgroundColor: "var(--editor-bg)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "var(--font-mono)",
    fontSize: "14px",
    lineHeight: "1.7",
  },
  ".cm-content": {
    maxWidth: "46rem",
    margin: "0 auto",
    padding: "28px 32px 40vh",
    caretColor: "var(--accent)",
  },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "var(--selection)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-frontmatter": { color: "var(--muted)", backgroundColor: "var(--frontmatter-bg)" },
  ".cm-frontmatter-fence": { color: "var(--faint)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)", outline: "1px solid var(--search-outline)" },
  ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "var(--search-current)" },
  ".cm-panels": { backgroundColor: "var(--panel-bg)", color: "var(--text)", fontFamily: "var(--font-ui)" },
  ".cm-panels.cm-panels-top": { borderBottom: "1px solid var(--border)" },
  ".cm-panel.cm-search": { padding: "6px 10px", fontSize: "13px" },
  ".cm-panel.cm-search input, .cm-panel.cm-search button": {
    fontFamily: "var(--font-ui)",
    fontSize: "13px",
    borderRadius: "5px",
  },
  ".cm-textfield": {
    border: "1px solid var(--border-strong)",
    backgroundColor: "var(--input-bg)",
    color: "var(--text)",
    padding: "3px 6px",
  },
  ".cm-button": {
    backgroundImage: "none",
    backgroundColor: "var(--button-bg)",
    border: "1px solid var(--border-strong)",
    color: "var(--text)",
  },
});

const markdownHighlight = HighlightStyle.define([
  { tag: t.heading1, fontSize: "1.35em", fontWeight: "700", color: "var(--md-heading)" },
  { tag: t.heading2, fontSize: "1.2em", fontWeight: "700", color: "var(--md-heading)" },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: "700", color: "var(--md-heading)" },
  { tag: t.strong, fontWeight: "700" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strikethrough, textDecoration: "line-through" },
  { tag: [t.link, t.url], color: "var(--md-link)" },
  { tag: t.monospace, color: "var(--md-code)" },
  { tag: [t.processingInstruction, t.meta], color: "var(--faint)" },
  { tag: t.quote, color: "var(--muted)", fontStyle: "italic" },
  { tag: t.list, color: "var(--accent)" },
  { tag: t.contentSeparator, color: "var(--faint)" },
  { tag: t.comment, color: "var(--faint)" },
  { tag: [t.keyword, t.tagName], color: "var(--md-keyword)" },
  { tag: [t.string, t.attributeValue], color: "var(--md-string)" },
  { tag: [t.number, t.bool, t.atom], color: "var(--md-number)" },
]);

/** The theme and highlight style. */
export function lanyardTheme(): Extension {
  return [editorTheme, syntaxHighlighting(markdownHighlight)];
}
