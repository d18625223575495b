import { Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import type { FormDiagnostic } from "../bindings/FormDiagnostic";
import { canWrite, lintDiagnostics, otherEntries, problemsAt } from "./problems";

const syntax: FormDiagnostic = { line: 2, key: "title", severity: "error", kind: "syntax", message: "bad" };
const dup: FormDiagnostic = { line: 4, key: "tag", severity: "warning", kind: "duplicate_key", message: "twice" };
const date: FormDiagnostic = { line: 3, key: "date", severity: "error", kind: "bad_date", message: "when?" };

describe("front matter problems", () => {
  it("puts problems at their field, tag under tags", () => {
    expect(problemsAt([syntax, dup], "title")).toEqual([syntax]);
    expect(problemsAt([syntax, dup], "tags")).toEqual([dup]);
    expect(problemsAt([{ ...syntax, key: null }], null)).toHaveLength(1);
  });

  it("writes unless the YAML does not parse", () => {
    expect(canWrite([dup, date])).toBe(true);
    expect(canWrite([dup, syntax])).toBe(false);
  });

  it("marks the whole line in the editor and drops lines past the end", () => {
    const doc = Text.of(["---", "title: a: b", "---"]);
    expect(lintDiagnostics(doc, [syntax, { ...dup, line: 9 }])).toEqual([
      { from: 4, to: 15, severity: "error", source: "front matter", message: "bad" },
    ]);
  });

  it("lists the keys without a field once, the last occurrence", () => {
    const e = (key: string, line: number) => ({ key, line, end_line: line, value_yaml: "x" });
    expect(otherEntries([e("title", 2), e("image", 3), e("tag", 4), e("image", 5)])).toEqual([e("image", 5)]);
  });

  it("shows the blog's language key as the language field, not as another key", () => {
    const e = (key: string, line: number) => ({ key, line, end_line: line, value_yaml: "x" });
    expect(otherEntries([e("language", 2), e("image", 3)], "language")).toEqual([e("image", 3)]);
    expect(otherEntries([e("language", 2)], "lang")).toEqual([e("language", 2)]);
  });
});
