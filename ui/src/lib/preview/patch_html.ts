// Puts a new render into the preview without rebuilding it: the HTML is parsed in an inert
// <template> (nothing loads, nothing runs) and only the top-level blocks that differ from what
// is shown are replaced. Typing in one paragraph replaces that paragraph; photos further down
// stay put. Image URLs are used as the core wrote them: it already points local images at the
// shell's `lanyard-asset:` scheme (relative ones too) and keeps the URL as written in
// `data-site-src`; the UI never maps a URL to a file itself.

/** Parses `html` into an inert fragment, with images the core flagged as missing replaced by a
 * visible note naming the image as the post wrote it (`missingLabel: url`). */
export function parsePreview(doc: Document, html: string, missingLabel = "Missing image"): DocumentFragment {
  const template = doc.createElement("template");
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll("img.lanyard-missing-image")) {
    const note = doc.createElement("span");
    note.className = "lanyard-missing-image";
    note.textContent = `${missingLabel}: ${img.getAttribute("data-site-src") ?? img.getAttribute("src") ?? ""}`;
    img.replaceWith(note);
  }
  return template.content;
}

/** Replaces the children of `container` that differ from `fragment`'s; returns how many
 * top-level nodes were inserted. */
export function patchChildren(container: Element, fragment: DocumentFragment): number {
  const old = Array.from(container.childNodes);
  const next = Array.from(fragment.childNodes);
  let start = 0;
  while (start < old.length && start < next.length && old[start].isEqualNode(next[start])) start++;
  let oldEnd = old.length - 1;
  let nextEnd = next.length - 1;
  while (oldEnd >= start && nextEnd >= start && old[oldEnd].isEqualNode(next[nextEnd])) {
    oldEnd--;
    nextEnd--;
  }
  const anchor = old[oldEnd + 1] ?? null;
  for (let i = start; i <= oldEnd; i++) old[i].remove();
  for (let i = start; i <= nextEnd; i++) container.insertBefore(next[i], anchor);
  return Math.max(0, nextEnd - start + 1);
}
