// Posts written with CRLF line breaks stay CRLF. CodeMirror keeps "\n" inside (its default: any
// break read, "\n" written, so pasting and typing stay simple); the editor's text goes out with
// the file's "\r\n" again, and changes computed on that text (a front matter form edit, a series
// header) come in mapped back to "\n".
import type { ChangeSpec } from "@codemirror/state";
import { minimalChange } from "./replace_text";

/** Whether every line break of `text` is CRLF (a file mixing endings is edited with "\n"). */
export function isCrlf(text: string): boolean {
  return text.includes("\r\n") && !/\r(?!\n)|(?<!\r)\n/.test(text);
}

/** The editor's "\n" text as the file writes it. */
export function toFileText(docText: string, crlf: boolean): string {
  return crlf ? docText.replace(/\n/g, "\r\n") : docText;
}

/** The file's text as the editor holds it. */
export function toDocText(fileText: string, crlf: boolean): string {
  return crlf ? fileText.replace(/\r\n/g, "\n") : fileText;
}

/** The editor change turning the file text `before` into `after` (null: no change). */
export function docChange(before: string, after: string, crlf: boolean): ChangeSpec | null {
  return minimalChange(toDocText(before, crlf), toDocText(after, crlf));
}
