import { diff3Merge, diffComm } from "node-diff3";

/**
 * Three-way merge of a draft edited on two devices: `base` is the version this tab last saved or
 * loaded, `mine` the text in this tab, `theirs` what the server holds now. The texts are split into
 * sentences and the whitespace between them, so edits to different sentences (or paragraphs) merge
 * cleanly and only edits to the same sentence conflict — with both sides kept for the writer to pick.
 * Pure: runs in the browser and in tests.
 */
export interface DraftSide {
  title: string;
  text: string;
}

export type MergeChunk =
  | { kind: "ok"; text: string }
  | { kind: "conflict"; id: number; base: string; mine: string; theirs: string };

export type TitleMerge = { kind: "ok"; title: string } | { kind: "conflict"; base: string; mine: string; theirs: string };

export type DraftMerge =
  | { clean: true; merged: DraftSide }
  | { clean: false; title: TitleMerge; chunks: MergeChunk[]; conflicts: number };

export type Side = "mine" | "theirs";

// A sentence ends at . ! ? … (and closing quotes or brackets) before a capital, a digit or an
// opening quote, or before a line end; a line without end punctuation is one token too.
const TOKEN = /\s+|\S[^\n]*?(?:[.!?…]+["'”’)\]]*(?=[^\S\n]+[A-Z0-9"'“‘([]|[^\S\n]*(?:\n|$))|(?=[^\S\n]*\n)|(?=\s*$))/g;

/** Sentences, line ends and runs of whitespace, in order; joined they give the text back. */
export function mergeTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A title is one unit: changed on one side only → that side; changed on both alike → either. */
export function mergeTitle(base: string, mine: string, theirs: string): TitleMerge {
  if (mine === theirs || theirs === base) return { kind: "ok", title: mine };
  if (mine === base) return { kind: "ok", title: theirs };
  return { kind: "conflict", base, mine, theirs };
}

export function mergeDrafts({ base, mine, theirs }: { base: DraftSide; mine: DraftSide; theirs: DraftSide }): DraftMerge {
  const title = mergeTitle(base.title, mine.title, theirs.title);
  const regions = diff3Merge(mergeTokens(mine.text), mergeTokens(base.text), mergeTokens(theirs.text), { excludeFalseConflicts: true });
  const chunks: MergeChunk[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      const text = region.ok.join("");
      const last = chunks[chunks.length - 1];
      if (last?.kind === "ok") last.text += text;
      else if (text) chunks.push({ kind: "ok", text });
    } else if (region.conflict) {
      chunks.push({ kind: "conflict", id: conflicts++, base: region.conflict.o.join(""), mine: region.conflict.a.join(""), theirs: region.conflict.b.join("") });
    }
  }
  if (conflicts === 0 && title.kind === "ok") return { clean: true, merged: { title: title.title, text: chunks.map((c) => (c.kind === "ok" ? c.text : "")).join("") } };
  return { clean: false, title, chunks, conflicts };
}

/** The text once the writer has chosen a side for every conflicting region (unchosen regions: `fallback`). */
export function resolveMerge(
  merge: Extract<DraftMerge, { clean: false }>,
  choices: { title?: Side; regions: Record<number, Side> },
  fallback: Side = "mine",
): DraftSide {
  const text = merge.chunks.map((c) => (c.kind === "ok" ? c.text : c[choices.regions[c.id] ?? fallback])).join("");
  const title = merge.title.kind === "ok" ? merge.title.title : merge.title[choices.title ?? fallback];
  return { title, text };
}

/**
 * Where a caret at `offset` in `from` belongs in `to`: inside unchanged text it keeps its place
 * relative to the words around it; inside replaced text it goes to the end of the replacement.
 */
export function mapOffset(from: string, to: string, offset: number): number {
  let a = 0;
  let b = 0;
  // node-diff3's typings omit `common`, which diffComm returns for shared runs.
  const parts = diffComm(mergeTokens(from), mergeTokens(to)) as { common?: string[]; buffer1?: string[]; buffer2?: string[] }[];
  for (const part of parts) {
    if (part.common) {
      const len = part.common.join("").length;
      if (offset <= a + len) return b + (offset - a);
      a += len;
      b += len;
    } else {
      const lenA = (part.buffer1 ?? []).join("").length;
      const lenB = (part.buffer2 ?? []).join("").length;
      if (offset < a + lenA) return b + lenB;
      a += lenA;
      b += lenB;
    }
  }
  return Math.min(to.length, b + Math.max(0, offset - a));
}
