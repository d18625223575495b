// The part of the editor's text the front matter form reads: the block from the opening `---`
// to its closing `---` or `...` line (Jekyll's rule, as the core's split). Sending only this
// keeps the form's re-read cheap on long posts, and an unchanged block is not re-read at all.

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const FENCE = /^(---|\.\.\.)[ \t]*$/;

/** The front matter block of `text` with its fences and the closing line break; "" when
 * the text has none (no opening fence, or no closing one: Jekyll then reads it all as body). */
export function frontMatterPrefix(text: string): string {
  const open = OPEN.exec(text);
  if (!open) return "";
  let at = open[0].length;
  while (at < text.length) {
    const nl = text.indexOf("\n", at);
    const end = nl === -1 ? text.length : nl + 1;
    const content = text.slice(at, nl === -1 ? text.length : nl).replace(/\r+$/, "");
    if (FENCE.test(content)) return text.slice(0, end);
    at = end;
  }
  return "";
}
