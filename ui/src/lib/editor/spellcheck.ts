// Spell checking in the post's language: the editable area gets `spellcheck` and `lang`, and
// WebKitGTK underlines with the dictionary the shell selected for that language. A
// compartment lets the app switch language when another post opens.
import { Compartment, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

export const spellcheckCompartment = new Compartment();

/** The content attributes for a post in `lang`. */
export function spellcheckAttributes(lang: string): Extension {
  return EditorView.contentAttributes.of({
    spellcheck: "true",
    lang: lang || "en",
    autocorrect: "off",
    autocapitalize: "off",
  });
}

/** The extension, inside its compartment. */
export function spellcheck(lang: string): Extension {
  return spellcheckCompartment.of(spellcheckAttributes(lang));
}

/** The effect switching the spell checking language. */
export function setSpellcheckLanguage(lang: string) {
  return spellcheckCompartment.reconfigure(spellcheckAttributes(lang));
}
