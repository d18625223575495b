// Shows the YAML front matter as a distinct, quieter block. Where the block ends is the core's
// answer (the form reads it after each change of the block; edits in between move it along), so
// the editor does not decide on its own what Jekyll takes as front matter. The Markdown parser
// learns a leading fenced block as a `FrontMatter` node for highlighting only: without that it
// reads the last key and the closing fence as a setext heading.
import { type EditorState, type Extension, RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
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

/** Marks where the front matter block ends (a document offset past its closing fence's line
 * break), as the core found it; null: no block. */
export const setFrontMatterEnd = StateEffect.define<number | null>();

/** The end of the front matter block the core last found, carried through the edits made since
 * (typing inside the block moves it; the form reads the block again soon after and sets it anew). */
export const frontMatterEnd = StateField.define<number | null>({
  create: () => null,
  update(end, tr) {
    for (const effect of tr.effects) if (effect.is(setFrontMatterEnd)) return effect.value;
    if (end === null || !tr.docChanged) return end;
    // Text inserted right at the end belongs to the body.
    const mapped = tr.changes.mapPos(end, -1);
    return mapped > 0 ? mapped : null;
  },
});

/** The 1-based first and last lines of the front matter (fences included), or null. */
export function frontMatterLines(state: EditorState): { first: number; last: number } | null {
  const end = state.field(frontMatterEnd, false) ?? null;
  if (end === null || end <= 0) return null;
  return { first: 1, last: state.doc.lineAt(Math.min(end, state.doc.length) - 1).number };
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
  update: (value, tr) => (tr.docChanged || tr.effects.some((e) => e.is(setFrontMatterEnd)) ? decorate(tr.state) : value),
  provide: (field) => EditorView.decorations.from(field),
});

/** The front matter extension: the block's end as the core found it, and its decorations. */
export function frontMatter(): Extension {
  return [frontMatterEnd, frontMatterField];
}
