// Which of several writers wrote a text, or none of them. Each candidate's calibrated
// same-writer odds compete with an implicit "someone else" of odds 1, so the scores are
// probabilities over the candidates plus that outsider and a text unlike all of them
// gets no author.

import { AUTHORSHIP_CALIBRATION, styleScore, textStyle } from "./compare";
import type { Fingerprint, Register } from "./fingerprint";
import type { Segmented } from "./segment";
import { sameWriterLogit, writerModel, type AuthorshipCalibration } from "./stylometry-model";

export interface Candidate {
  name: string;
  fingerprint: Fingerprint;
}

export interface AttributionResult {
  words: number;
  /** The most probable candidate, or null when none is likely enough or the text is too short. */
  author: string | null;
  /** scores[name] = probability that name wrote the text. */
  scores: Record<string, number>;
  /** Probability that none of the candidates wrote it. */
  noneProbability: number;
  /** Each candidate's normalised score against other writers (higher = more alike). */
  score: Record<string, number>;
}

export interface AttributeOptions {
  /** Register of the text; each candidate's calibration otherwise follows its fingerprint. */
  register?: Register;
  calibration?: AuthorshipCalibration;
  /** The best candidate must reach this probability to be named (default 0.5). */
  minProbability?: number;
}

export function attributeText(input: string | Segmented, candidates: readonly Candidate[], options: AttributeOptions = {}): AttributionResult {
  const names = new Set<string>();
  for (const c of candidates) {
    if (names.has(c.name)) throw new Error(`duplicate candidate name "${c.name}"`);
    names.add(c.name);
  }
  const cal = options.calibration ?? AUTHORSHIP_CALIBRATION;
  const { counts, cohort } = textStyle(input, cal.background);
  const score: Record<string, number> = {};
  const logits = candidates.map((c) => {
    const s = styleScore(counts, writerModel(c.fingerprint.totals, cal.background), cohort);
    score[c.name] = s;
    // short texts carry less evidence: scale their log-odds down toward even
    return sameWriterLogit(cal, s, options.register ?? c.fingerprint.register) * Math.min(1, counts.words / cal.minWords);
  });
  // softmax over [0 (someone else), ...logits], shifted for numerical safety
  const top = Math.max(0, ...logits);
  const weights = logits.map((l) => Math.exp(l - top));
  const noneWeight = Math.exp(-top);
  const total = noneWeight + weights.reduce((a, b) => a + b, 0);
  const scores: Record<string, number> = {};
  let best: string | null = null;
  let bestScore = -1;
  candidates.forEach((c, i) => {
    const s = (weights[i] ?? 0) / total;
    scores[c.name] = s;
    if (s > bestScore) { bestScore = s; best = c.name; }
  });
  const enough = counts.words >= cal.minWords && bestScore >= (options.minProbability ?? 0.5);
  return { words: counts.words, author: enough ? best : null, scores, noneProbability: noneWeight / total, score };
}
