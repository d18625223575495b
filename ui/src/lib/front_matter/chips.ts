// The chip lists of the front matter form (tags, categories): what typing adds, what the
// autocomplete offers, and which suggestion the arrow keys move to.
import type { UsedChoice } from "../bindings/UsedChoice";

/** The chips typed text adds: split at commas, trimmed, without empties or chips already there. */
export function chipsToAdd(current: readonly string[], typed: string): string[] {
  const out: string[] = [];
  for (const part of typed.split(",")) {
    const chip = part.trim();
    if (chip && !current.includes(chip) && !out.includes(chip)) out.push(chip);
  }
  return out;
}

/** The blog's values matching `typed` (case- and accent-insensitive; those starting with it
 * first), most used first within each group, without the ones already chosen. */
export function suggestions(
  choices: readonly UsedChoice[],
  current: readonly string[],
  typed: string,
  limit = 8,
): UsedChoice[] {
  const needle = fold(typed.trim());
  const open = choices.filter((c) => !current.includes(c.value));
  if (!needle) return open.slice(0, limit);
  const starts = open.filter((c) => fold(c.value).startsWith(needle));
  const inside = open.filter((c) => !fold(c.value).startsWith(needle) && fold(c.value).includes(needle));
  return [...starts, ...inside].slice(0, limit);
}

/** The highlighted suggestion after an arrow key (`-1`: none highlighted; wraps around). */
export function moveHighlight(index: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return index + 1 >= count ? 0 : index + 1;
  return index <= 0 ? count - 1 : index - 1;
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
