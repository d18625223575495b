// The words of the series actions ("New series", "Next part", "Sync series headers") and of
// the "New series" dialog, in English and French (i18n.ts picks them with the rest).

export const seriesEn = {
  newSeries: "New series",
  nextPart: "Next part",
  syncHeaders: "Sync series headers",
  nextPartNeedsSeries: "The open post is not part of a series",
  dialogTitle: "New series",
  title: "Title of the first part",
  seriesName: "Series name",
  date: "Date",
  lang: "Language",
  langDefault: "The blog's",
  create: "Create",
  cancel: "Cancel",
  working: "Working…",
  adoptOffer: "This post's series list is hand-written.",
  adoptAccept: "Replace the hand-written list with a managed header",
  notNow: "Not now",
  synced: (n: number) => (n === 0 ? "Series headers already in sync" : `Series headers updated in ${n} ${n === 1 ? "file" : "files"}`),
};

export const seriesFr: typeof seriesEn = {
  newSeries: "Nouvelle série",
  nextPart: "Partie suivante",
  syncHeaders: "Synchroniser les en-têtes",
  nextPartNeedsSeries: "L'article ouvert ne fait pas partie d'une série",
  dialogTitle: "Nouvelle série",
  title: "Titre de la première partie",
  seriesName: "Nom de la série",
  date: "Date",
  lang: "Langue",
  langDefault: "Celle du blog",
  create: "Créer",
  cancel: "Annuler",
  working: "En cours…",
  adoptOffer: "La liste de la série de cet article est écrite à la main.",
  adoptAccept: "Remplacer la liste écrite à la main par un en-tête géré",
  notNow: "Plus tard",
  synced: (n: number) => (n === 0 ? "En-têtes de série déjà à jour" : `En-têtes de série mis à jour dans ${n} ${n <= 1 ? "fichier" : "fichiers"}`),
};
