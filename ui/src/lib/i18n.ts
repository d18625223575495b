// The UI's words, in French or English following the system language. WebKitGTK's
// navigator.language ignores the locale, so main.ts asks the shell before mounting the app.
import { photosEn, photosFr } from "./photo_strings";
import { frontMatterEn, frontMatterFr } from "./front_matter_strings";
import { publishEn, publishFr } from "./publish_strings";
import { journalEn, journalFr } from "./journal_strings";
import { seriesEn, seriesFr } from "./series_strings";
import { talksEn, talksFr } from "./talks_strings";

const en = {
  openFolder: "Open folder…",
  recentFolders: "Recent folders",
  filterPlaceholder: "Filter posts",
  drafts: "Drafts",
  otherPosts: "Posts",
  noMatch: "No post matches",
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  saveFailed: "Not saved",
  words: (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "word" : "words"}`,
  readingTime: (m: number) => `${m} min read`,
  problems: (n: number) => `${n} ${n === 1 ? "problem" : "problems"}`,
  noPost: "Choose a post in the sidebar.",
  opening: "Opening…",
  draftBadge: "draft",
  unpublishedBadge: "not published",
  preview: "Preview",
  readingView: "Reading view",
  themeView: "Theme view",
  themeUnavailable: (why: string) => `Theme view unavailable, showing the reading view: ${why}`,
  dismiss: "Dismiss",
  externalLink: (url: string) => `External link, not opened from the preview: ${url}`,
  missingImage: "Missing image",
  series: seriesEn,
  photos: photosEn,
  frontMatter: frontMatterEn,
  talks: talksEn,
  publish: publishEn,
  journal: journalEn,
};

type Strings = typeof en;

const fr: Strings = {
  openFolder: "Ouvrir un dossier…",
  recentFolders: "Dossiers récents",
  filterPlaceholder: "Filtrer les articles",
  drafts: "Brouillons",
  otherPosts: "Articles",
  noMatch: "Aucun article ne correspond",
  saved: "Enregistré",
  unsaved: "Modifications non enregistrées",
  saving: "Enregistrement…",
  saveFailed: "Non enregistré",
  words: (n: number) => `${n.toLocaleString("fr")} ${n <= 1 ? "mot" : "mots"}`,
  readingTime: (m: number) => `${m} min de lecture`,
  problems: (n: number) => `${n} ${n <= 1 ? "problème" : "problèmes"}`,
  noPost: "Choisissez un article dans la barre latérale.",
  opening: "Ouverture…",
  draftBadge: "brouillon",
  unpublishedBadge: "non publié",
  preview: "Aperçu",
  readingView: "Vue lecture",
  themeView: "Vue thème",
  themeUnavailable: (why: string) => `Vue thème indisponible, vue lecture affichée : ${why}`,
  dismiss: "Fermer",
  externalLink: (url: string) => `Lien externe, non ouvert depuis l'aperçu : ${url}`,
  missingImage: "Image introuvable",
  series: seriesFr,
  photos: photosFr,
  frontMatter: frontMatterFr,
  talks: talksFr,
  publish: publishFr,
  journal: journalFr,
};

/** The strings for a BCP 47 language tag: French for `fr*`, English otherwise. */
export function stringsFor(language: string | undefined): Strings {
  return language?.toLowerCase().startsWith("fr") ? fr : en;
}

/** The current strings; set once by setUiLanguage before the app mounts. */
export let t: Strings = en;

/** Chooses the UI language (a BCP 47 tag or `fr`/`en`). */
export function setUiLanguage(language: string | undefined) {
  t = stringsFor(language);
}
