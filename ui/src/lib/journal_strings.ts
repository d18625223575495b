// The words of autosave, crash recovery and changes made outside Lanyard, in English and French
// (i18n.ts picks them with the rest).

export const journalEn = {
  autosave: "Autosave",
  autosaveAfter: (seconds: number) => `after ${seconds} s`,
  manualSaveOnly: "Manual save only",
  recovered: (titles: string[]) =>
    `Recovered text that was not saved before an unexpected stop: ${titles.join(", ")}.`,
  recoveredConflict: (title: string) =>
    `Recovered unsaved text of “${title}”, but the file was changed by another program since.`,
  changedOnDisk: "This post was changed by another program while you had unsaved changes.",
  keepMine: "Keep mine",
  takeTheirs: "Take theirs",
  compare: "Compare",
  deletedOnDisk: "This post was deleted outside Lanyard. Your text is still here.",
  renamedOnDisk: (to: string) => `This post was moved or renamed outside Lanyard (now ${to}). Your text is still here.`,
  saveAgain: "Save again",
  close: "Close",
  compareTitle: "Your version (left, editable) and the version on disk (right)",
  mine: "Yours",
  theirs: "On disk",
  keepLeft: "Keep the left version",
  cancel: "Cancel",
  reloaded: "Reloaded: the file was changed by another program",
  journalFailed: (message: string) => `Unsaved text could not be journaled: ${message}`,
  crashPaused: (title: string) =>
    `Lanyard closed unexpectedly while “${title}” was open; its preview is paused.`,
  renderIt: "Render it",
  previewTimeout: (title: string) =>
    `The preview of “${title}” took too long to render and was left. The editor keeps working; your next change tries again.`,
};

type JournalStrings = typeof journalEn;

export const journalFr: JournalStrings = {
  autosave: "Enregistrement auto",
  autosaveAfter: (seconds: number) => `après ${String(seconds).replace(".", ",")} s`,
  manualSaveOnly: "Manuel seulement",
  recovered: (titles: string[]) =>
    `Texte non enregistré récupéré après un arrêt inattendu : ${titles.join(", ")}.`,
  recoveredConflict: (title: string) =>
    `Texte non enregistré de « ${title} » récupéré, mais le fichier a été modifié par un autre programme depuis.`,
  changedOnDisk: "Cet article a été modifié par un autre programme alors que vous aviez des modifications non enregistrées.",
  keepMine: "Garder ma version",
  takeTheirs: "Prendre la leur",
  compare: "Comparer",
  deletedOnDisk: "Cet article a été supprimé en dehors de Lanyard. Votre texte est toujours là.",
  renamedOnDisk: (to: string) =>
    `Cet article a été déplacé ou renommé en dehors de Lanyard (maintenant ${to}). Votre texte est toujours là.`,
  saveAgain: "Enregistrer à nouveau",
  close: "Fermer",
  compareTitle: "Votre version (à gauche, modifiable) et la version sur le disque (à droite)",
  mine: "La vôtre",
  theirs: "Sur le disque",
  keepLeft: "Garder la version de gauche",
  cancel: "Annuler",
  reloaded: "Rechargé : le fichier a été modifié par un autre programme",
  journalFailed: (message: string) => `Le texte non enregistré n'a pas pu être journalisé : ${message}`,
  crashPaused: (title: string) =>
    `Lanyard s'est fermé de façon inattendue pendant que « ${title} » était ouvert ; son aperçu est en pause.`,
  renderIt: "Afficher l'aperçu",
  previewTimeout: (title: string) =>
    `L'aperçu de « ${title} » a pris trop de temps et a été abandonné. L'éditeur continue de fonctionner ; votre prochaine modification réessaie.`,
};
