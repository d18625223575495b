// The schedule pane's search box: the slots keep only the talks whose title, speakers or room
// hold every word typed (accents and case ignored), and empty slots go.
import type { SlotView } from "./bindings/SlotView";

/** Lowercase without accents, so "debogage" finds "Débogage". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The slots with only the talks matching `query` (all of them when it is blank). */
export function searchSlots(slots: SlotView[], query: string): SlotView[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return slots;
  return slots
    .map((slot) => ({
      ...slot,
      talks: slot.talks.filter((talk) => {
        const hay = fold(`${talk.title} ${talk.speakers} ${talk.room ?? ""}`);
        return words.every((w) => hay.includes(w));
      }),
    }))
    .filter((slot) => slot.talks.length > 0);
}
