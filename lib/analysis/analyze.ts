// analyze(text): document and per-sentence AI likelihood with reasons. Pure and deterministic.
import { DEFAULT_WEIGHTS, calibrate, oodDistance, prepare, rawScore, zScores, type DetectorWeights } from "./detector";
import { explain, type Reason } from "./explain";
import { extract } from "./features/extract";
import { FEATURES, FEATURE_INDEX } from "./features/registry";
import { detectLanguage } from "./language";
import { abstention, decideVerdict, type Abstention, type Verdict } from "./verdict";

export const ENGINE_VERSION = "1";
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
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const prepared = prepare(weights);
  const ex = extract(text);
  const z = zScores(prepared, ex.values);
  const aiProbability = calibrate(rawScore(prepared, z), weights.documentCalibration);
  const language = ex.words >= 20 ? detectLanguage(text, ex.values[FUNCTION_SHARE]) : "und";
  const abstain = abstention({ words: ex.words, language, ood: oodDistance(z), weights });

  const perSentence = options.sentenceReasons ?? 2;
  const sentences: SentenceResult[] = [];
  const sp = new Float64Array(ex.seg.sentences.length);
  const sw = ex.counted.lengths;
  let lastWindow: Float64Array | undefined;
  let last: { p: number; reasons: Reason[] } | undefined;
  ex.seg.sentences.forEach((s, i) => {
    const wv = ex.windows[i];
    if (!wv) return;
    if (wv !== lastWindow || !last) {
      const wz = zScores(prepared, wv);
      const p = calibrate(rawScore(prepared, wz), weights.windowCalibration);
      const reasons = perSentence > 0
        ? explain({ prepared, values: wv, z: wz, towards: p >= 0.5 ? "ai" : "human", norms: weights.windowNorms, limit: perSentence })
        : [];
      last = { p, reasons };
      lastWindow = wv;
    }
    sp[i] = last.p;
    sentences.push({ start: s.start, end: s.end, aiProbability: last.p, reasons: last.reasons });
  });

  const verdict = decideVerdict({ abstain, probability: aiProbability, sentenceProbabilities: sp, sentenceWords: sw, weights });
  const towards = verdict === "ai" || (verdict !== "human" && aiProbability >= 0.5) ? "ai" : "human";
  const reasons = explain({ prepared, values: ex.values, z, towards, norms: weights.norms, limit: 5 });
  const features: Record<string, number> = {};
  FEATURES.forEach((f, i) => { features[f.name] = ex.values[i] ?? 0; });
  return { engineVersion: ENGINE_VERSION, modelVersion: weights.version, words: ex.words, language, aiProbability, verdict, abstention: abstain, reasons, sentences, features };
}
