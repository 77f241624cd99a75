import type { Fingerprint as FingerprintRow } from "@/db/schema";
import type { Register } from "@/db/schema";
import { confidenceLevel, fingerprintConfidence, parseFingerprint, type ConfidenceLevel, type Fingerprint } from "@/lib/analysis/fingerprint";

/** The confidence at which a fingerprint counts as "high" (the engine's own level boundary is used to check). */
const TARGET_LEVEL: ConfidenceLevel = "high";

export interface FingerprintSummary {
  scope: string;
  status: string;
  words: number;
  samples: number;
  confidence: number;
  level: ConfidenceLevel;
  /** Words to add for a high confidence; 0 when already there. */
  wordsToHigh: number;
  advice: string | null;
  updatedAt: string;
}

/** Smallest word total at which the engine's confidence reaches the target level (found by bisection). */
function wordsForLevel(fp: Fingerprint, level: ConfidenceLevel): number {
  const at = (words: number) => confidenceLevel(fingerprintConfidence({ ...fp, totals: { ...fp.totals, words } }));
  if (at(fp.totals.words) === level) return fp.totals.words;
  let lo = fp.totals.words;
  let hi = Math.max(1000, lo * 2);
  while (at(hi) !== level && hi < 10_000_000) hi *= 2;
  while (hi - lo > 10) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid) === level) hi = mid;
    else lo = mid;
  }
  return hi;
}

const roundUp = (n: number) => (n <= 0 ? 0 : n < 1000 ? Math.ceil(n / 100) * 100 : Math.ceil(n / 500) * 500);

const REGISTER_WORDS: Record<Register, string> = { essay: "essays", email: "email", fiction: "fiction", academic: "academic writing", other: "writing" };

export function summarizeFingerprint(row: FingerprintRow): FingerprintSummary {
  const fp = parseFingerprint(row.data);
  const confidence = fingerprintConfidence(fp);
  const level = confidenceLevel(confidence);
  const wordsToHigh = roundUp(wordsForLevel(fp, TARGET_LEVEL) - fp.totals.words);
  const kind = row.scope === "overall" ? "writing of any kind" : REGISTER_WORDS[row.scope as Register] ?? row.scope;
  return {
    scope: row.scope,
    status: row.status,
    words: fp.totals.words,
    samples: fp.samples.length,
    confidence,
    level,
    wordsToHigh,
    advice: wordsToHigh > 0 ? `Add about ${wordsToHigh.toLocaleString("en-US")} more words of ${kind} for a high confidence.` : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every fingerprint summarised, overall first, and whether a rebuild is still to come. */
export function fingerprintSummaries({ rows, totals }: { rows: FingerprintRow[]; totals: { samples: number; words: number } }) {
  const summaries = rows
    .map(summarizeFingerprint)
    .sort((a, b) => (a.scope === "overall" ? -1 : b.scope === "overall" ? 1 : a.scope.localeCompare(b.scope)));
  const overall = summaries.find((s) => s.scope === "overall");
  // Samples exist but the overall fingerprint does not cover them all yet: a rebuild is pending.
  const stale = totals.samples > 0 && (!overall || overall.samples !== totals.samples || overall.status !== "ready");
  return { fingerprints: summaries, totals, stale };
}
