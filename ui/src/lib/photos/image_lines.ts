// Pure text helpers of the photo features: where dropped image lines go (their own paragraph
// at the drop point), setting the alt text of lines already inserted, and reading the image
// of a line ("Use as cover").

import type { TextEdit } from "../bindings/TextEdit";

/** One replacement of the document (CodeMirror's change spec): the IPC's generated type. */
export type { TextEdit };

const isBlank = (line: string) => line.trim() === "";

/**
 * Where and how to insert image `lines` into `doc` for the position `pos`: as their own
 * paragraph (blank lines around them, one blank line between two images), after the line
 * holding `pos` (or in place of it when that line is blank). Never inside front matter: a
 * position in it moves to just after its closing `---`.
 */
export function imageInsertion(doc: string, pos: number, lines: string[]): TextEdit {
  const block = lines.join("\n\n");
  pos = Math.max(bodyStart(doc), Math.min(pos, doc.length));
  const lineStart = doc.lastIndexOf("\n", pos - 1) + 1;
  const nl = doc.indexOf("\n", pos);
  const lineEnd = nl === -1 ? doc.length : nl;
  const current = doc.slice(lineStart, lineEnd);
  const prevEnd = lineStart - 1;
  const prevLine = prevEnd < 0 ? null : doc.slice(doc.lastIndexOf("\n", prevEnd - 1) + 1, prevEnd);
  const nextLine = nl === -1 ? null : doc.slice(nl + 1, doc.indexOf("\n", nl + 1) === -1 ? doc.length : doc.indexOf("\n", nl + 1));
  if (isBlank(current)) {
    const before = prevLine !== null && !isBlank(prevLine) ? "\n" : "";
    const after = nextLine !== null && !isBlank(nextLine) ? "\n" : "";
    return { from: lineStart, to: lineEnd, insert: before + block + after };
  }
  const after = nextLine !== null && !isBlank(nextLine) ? "\n" : "";
  return { from: lineEnd, to: lineEnd, insert: "\n\n" + block + after };
}

/** Offset of the first character after the front matter (0 when there is none). */
export function bodyStart(doc: string): number {
  const m = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(doc);
  return m ? m[0].length : 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The alt text as it can go between `![` and `]`. */
export function cleanAlt(alt: string): string {
  return alt.replace(/[[\]]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Text as it can go in a double-quoted HTML attribute. */
function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The edits that set the alt text of every `![...](url)` line for `urls` in `doc`, and of
 * every `<img src="url" ... alt="...">` (the srcset and picture markup of a blog set so). */
export function altTextEdits(doc: string, urls: string[], alt: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const text = cleanAlt(alt);
  for (const url of urls) {
    const re = new RegExp(`!\\[([^\\]\\n]*)\\]\\(${escapeRegExp(url)}\\)`, "g");
    for (const m of doc.matchAll(re)) {
      const from = (m.index ?? 0) + 2;
      edits.push({ from, to: from + m[1].length, insert: text });
    }
    const html = new RegExp(`<img src="${escapeRegExp(escapeAttr(url))}"[^>\\n]*? alt="([^"\\n]*)"`, "g");
    for (const m of doc.matchAll(html)) {
      const from = (m.index ?? 0) + m[0].length - 1 - m[1].length;
      edits.push({ from, to: from + m[1].length, insert: escapeAttr(text) });
    }
  }
  return edits.sort((a, b) => a.from - b.from);
}

/** The URL of the first image of `line` (`![alt](url "title")`, else the `src` of an
 * `<img>`: the JPEG fallback of a `<picture>`), or null. */
export function imageUrlOfLine(line: string): string | null {
  const m = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/.exec(line);
  if (m) return m[1];
  const html = /<img\s[^>]*?\bsrc="([^"]+)"/i.exec(line);
  return html ? html[1].replace(/&amp;/g, "&") : null;
}
