import { describe, expect, it } from "vitest";
import type { SlotView } from "./bindings/SlotView";
import type { TalkView } from "./bindings/TalkView";
import { fold, searchSlots } from "./talk_search";

function talk(title: string, speakers = "", room: string | null = null): TalkView {
  return { uid: title, title, start: "10:00", end: null, room, speakers, url: null, keynote: false, starred: false };
}

const slots: SlotView[] = [
  { start: "10:00", talks: [talk("Déboguer un scheduler", "Camille Roux (Nuagique)", "Salle Seine"), talk("Kubernetes sur ARM")] },
  { start: "11:30", talks: [talk("Observabilité avec eBPF", "Inès Laurent (Traceo)")] },
];

describe("searchSlots", () => {
  it("keeps every slot for a blank query", () => {
    expect(searchSlots(slots, "  ")).toBe(slots);
  });

  it("matches titles, speakers and rooms without accents or case, every word", () => {
    expect(searchSlots(slots, "DEBOGUER").map((s) => s.talks.map((t) => t.title))).toEqual([["Déboguer un scheduler"]]);
    expect(searchSlots(slots, "ines traceo").map((s) => s.start)).toEqual(["11:30"]);
    expect(searchSlots(slots, "seine camille")[0].talks).toHaveLength(1);
    expect(searchSlots(slots, "seine ebpf")).toEqual([]);
  });

  it("folds accents", () => {
    expect(fold("Observabilité Élan")).toBe("observabilite elan");
  });
});
