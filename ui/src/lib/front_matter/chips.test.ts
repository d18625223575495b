import { describe, expect, it } from "vitest";
import { chipsToAdd, moveHighlight, suggestions } from "./chips";

const choices = [
  { value: "Kubernetes", count: 9 },
  { value: "Conférence", count: 7 },
  { value: "Sécurité", count: 3 },
  { value: "cloud-native", count: 2 },
  { value: "Kubecon", count: 1 },
];

describe("chips", () => {
  it("adds what is typed, split at commas, without duplicates", () => {
    expect(chipsToAdd(["a"], " b, a ,, c,b")).toEqual(["b", "c"]);
    expect(chipsToAdd([], "   ")).toEqual([]);
  });

  it("suggests the most used first, prefix matches before inner ones, accents ignored", () => {
    expect(suggestions(choices, [], "").map((c) => c.value)).toEqual([
      "Kubernetes",
      "Conférence",
      "Sécurité",
      "cloud-native",
      "Kubecon",
    ]);
    expect(suggestions(choices, ["Kubernetes"], "ku").map((c) => c.value)).toEqual(["Kubecon"]);
    expect(suggestions(choices, [], "secu").map((c) => c.value)).toEqual(["Sécurité"]);
    expect(suggestions(choices, [], "on").map((c) => c.value)).toEqual(["Conférence", "Kubecon"]);
    expect(suggestions(choices, [], "c").map((c) => c.value)).toEqual(["Conférence", "cloud-native", "Sécurité", "Kubecon"]);
    expect(suggestions(choices, [], "", 2)).toHaveLength(2);
  });

  it("moves the highlight with the arrows, wrapping around", () => {
    expect(moveHighlight(-1, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(2, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(0, 3, "ArrowUp")).toBe(2);
    expect(moveHighlight(-1, 3, "ArrowUp")).toBe(2);
    expect(moveHighlight(0, 0, "ArrowDown")).toBe(-1);
  });
});
