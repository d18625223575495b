// The front matter block as the core last read it. The core finds the block (Jekyll's rule, in
// one place) and answers where it ends; the form keeps that part of the text to know, on the
// next edit, whether the block is still the same and needs no new read.

/** The block of `text` ending at `blockEnd` (the core's `FormView.block_end`, UTF-16 units), or
 * null when the core found no block. */
export function blockOf(text: string, blockEnd: number | null): string | null {
  return blockEnd === null ? null : text.slice(0, blockEnd);
}

/** Whether `text` still holds the block read before, unchanged. A block ends at the first closing
 * fence after the opening one, and that fence is inside `block`: a text starting with `block` has
 * the same front matter, whatever follows; unless the fence ends the file without a line break
 * (`---` then typing `x` on its line makes it no fence). Without a block read, the answer is no. */
export function sameBlock(text: string, block: string | null): boolean {
  if (block === null) return false;
  return block.endsWith("\n") ? text.startsWith(block) : text === block;
}
