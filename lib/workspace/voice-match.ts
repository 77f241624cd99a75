import { segment } from "@/lib/analysis";
import { compareText, type CompareResult } from "@/lib/analysis/compare";
import type { Fingerprint, Register } from "@/lib/analysis/fingerprint";

/**
 * How much a draft sounds like its writer: the engine's comparison with their fingerprint, and the
 * sentences least like them (lowest same-writer score), for the editor. Browser-safe.
 */
export interface VoiceMatch {
  result: CompareResult;
  leastLike: { start: number; end: number; score: number }[];
}

/** Sentences shorter than this carry too few habits to rank. */
const MIN_SENTENCE_WORDS = 8;
const MAX_SENTENCES = 300;

export function matchVoice(
  { text, fingerprint, register, leastLikeCount = 3 }: { text: string; fingerprint: Fingerprint; register?: Register; leastLikeCount?: number },
): VoiceMatch {
  const seg = segment(text);
  const result = compareText(seg, fingerprint, register ? { register } : {});
  const scored: VoiceMatch["leastLike"] = [];
  for (const s of seg.sentences.slice(0, MAX_SENTENCES)) {
    const words = seg.tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => t.kind === "word").length;
    if (words < MIN_SENTENCE_WORDS) continue;
    scored.push({ start: s.start, end: s.end, score: compareText(text.slice(s.start, s.end), fingerprint).score });
  }
  scored.sort((a, b) => a.score - b.score);
  return { result, leastLike: scored.slice(0, leastLikeCount) };
}
