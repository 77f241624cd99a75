// From scores to a verdict: abstain first (short, not English, unlike the training data),
// then ai / mixed / human, else uncertain.
import type { DetectorWeights } from "./detector";

export type Verdict = "human" | "ai" | "mixed" | "uncertain";
export type AbstentionReason = "short" | "language" | "out-of-distribution";
export interface Abstention { reason: AbstentionReason; message: string }

/** Share of words in high-scoring and low-scoring sentences that makes a text "mixed". */
export const MIXED_SHARE = 0.3;

export function abstention(opts: { words: number; language: string; ood: number; weights: DetectorWeights }): Abstention | null {
  const { words, language, ood, weights } = opts;
  if (words < weights.minWords) {
    return { reason: "short", message: `Only ${words} words; at least ${weights.minWords} are needed to judge style.` };
  }
  if (language !== "eng" && language !== "und") {
    return { reason: "language", message: `The text looks like another language (${language}); only English is scored.` };
  }
  if (ood > weights.oodLimit) {
    return { reason: "out-of-distribution", message: "The text is unlike anything the detector was trained on." };
  }
  return null;
}

export function decideVerdict(opts: {
  abstain: Abstention | null;
  probability: number;
  sentenceProbabilities: ArrayLike<number>;
  sentenceWords: ArrayLike<number>;
  weights: DetectorWeights;
}): Verdict {
  const { abstain, probability, sentenceProbabilities: sp, sentenceWords: sw, weights } = opts;
  if (abstain) return "uncertain";
  if (probability >= weights.thresholds.ai) return "ai";
  let hi = 0, lo = 0, total = 0;
  for (let i = 0; i < sp.length; i++) {
    const w = sw[i] ?? 0;
    total += w;
    if ((sp[i] ?? 0) >= weights.thresholds.windowAi) hi += w;
    else if ((sp[i] ?? 0) < weights.thresholds.human) lo += w;
  }
  if (total > 0 && hi / total >= MIXED_SHARE && lo / total >= MIXED_SHARE) return "mixed";
  if (probability < weights.thresholds.human) return "human";
  return "uncertain";
}
