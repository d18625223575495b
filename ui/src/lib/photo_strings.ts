// The words of the photo features (drop/paste import, progress, alt text prompt, inbox tray,
// "Use as cover"), in English and French (i18n.ts picks them with the rest).

import type { PhotoOutputView } from "./bindings/PhotoOutputView";

const formatNames: Record<PhotoOutputView["format"], string> = { jpeg: "JPEG", webp: "WebP", avif: "AVIF" };

/** "WebP 80 · 800, 1600 px · <picture>": what a drop writes for this blog. */
function outputSummary(o: PhotoOutputView, oneSize: string): string {
  const parts = [`${formatNames[o.format]} ${o.quality}`];
  parts.push(o.widths.length ? `${o.widths.join(", ")} px` : oneSize);
  if (o.markup !== "markdown") parts.push(`<${o.markup}>`);
  return parts.join(" · ");
}

export const photosEn = {
  importing: (done: number, total: number) => `Importing photos… ${done}/${total}`,
  cancel: "Cancel",
  failed: (n: number) => `${n} ${n === 1 ? "photo was" : "photos were"} not imported`,
  cancelled: (n: number) => `${n} ${n === 1 ? "photo" : "photos"} not imported: cancelled`,
  postClosed: "The post was closed during the import: its lines were not inserted.",
  altPrompt: (n: number) => (n === 1 ? "Alt text for the photo:" : `Alt text for the ${n} photos:`),
  altPlaceholder: "What the photo shows (Enter to set, Escape to skip)",
  inbox: "Photo inbox",
  noInbox: "No folder chosen: pick the folder your phone syncs to.",
  chooseInbox: "Choose folder…",
  emptyInbox: "No photos in the folder yet.",
  insertHint: "Click to insert at the cursor, or drag into the post",
  useAsCover: "Use as cover",
  coverFromLine: "Line's image as cover",
  noImageOnLine: "Put the cursor on an image line to use it as the cover.",
  coverSet: (url: string) => `Cover image set: ${url}`,
  dropHere: "Drop photos to insert them here",
  output: (o: PhotoOutputView) => `Photos: ${outputSummary(o, "1600 px")}`,
  outputHint: "Set by the blog's _config.yml (lanyard: images: format, quality, widths, markup)",
};

export const photosFr: typeof photosEn = {
  importing: (done: number, total: number) => `Import des photos… ${done}/${total}`,
  cancel: "Annuler",
  failed: (n: number) => `${n} ${n <= 1 ? "photo n'a pas été importée" : "photos n'ont pas été importées"}`,
  cancelled: (n: number) => `${n} ${n <= 1 ? "photo non importée" : "photos non importées"} : import annulé`,
  postClosed: "L'article a été fermé pendant l'import : ses lignes n'ont pas été insérées.",
  altPrompt: (n: number) => (n <= 1 ? "Texte alternatif de la photo :" : `Texte alternatif des ${n} photos :`),
  altPlaceholder: "Ce que montre la photo (Entrée pour valider, Échap pour passer)",
  inbox: "Photos à trier",
  noInbox: "Aucun dossier choisi : choisissez celui où votre téléphone synchronise.",
  chooseInbox: "Choisir le dossier…",
  emptyInbox: "Pas encore de photo dans le dossier.",
  insertHint: "Cliquer pour insérer au curseur, ou glisser dans l'article",
  useAsCover: "Utiliser en couverture",
  coverFromLine: "Image de la ligne en couverture",
  noImageOnLine: "Placez le curseur sur une ligne d'image pour en faire la couverture.",
  coverSet: (url: string) => `Image de couverture : ${url}`,
  dropHere: "Déposez les photos pour les insérer ici",
  output: (o: PhotoOutputView) => `Photos : ${outputSummary(o, "1600 px")}`,
  outputHint: "Réglé par le _config.yml du blog (lanyard: images: format, quality, widths, markup)",
};
