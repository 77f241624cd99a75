// Word rarity and spelling slips from the compact SUBTLEX-US table
// (built by scripts/build-word-table.ts; see docs/engine.md).
import table from "../tables/word-frequency.json";
import { MISSING_APOSTROPHE } from "./lexicons";

interface WordTable { version: number; bands: [number, number][]; words: string }

const ZIPF = new Map<string, number>();
// words among the most frequent that a slip is likely an attempt at
const COMMON = new Set<string>();
const COMMON_LIMIT = 20000;
(() => {
  const t: WordTable = { version: table.version, words: table.words, bands: table.bands.map((b) => [b[0] ?? 0, b[1] ?? 0]) };
  const list = t.words.split(" ");
  let band = 0;
  for (let i = 0; i < list.length; i++) {
    while (band + 1 < t.bands.length && (t.bands[band + 1]?.[0] ?? Infinity) <= i) band++;
    const w = list[i] ?? "";
    ZIPF.set(w, (t.bands[band]?.[1] ?? 0) / 10);
    if (i < COMMON_LIMIT) COMMON.add(w);
  }
})();

/** Zipf frequency (log10 per billion words) of a lower-case word, or undefined when not in the table. */
export function zipf(lower: string): number | undefined {
  const z = ZIPF.get(lower);
  if (z !== undefined) return z;
  // SUBTLEX splits contractions and hyphenated words: score the parts
  if (lower.includes("'") || lower.includes("-")) {
    const parts = lower.split(/['-]/).filter((p) => p.length > 0);
    let min = Infinity;
    for (const p of parts) {
      const zp = ZIPF.get(p);
      if (zp === undefined && p.length > 2) return undefined;
      if (zp !== undefined) min = Math.min(min, zp);
    }
    return min === Infinity ? undefined : min;
  }
  return undefined;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/** Is an unknown word one edit (insert, delete, substitute, swap) away from a common word? */
function nearCommon(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    if (COMMON.has(w.slice(0, i) + w.slice(i + 1))) return true;
    if (i + 1 < w.length && COMMON.has(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2))) return true;
  }
  for (let i = 0; i <= w.length; i++) {
    for (const c of ALPHABET) {
      if (i < w.length && c !== w[i] && COMMON.has(w.slice(0, i) + c + w.slice(i + 1))) return true;
      if (COMMON.has(w.slice(0, i) + c + w.slice(i))) return true;
    }
  }
  return false;
}

/**
 * A likely spelling slip: a lower-case word (as written) of 3+ letters that is not in the
 * table but is one edit from a common word, or a contraction written without its apostrophe.
 */
export function isSlip(text: string, lower: string): boolean {
  if (MISSING_APOSTROPHE.has(lower)) return true;
  if (text !== lower || lower.length < 3 || ZIPF.has(lower) || !/^[a-z]+$/.test(lower)) return false;
  let slip = SLIPS.get(lower);
  if (slip === undefined) {
    slip = nearCommon(lower);
    if (SLIPS.size < 50000) SLIPS.set(lower, slip);
  }
  return slip;
}
// the edit search is the costly part; unknown words recur, so remember answers (bounded)
const SLIPS = new Map<string, boolean>();

/** A lower-case alphabetic word (as written) that the table does not know: a non-word or a rare word. */
export function isUnknown(text: string, lower: string): boolean {
  return text === lower && lower.length >= 3 && /^[a-z]+$/.test(lower) && !ZIPF.has(lower);
}
