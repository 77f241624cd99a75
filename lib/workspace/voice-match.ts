import { segment, type Segmented } from "@/lib/analysis";
import { AUTHORSHIP_CALIBRATION, compareText, type CompareResult } from "@/lib/analysis/compare";
import { addSentenceCounts, emptyStyleCounts } from "@/lib/analysis/stylometry";
import { backgroundLogLikelihood, sum, writerLogLikelihood, writerModel } from "@/lib/analysis/stylometry-model";
import type { Fingerprint, Register } from "@/lib/analysis/fingerprint";

/**
 * How much a draft sounds like its writer: the engine's comparison with their fingerprint, and the
 * sentences least like them, for the editor. Browser-safe. Sentences are ranked by the engine's
 * log-likelihood ratio per word (the writer's model against writers in general), which needs one
 * writer model for the whole draft instead of a full comparison per sentence.
 */
export interface VoiceMatch {
  result: CompareResult;
  leastLike: { start: number; end: number; score: number }[];
}

/** Sentences shorter than this carry too few habits to rank. */
const MIN_SENTENCE_WORDS = 8;
const MAX_SENTENCES = 300;

export function matchVoice(
  { text, segmented, fingerprint, register, leastLikeCount = 3 }: {
    text: string;
    /** The text's segmentation, when the caller already has it. */
    segmented?: Segmented;
    fingerprint: Fingerprint;
    register?: Register;
    leastLikeCount?: number;
  },
): VoiceMatch {
  const seg = segmented ?? segment(text);
  const result = compareText(seg, fingerprint, register ? { register } : {});
  const background = AUTHORSHIP_CALIBRATION.background;
  const model = writerModel(fingerprint.totals, background);
  const scored: VoiceMatch["leastLike"] = [];
  seg.sentences.slice(0, MAX_SENTENCES).forEach((s, i) => {
    const counts = emptyStyleCounts();
    addSentenceCounts(seg, i, i + 1, counts);
    if (counts.words < MIN_SENTENCE_WORDS) return;
    const llr = sum(writerLogLikelihood(counts, model)) - sum(backgroundLogLikelihood(counts, background));
    scored.push({ start: s.start, end: s.end, score: llr / counts.words });
  });
  scored.sort((a, b) => a.score - b.score);
  return { result, leastLike: scored.slice(0, leastLikeCount) };
}
