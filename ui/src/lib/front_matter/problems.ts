// Where the front matter's problems show: at a field of the form (by key) and in the editor's
// gutter (by line), and which keys the form shows as typed fields or as raw YAML.
import type { Diagnostic } from "@codemirror/lint";
import type { Text } from "@codemirror/state";
import type { FormDiagnostic } from "../bindings/FormDiagnostic";
import type { FormEntry } from "../bindings/FormEntry";

/** The keys the form shows as their own fields; every other key is edited as raw YAML. */
export const TYPED_KEYS = ["title", "date", "layout", "tags", "categories", "series", "lang", "published"] as const;

/** The entries of the "other keys" part: keys without a field, once each (the last, which Jekyll
 * keeps). `langKey` is the key the language field edits (the core's choice: `lang`, `language`
 * or `locale`). */
export function otherEntries(entries: readonly FormEntry[], langKey = "lang"): FormEntry[] {
  const typed = new Set<string>([...TYPED_KEYS, "tag", "category", langKey]);
  const last = new Map<string, FormEntry>();
  for (const e of entries) if (!typed.has(e.key)) last.set(e.key, e);
  return [...last.values()];
}

/** The problems to show at the field of `key`; problems at no known key go with `null`. */
export function problemsAt(diagnostics: readonly FormDiagnostic[], key: string | null): FormDiagnostic[] {
  if (key === null) return diagnostics.filter((d) => d.key === null);
  const keys = key === "tags" ? ["tags", "tag"] : key === "categories" ? ["categories", "category"] : [key];
  return diagnostics.filter((d) => d.key !== null && keys.includes(d.key));
}

/** Whether the form may write: no error (a warning, such as a duplicate key, does not stop it). */
export function canWrite(diagnostics: readonly FormDiagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === "error" && d.kind === "syntax");
}

/** The problems as editor diagnostics over their whole line (lines past the end are dropped). */
export function lintDiagnostics(doc: Text, diagnostics: readonly FormDiagnostic[]): Diagnostic[] {
  return diagnostics
    .filter((d) => d.line >= 1 && d.line <= doc.lines)
    .map((d) => {
      const line = doc.line(d.line);
      return {
        from: line.from,
        to: line.to,
        severity: d.severity === "error" ? "error" : "warning",
        source: "front matter",
        message: d.message,
      };
    });
}
