import { segment, type Segmented } from "@/lib/analysis";

/**
 * Overused patterns in a draft, for the editor: phrases of three to six words that recur, and
 * sentence openers that recur. Pure and browser-safe (it runs as the writer types).
 */
export interface RepeatedPhrase {
  phrase: string;
  count: number;
}

export interface RepeatedOpener {
  opener: string;
  count: number;
  /** Share of the sentences that open with it. */
  share: number;
}

// Phrases made only of these say nothing ("of the", "in a").
const STOP = new Set(
  "a an the of to in on at for and or but is are was were be been it its this that with as by from i you he she we they my your our".split(" "),
);

export function repeatedPhrases(seg: Segmented, { minCount = 3, limit = 8 }: { minCount?: number; limit?: number } = {}): RepeatedPhrase[] {
  const counts = new Map<string, number>();
  for (const sentence of seg.sentences) {
    const words = seg.tokens.slice(sentence.tokenStart, sentence.tokenEnd).filter((t) => t.kind === "word").map((t) => t.lower);
    for (let n = 6; n >= 3; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const gram = words.slice(i, i + n);
        if (gram.every((w) => STOP.has(w))) continue;
        const key = gram.join(" ");
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const frequent = [...counts.entries()].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  // Keep the longest form: "at the end of the day" hides its own "the end of the".
  const kept: RepeatedPhrase[] = [];
  for (const [phrase, count] of frequent) {
    if (kept.some((k) => k.phrase.includes(phrase) && k.count >= count)) continue;
    kept.push({ phrase, count });
    if (kept.length >= limit) break;
  }
  return kept;
}

export function repeatedOpeners(seg: Segmented, { minCount = 3, minShare = 0.15, limit = 5 }: { minCount?: number; minShare?: number; limit?: number } = {}): RepeatedOpener[] {
  const counts = new Map<string, number>();
  let sentences = 0;
  for (const s of seg.sentences) {
    const first = seg.tokens.slice(s.tokenStart, s.tokenEnd).find((t) => t.kind === "word");
    if (!first) continue;
    sentences++;
    counts.set(first.lower, (counts.get(first.lower) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([opener, count]) => ({ opener, count, share: sentences > 0 ? count / sentences : 0 }))
    .filter((o) => o.count >= minCount && o.share >= minShare)
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** Accepts the text or its segmentation (the editor segments once for several panels). */
export function overusedPatterns(input: string | Segmented) {
  const seg = typeof input === "string" ? segment(input) : input;
  return { phrases: repeatedPhrases(seg), openers: repeatedOpeners(seg) };
}
