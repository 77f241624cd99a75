// The context a sentence is scored in: itself plus neighbours until the window holds
// enough words to measure style (single sentences alone score near chance).
import type { Counted } from "./features/counts";

export const WINDOW_MIN_WORDS = 60;
export const WINDOW_MAX_REACH = 4;

/** Sentence range [a, b) around sentence i. */
export function contextWindow(c: Counted, i: number): [number, number] {
  const n = c.lengths.length;
  let a = i;
  let b = i + 1;
  let words = c.lengths[i] ?? 0;
  for (let r = 1; r <= WINDOW_MAX_REACH && words < WINDOW_MIN_WORDS && (a > 0 || b < n); r++) {
    if (a > 0) words += c.lengths[--a] ?? 0;
    if (b < n && words < WINDOW_MIN_WORDS) words += c.lengths[b++] ?? 0;
  }
  return [a, b];
}
