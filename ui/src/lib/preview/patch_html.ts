// Puts a new render into the preview without rebuilding it: the HTML is parsed in an inert
// <template> (nothing loads, nothing runs), local image URLs are pointed at the shell's
// `lanyard-asset:` scheme, and only the top-level blocks that differ from what is shown are
// replaced. Typing in one paragraph replaces that paragraph; photos further down stay put.

/** The URL the preview loads for a site-relative image (`/assets/...`), or null to leave it. */
export function localAssetUrl(src: string, baseurl: string): string | null {
  if (!src.startsWith("/") || src.startsWith("//")) return null;
  let path = src;
  if (baseurl && (path === baseurl || path.startsWith(baseurl + "/"))) path = path.slice(baseurl.length);
  return `lanyard-asset://localhost${path}`;
}

/** Parses `html` into an inert fragment with local images rewritten, and images the core
 * flagged as missing replaced by a visible note naming the file (`missingLabel: path`). */
export function parsePreview(doc: Document, html: string, baseurl: string, missingLabel = "Missing image"): DocumentFragment {
  const template = doc.createElement("template");
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll("img.lanyard-missing-image")) {
    const note = doc.createElement("span");
    note.className = "lanyard-missing-image";
    note.textContent = `${missingLabel}: ${img.getAttribute("src") ?? ""}`;
    img.replaceWith(note);
  }
  for (const img of template.content.querySelectorAll("img[src]")) {
    const url = localAssetUrl(img.getAttribute("src") ?? "", baseurl);
    if (url) {
      img.setAttribute("data-site-src", img.getAttribute("src") ?? "");
      img.setAttribute("src", url);
    }
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
