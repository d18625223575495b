// Shows the YAML front matter (between the opening `---` and the closing `---` or `...`) as a
// distinct, quieter block. The Markdown parser learns it as a `FrontMatter` block; without that
// it reads the last key and the closing fence as a setext heading.
import { type EditorState, type Extension, RangeSetBuilder, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import type { MarkdownConfig } from "@lezer/markdown";

const isFence = (text: string) => /^(---|\.\.\.)[ \t]*$/.test(text);

/** Markdown parser extension: a leading `---` ... `---` block is one `FrontMatter` node. */
export const frontMatterMarkdown: MarkdownConfig = {
  defineNodes: [{ name: "FrontMatter", block: true, style: tags.meta }],
  parseBlock: [
    {
      name: "FrontMatter",
      before: "HorizontalRule",
      parse(cx, line) {
        if (cx.lineStart !== 0 || !/^---[ \t]*$/.test(line.text)) return false;
        const start = cx.lineStart;
        while (cx.nextLine()) {
          if (isFence(line.text)) {
            const end = cx.lineStart + line.text.length;
            cx.nextLine();
            cx.addElement(cx.elt("FrontMatter", start, end));
            return true;
          }
        }
        return false;
      },
    },
  ],
};

/** The 1-based first and last lines of the front matter (fences included), or null. */
export function frontMatterLines(state: EditorState): { first: number; last: number } | null {
  const doc = state.doc;
  if (doc.lines < 2 || doc.line(1).text.trimEnd() !== "---") return null;
  for (let n = 2; n <= doc.lines; n++) {
    const text = doc.line(n).text.trimEnd();
    if (text === "---" || text === "...") return { first: 1, last: n };
  }
  return null;
}

const fenceLine = Decoration.line({ class: "cm-frontmatter cm-frontmatter-fence" });
const bodyLine = Decoration.line({ class: "cm-frontmatter" });

function decorate(state: EditorState): DecorationSet {
  const range = frontMatterLines(state);
  const builder = new RangeSetBuilder<Decoration>();
  if (range) {
    for (let n = range.first; n <= range.last; n++) {
      const fence = n === range.first || n === range.last;
      builder.add(state.doc.line(n).from, state.doc.line(n).from, fence ? fenceLine : bodyLine);
    }
  }
  return builder.finish();
}

/** The field holding the front matter's line decorations. */
export const frontMatterField = StateField.define<DecorationSet>({
  create: decorate,
  update: (value, tr) => (tr.docChanged ? decorate(tr.state) : value),
  provide: (field) => EditorView.decorations.from(field),
});

/** The front matter extension. */
export function frontMatter(): Extension {
  return frontMatterField;
}
