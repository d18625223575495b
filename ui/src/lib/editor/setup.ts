// The editor's state: every extension the post editor uses, composed in one place.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { lintGutter } from "@codemirror/lint";
import { languages } from "@codemirror/language-data";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { EditorState, type Extension } from "@codemirror/state";
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightSpecialChars,
  keymap,
  type ViewUpdate,
} from "@codemirror/view";
import { frontMatter, frontMatterMarkdown } from "./front_matter";
import { markdownFormatKeymap } from "./markdown_format";
import { saveKeymap } from "./save_keymap";
import { spellcheck } from "./spellcheck";
import { lanyardTheme } from "./theme";

export interface EditorHooks {
  /** Ctrl+S. */
  onSave: () => void;
  /** The text changed (typing, undo, paste...). */
  onChange: (update: ViewUpdate) => void;
}

/** The extensions of the post editor, for a post in `lang`. */
export function postEditorExtensions(lang: string, hooks: EditorHooks): Extension[] {
  return [
    history(),
    drawSelection(),
    dropCursor(),
    highlightSpecialChars(),
    highlightActiveLine(),
    EditorView.lineWrapping,
    markdown({ base: markdownLanguage, codeLanguages: languages, extensions: [frontMatterMarkdown] }),
    frontMatter(),
    lintGutter(),
    search({ top: true }),
    highlightSelectionMatches(),
    spellcheck(lang),
    saveKeymap(() => hooks.onSave()),
    markdownFormatKeymap(),
    keymap.of([...searchKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update);
    }),
    lanyardTheme(),
  ];
}

/** A fresh editor state (its own undo history) for a post's text. */
export function createPostState(text: string, lang: string, hooks: EditorHooks): EditorState {
  return EditorState.create({ doc: text, extensions: postEditorExtensions(lang, hooks) });
}
