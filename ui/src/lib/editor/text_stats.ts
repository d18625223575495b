// Word count and reading time of a post's body, as a reader would count them: the front
// matter, Liquid tags, HTML comments and link or image targets are not words.

/** Average silent reading speed used for the reading time (words per minute). */
export const WORDS_PER_MINUTE = 220;

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const NOT_WORDS = [
  /\{%[\s\S]*?%\}/g, // Liquid tags
  /\{\{[\s\S]*?\}\}/g, // Liquid output
  /<!--[\s\S]*?-->/g, // HTML comments
  /\]\([^)\s]*(?:\s+"[^"]*")?\)/g, // link and image targets: keep the text, drop the URL
];
const WORD = /[\p{L}\p{N}]/u;

/** The body, without front matter. */
export function postBody(text: string): string {
  return text.replace(FRONT_MATTER, "");
}

/** Words in the post's body. */
export function countWords(text: string): number {
  let body = postBody(text);
  for (const pattern of NOT_WORDS) body = body.replace(pattern, " ");
  let count = 0;
  for (const token of body.split(/\s+/)) if (WORD.test(token)) count++;
  return count;
}

/** Minutes to read `words`, at least 1 for a non-empty post. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
