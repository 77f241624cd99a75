import { tokenize } from "@/lib/analysis";

/**
 * The editor analyses as the writer types, in the browser, on the main thread. Measured in Node
 * here: 20,000 words take about 0.3 s and 200,000 about 1.5 s per update — too slow to repeat while
 * typing. So the live view covers the first LIVE_ANALYSIS_WORDS words; saving analyses the whole text.
 */
export const LIVE_ANALYSIS_WORDS = 20_000;

/**
 * The text up to the end of its `limit`-th word (whole text when shorter), and whether words were
 * left out. Tokenizes only a growing prefix, so a long text costs about as much as `limit` words.
 */
export function firstWords(text: string, limit = LIVE_ANALYSIS_WORDS): { text: string; truncated: boolean } {
  for (let span = Math.max(64, limit * 8); ; span *= 2) {
    const whole = span >= text.length;
    const prefix = whole ? text : text.slice(0, span);
    let words = 0;
    for (const token of tokenize(prefix)) {
      if (token.kind !== "word") continue;
      words++;
      // A word touching the end of a cut prefix may continue past it: look further.
      if (words === limit && (whole || token.end < prefix.length)) {
        const rest = text.slice(token.end);
        const more = tokenize(rest.slice(0, 200)).some((t) => t.kind === "word");
        return more ? { text: text.slice(0, token.end), truncated: true } : { text, truncated: false };
      }
    }
    if (whole) return { text, truncated: false };
  }
}
