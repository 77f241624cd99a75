// analyze(text): document and per-sentence AI likelihood with reasons. Pure and deterministic.
import { DEFAULT_WEIGHTS, calibrate, oodDistance, prepare, rawScore, zScores, type DetectorWeights } from "./detector";
import { explain, type Reason } from "./explain";
import { extract } from "./features/extract";
import { FEATURES, FEATURE_INDEX } from "./features/registry";
import { detectLanguage } from "./language";
import { abstention, decideVerdict, type Abstention, type Verdict } from "./verdict";

export const ENGINE_VERSION = "3"; // 3: detector-5 (hinge terms, the project's own machine text); 2: detector-4; cached analyses of older versions are stale
const FUNCTION_SHARE = FEATURE_INDEX.get("function_word_share") ?? -1;

export interface SentenceResult {
  start: number;
  end: number;
  aiProbability: number;
  reasons: Reason[];
}

export interface Analysis {
  engineVersion: string;
  modelVersion: string;
  words: number;
  language: string;
  aiProbability: number;
  verdict: Verdict;
  abstention: Abstention | null;
  reasons: Reason[];
  sentences: SentenceResult[];
  /** every registry feature's document value */
  features: Record<string, number>;
}

export interface AnalyzeOptions {
  weights?: DetectorWeights;
  /** reasons per sentence (default 2); 0 skips them */
  sentenceReasons?: number;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const stage = beginAnalysis(text, options);
  return finishAnalysis(stage, scoreSentences(stage, 0, stage.sentenceCount));
}

/**
 * An analysis taken in parts, for long documents analysed by a background job that reports
 * progress: `beginAnalysis` does the document-wide work (segmenting, features), `scoreSentences`
 * scores any run of sentences, and `finishAnalysis` combines every sentence's score into the
 * verdict. `analyze` is exactly these three calls, so the parts add up to the same result.
 */
export interface AnalysisStage {
  readonly sentenceCount: number;
  /** words per sentence, to split the scoring into parts of similar size */
  readonly sentenceWords: Int32Array;
  readonly words: number;
  /** internal state; treat as opaque */
  readonly internal: StageInternals;
}

interface StageInternals {
  weights: DetectorWeights;
  prepared: ReturnType<typeof prepare>;
  ex: ReturnType<typeof extract>;
  z: Float64Array;
  aiProbability: number;
  language: string;
  abstain: Abstention | null;
  perSentence: number;
}

export function beginAnalysis(text: string, options: AnalyzeOptions = {}): AnalysisStage {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const prepared = prepare(weights);
  const ex = extract(text);
  const z = zScores(prepared, ex.values);
  const aiProbability = calibrate(rawScore(prepared, z), weights.documentCalibration);
  const language = ex.words >= 20 ? detectLanguage(text, ex.values[FUNCTION_SHARE]) : "und";
  const abstain = abstention({ words: ex.words, language, ood: oodDistance(z), weights });
  return {
    sentenceCount: ex.seg.sentences.length,
    sentenceWords: ex.counted.lengths,
    words: ex.words,
    internal: { weights, prepared, ex, z, aiProbability, language, abstain, perSentence: options.sentenceReasons ?? 2 },
  };
}

/** Scores sentences [from, to): each by the context window around it. */
export function scoreSentences(stage: AnalysisStage, from: number, to: number): SentenceResult[] {
  const { weights, prepared, ex, perSentence } = stage.internal;
  const sentences: SentenceResult[] = [];
  let lastWindow: Float64Array | undefined;
  let last: { p: number; reasons: Reason[] } | undefined;
  for (let i = Math.max(0, from); i < Math.min(to, stage.sentenceCount); i++) {
    const s = ex.seg.sentences[i];
    const wv = ex.windows[i];
    if (!s || !wv) continue;
    // Neighbouring sentences often share one window: score it once.
    if (wv !== lastWindow || !last) {
      const wz = zScores(prepared, wv);
      const p = calibrate(rawScore(prepared, wz), weights.windowCalibration);
      const reasons = perSentence > 0
        ? explain({ prepared, values: wv, z: wz, towards: p >= 0.5 ? "ai" : "human", norms: weights.windowNorms, limit: perSentence })
        : [];
      last = { p, reasons };
      lastWindow = wv;
    }
    sentences.push({ start: s.start, end: s.end, aiProbability: last.p, reasons: last.reasons });
  }
  return sentences;
}

/** The document's verdict and reasons from every sentence's score (all of them, in order). */
export function finishAnalysis(stage: AnalysisStage, sentences: SentenceResult[]): Analysis {
  const { weights, prepared, ex, z, aiProbability, language, abstain } = stage.internal;
  if (sentences.length !== stage.sentenceCount) throw new Error(`expected ${stage.sentenceCount} scored sentences, got ${sentences.length}`);
  const sp = Float64Array.from(sentences, (s) => s.aiProbability);
  const sw = ex.counted.lengths;
  const verdict = decideVerdict({ abstain, probability: aiProbability, sentenceProbabilities: sp, sentenceWords: sw, weights });
  const towards = verdict === "ai" || (verdict !== "human" && aiProbability >= 0.5) ? "ai" : "human";
  const reasons = explain({ prepared, values: ex.values, z, towards, norms: weights.norms, limit: 5 });
  const features: Record<string, number> = {};
  FEATURES.forEach((f, i) => { features[f.name] = ex.values[i] ?? 0; });
  return { engineVersion: ENGINE_VERSION, modelVersion: weights.version, words: ex.words, language, aiProbability, verdict, abstention: abstain, reasons, sentences, features };
}
