// Parses one block of the preview (blocks.ts) in an inert <template> (nothing loads, nothing
// runs) before it goes into the page. Image URLs are used as the core wrote them: it already
// points local images at the shell's `lanyard-asset:` scheme (relative ones too) and keeps the
// URL as written in `data-site-src`; the UI never maps a URL to a file itself.

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
