import { diffWordsWithSpace, type ChangeObject } from "diff";

/** A piece of text both versions share, or one change: what the original had and what the rewrite has instead. */
export type Segment = { kind: "same"; text: string } | { kind: "change"; id: number; removed: string; added: string };

/**
 * The word diff of the original and the rewrite as alternating shared text and changes. Whitespace
 * is kept in the tokens, so joining the segments gives back either version exactly; a change
 * separated from the next one by whitespace alone is merged with it, so a reworded phrase is one
 * change to accept or reject, not one per word. When the diff would take longer than `timeoutMs`
 * (two very different long texts), the whole passage is one change.
 */
export function diffSegments(original: string, rewrite: string, timeoutMs = 1500): Segment[] {
  const parts = diffWordsWithSpace(original, rewrite, { timeout: timeoutMs }) ?? [
    { value: original, removed: true, added: false, count: 1 },
    { value: rewrite, removed: false, added: true, count: 1 },
  ];
  return toSegments(parts);
}

function toSegments(parts: ChangeObject<string>[]): Segment[] {
  const merged: Segment[] = [];
  for (const part of parts) {
    if (part.value === "") continue;
    const last = merged.at(-1);
    if (!part.added && !part.removed) {
      merged.push({ kind: "same", text: part.value });
      continue;
    }
    let change: Extract<Segment, { kind: "change" }>;
    if (last?.kind === "change") change = last;
    else if (last?.kind === "same" && /^\s+$/.test(last.text) && merged.at(-2)?.kind === "change") {
      // "A b" → "X b" and "b" → "Y": fold the space into the change before it.
      merged.pop();
      change = merged.at(-1) as Extract<Segment, { kind: "change" }>;
      change.removed += last.text;
      change.added += last.text;
    } else {
      change = { kind: "change", id: 0, removed: "", added: "" };
      merged.push(change);
    }
    if (part.removed) change.removed += part.value;
    else change.added += part.value;
  }
  let id = 0;
  for (const s of merged) if (s.kind === "change") s.id = id++;
  return merged;
}

/** The text with the accepted changes taken from the rewrite and every other one kept as the original had it. */
export function applyChanges(segments: readonly Segment[], accepted: ReadonlySet<number>): string {
  return segments.map((s) => (s.kind === "same" ? s.text : accepted.has(s.id) ? s.added : s.removed)).join("");
}

export const changeIds = (segments: readonly Segment[]): number[] => segments.flatMap((s) => (s.kind === "change" ? [s.id] : []));

/**
 * The diff of a rewrite still being written: the last change's removed text is (mostly) the part of
 * the original the model has not reached yet, so it is returned apart as `ahead` instead of being
 * shown as deleted. A short timeout keeps the preview cheap; past it, no marks, just the text.
 */
export function previewSegments(original: string, partial: string): { segments: Segment[]; ahead: string } {
  const parts = diffWordsWithSpace(original, partial, { timeout: 40 });
  if (!parts) return { segments: [{ kind: "same", text: partial }], ahead: "" };
  const segments = toSegments(parts);
  const last = segments.at(-1);
  if (last?.kind !== "change") return { segments, ahead: "" };
  const ahead = last.removed;
  const head = segments.slice(0, -1);
  return { segments: last.added ? [...head, { ...last, removed: "" }] : head, ahead };
}
