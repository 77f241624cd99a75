/**
 * Long texts are rewritten in groups of whole paragraphs, each at most `maxWords` words, one model
 * call per group, streamed one after the other. A paragraph is never split (a rewrite of half a
 * paragraph would break its sense), so one paragraph longer than the limit is refused.
 */

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export type GroupResult =
  | { ok: true; groups: string[] }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "paragraph_too_long"; paragraphWords: number };

export function paragraphGroups(text: string, maxWords: number): GroupResult {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0 || countWords(text) === 0) return { ok: false, reason: "empty" };
  const groups: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const p of paragraphs) {
    const n = countWords(p);
    if (n > maxWords) return { ok: false, reason: "paragraph_too_long", paragraphWords: n };
    if (words + n > maxWords && current.length > 0) {
      groups.push(current.join("\n\n"));
      current = [];
      words = 0;
    }
    current.push(p);
    words += n;
  }
  if (current.length > 0) groups.push(current.join("\n\n"));
  return { ok: true, groups };
}
