// Corpus loading for the authorship calibration and evaluation scripts (not shipped).
// Authors are split into a calibration half and an evaluation half by a fixed hash of the
// author name, so evaluation figures come from writers the calibration never saw.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface FederalistPaper {
  id: string;
  number: number;
  author: string | null;
  disputed: boolean;
  label: string;
  text: string;
}

export interface Email {
  id: string;
  author: string;
  text: string;
}

async function readJsonl(file: string): Promise<unknown[]> {
  const raw = await readFile(file, "utf8");
  return raw.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as unknown);
}

export async function loadFederalist(corporaDir: string): Promise<FederalistPaper[]> {
  return (await readJsonl(path.join(corporaDir, "federalist.jsonl"))) as FederalistPaper[];
}

/** Enron emails with an author; whitespace normalised, as the corpus README advises. */
export async function loadEmails(corporaDir: string): Promise<Email[]> {
  const rows = (await readJsonl(path.join(corporaDir, "human-genres.jsonl"))) as {
    id: string; domain: string; author?: string; text: string;
  }[];
  return rows
    .filter((r) => r.domain === "email" && typeof r.author === "string")
    .map((r) => ({ id: r.id, author: r.author as string, text: r.text.replace(/\s+/g, " ").trim() }));
}

/** Fixed split of authors: "calibration" or "evaluation". */
export function authorHalf(author: string): "calibration" | "evaluation" {
  const h = createHash("sha256").update(`penprint-authorship:${author}`).digest();
  return (h[0] ?? 0) % 2 === 0 ? "calibration" : "evaluation";
}

export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}
