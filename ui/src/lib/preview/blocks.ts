// The preview's blocks, patched by id: the shell answers each render with the blocks to
// remove and insert and how far the blocks after them moved (src-tauri/src/preview_commands.rs),
// so a keystroke parses only the changed block's HTML and touches only its nodes. Photos in the
// other blocks stay put (no reload) and so does the scroll position. A block's `data-line`s are
// relative to its first line, which moves without touching the DOM when lines are inserted above.
import type { PreviewUpdate } from "../bindings/PreviewUpdate";
import { parsePreview } from "./patch_html";

/** One block as shown. */
interface Shown {
  id: number;
  /** File line where the block starts. */
  line: number;
  html: string;
  /** Its top-level nodes in the container. */
  nodes: ChildNode[];
}

export class BlockView {
  private blocks: Shown[] = [];
  private byNode = new WeakMap<Node, Shown>();
  /** The render shown (null: none). */
  generation: number | null = null;

  constructor(private missingLabel: () => string) {}

  /** Applies `update` to `container`; false (nothing changed) when it does not follow what is
   * shown (an unknown block): the caller then asks for a whole render (`generation` is null). */
  apply(container: Element, update: PreviewUpdate): boolean {
    if (update.reset) {
      container.replaceChildren();
      this.blocks = [];
    } else if (this.generation === null) {
      return false;
    }
    if (!update.reset && this.generation !== null && update.remove.length === 1 && update.insert.length === 1) {
      if (this.morph(container, update)) return true;
    }
    const removed = new Set(update.remove);
    const known = new Set(this.blocks.map((b) => b.id));
    if (update.remove.some((id) => !known.has(id)) || (update.before !== null && !known.has(update.before))) {
      this.generation = null;
      return false;
    }
    if (removed.size > 0) {
      for (const block of this.blocks) if (removed.has(block.id)) for (const n of block.nodes) n.remove();
      this.blocks = this.blocks.filter((b) => !removed.has(b.id));
    }
    const at = update.before === null ? this.blocks.length : this.blocks.findIndex((b) => b.id === update.before);
    if (update.shift !== 0) for (let i = at; i < this.blocks.length; i++) this.blocks[i].line += update.shift;
    const anchor = this.firstNodeFrom(at);
    const inserted = update.insert.map((b) => this.build(container.ownerDocument, b.id, b.line, b.html));
    for (const block of inserted) for (const n of block.nodes) container.insertBefore(n, anchor);
    this.blocks.splice(at, 0, ...inserted);
    this.generation = update.generation;
    return true;
  }

  /** One block replaced by one: keeps its top-level nodes that did not change (a post the core
   * renders whole is one block; its photos must not reload on every keystroke). */
  private morph(container: Element, update: PreviewUpdate): boolean {
    const at = this.blocks.findIndex((b) => b.id === update.remove[0]);
    if (at < 0 || (update.before !== null && this.blocks[at + 1]?.id !== update.before)) return false;
    if (update.before === null && at !== this.blocks.length - 1) return false;
    const old = this.blocks[at];
    const next = update.insert[0];
    const fresh = Array.from(parsePreview(container.ownerDocument, next.html, this.missingLabel()).childNodes);
    let start = 0;
    while (start < old.nodes.length && start < fresh.length && old.nodes[start].isEqualNode(fresh[start])) start++;
    let oldEnd = old.nodes.length - 1;
    let freshEnd = fresh.length - 1;
    while (oldEnd >= start && freshEnd >= start && old.nodes[oldEnd].isEqualNode(fresh[freshEnd])) {
      oldEnd--;
      freshEnd--;
    }
    const anchor = old.nodes[oldEnd + 1] ?? this.firstNodeFrom(at + 1);
    for (let i = start; i <= oldEnd; i++) old.nodes[i].remove();
    const middle = fresh.slice(start, freshEnd + 1);
    for (const n of middle) container.insertBefore(n, anchor);
    const block = {
      id: next.id,
      line: next.line,
      html: next.html,
      nodes: [...old.nodes.slice(0, start), ...middle, ...old.nodes.slice(oldEnd + 1)],
    };
    for (const n of block.nodes) this.byNode.set(n, block);
    this.blocks[at] = block;
    if (update.shift !== 0) for (let i = at + 1; i < this.blocks.length; i++) this.blocks[i].line += update.shift;
    this.generation = update.generation;
    return true;
  }

  /** Draws every block again into `container` (the theme view replaced the target). */
  rebuild(container: Element) {
    container.replaceChildren();
    this.blocks = this.blocks.map((b) => this.build(container.ownerDocument, b.id, b.line, b.html));
    for (const block of this.blocks) for (const n of block.nodes) container.appendChild(n);
  }

  /** Forgets every block (the container is emptied by the caller). */
  clear() {
    this.blocks = [];
    this.generation = null;
  }

  /** The file line of an element carrying `data-line` inside `container`. */
  lineOf(container: Element, el: HTMLElement): number {
    const relative = Number(el.dataset.line);
    let top: Node = el;
    while (top.parentNode && top.parentNode !== container) top = top.parentNode;
    const block = this.byNode.get(top);
    return block ? block.line + relative - 1 : relative;
  }

  private build(doc: Document, id: number, line: number, html: string): Shown {
    const nodes = Array.from(parsePreview(doc, html, this.missingLabel()).childNodes);
    const block = { id, line, html, nodes };
    for (const n of nodes) this.byNode.set(n, block);
    return block;
  }

  /** The first node of the blocks from index `at` on (null: the end). */
  private firstNodeFrom(at: number): ChildNode | null {
    for (let i = at; i < this.blocks.length; i++) if (this.blocks[i].nodes.length) return this.blocks[i].nodes[0];
    return null;
  }
}
