// Is this text by the writer of a fingerprint? A log-likelihood ratio of the text's style
// counts under the writer's model against "some other writer", turned into a probability
// by the committed calibration, plus the habits where the text departs most from the writer.

import calibrationJson from "./stylometry-calibration.json";
import type { Fingerprint, Register } from "./fingerprint";
import { fingerprintConfidence } from "./fingerprint";
import { segment, type Segmented } from "./segment";
import { STYLE_FEATURES, baseOf, styleCounts, type StyleCounts, type StyleFeature } from "./stylometry";
import {
  cohortStats, normalisedScore, sameWriterLogit, sum, writerLogLikelihood, writerModel,
  type AuthorshipCalibration, type CohortStats, type StyleBackground, type WriterModel,
} from "./stylometry-model";

export const AUTHORSHIP_CALIBRATION: AuthorshipCalibration = calibrationJson;
/** Below this many words a fingerprint cannot support a verdict. */
export const MIN_FINGERPRINT_WORDS = 300;

export type MatchVerdict = "match" | "no-match" | "uncertain";

/** A habit where the text departs from the norm, shaped like the detector's reasons. */
export interface Deviation {
  feature: string;
  description: string;
  /** Rate in the text, per word (or per sentence for sentence features). */
  value: number;
  /** The writer's usual rate in the same unit. */
  norm: number;
  direction: "higher" | "lower";
}

export interface CompareResult {
  words: number;
  /** Calibrated probability that the fingerprint's writer wrote the text (even prior odds). */
  matchProbability: number;
  verdict: MatchVerdict;
  /** The writer's log-likelihood of the text in cohort spreads above other writers', before calibration. */
  score: number;
  fingerprintWords: number;
  fingerprintConfidence: number;
  /** The text's register differs from the fingerprint's: a no-match becomes uncertain. */
  registerMismatch: boolean;
  /** Why the verdict is uncertain, when it is. */
  uncertainBecause: "short-text" | "small-fingerprint" | "register-mismatch" | "inconclusive" | null;
  deviations: Deviation[];
}

export interface CompareOptions {
  /** Register of the text, to check against the fingerprint's. */
  register?: Register;
  calibration?: AuthorshipCalibration;
  maxDeviations?: number;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

interface TextStats { counts: StyleCounts; cohort: Map<StyleBackground, CohortStats> }
// Per segmented text, its counts and cohort statistics: comparing one text with many
// fingerprints (attribution, the evaluation) computes them once.
const memo = new WeakMap<Segmented, TextStats>();

function statsOf(input: string | Segmented): TextStats {
  if (typeof input === "string") return { counts: styleCounts(segment(input)), cohort: new Map() };
  let s = memo.get(input);
  if (!s) {
    s = { counts: styleCounts(input), cohort: new Map() };
    memo.set(input, s);
  }
  return s;
}

function cohortOf(s: TextStats, bg: StyleBackground): CohortStats {
  let c = s.cohort.get(bg);
  if (!c) {
    c = cohortStats(s.counts, bg);
    s.cohort.set(bg, c);
  }
  return c;
}

/** Style counts and cohort statistics of a text given as a string or already segmented. */
export function textStyle(input: string | Segmented, bg: StyleBackground): { counts: StyleCounts; cohort: CohortStats } {
  const s = statsOf(input);
  return { counts: s.counts, cohort: cohortOf(s, bg) };
}

/** The text's log-likelihood under the writer's model, normalised against the cohort. */
export function styleScore(counts: StyleCounts, model: WriterModel, cohort: CohortStats): number {
  return normalisedScore(sum(writerLogLikelihood(counts, model)), cohort);
}

/** Below the minimum length, pull the probability toward even odds in proportion to the words. */
export function shrinkShort(p: number, words: number, minWords: number): number {
  return words >= minWords ? p : 0.5 + (p - 0.5) * (words / minWords);
}

export function compareText(input: string | Segmented, fp: Fingerprint, options: CompareOptions = {}): CompareResult {
  const cal = options.calibration ?? AUTHORSHIP_CALIBRATION;
  const { counts, cohort } = textStyle(input, cal.background);
  const model = writerModel(fp.totals, cal.background);
  const score = styleScore(counts, model, cohort);
  const p = shrinkShort(sigmoid(sameWriterLogit(cal, score, options.register ?? fp.register)), counts.words, cal.minWords);
  const registerMismatch = options.register !== undefined && fp.register !== null && options.register !== fp.register;
  let verdict: MatchVerdict = p >= cal.thresholds.match ? "match" : p <= cal.thresholds.noMatch ? "no-match" : "uncertain";
  let uncertainBecause: CompareResult["uncertainBecause"] = verdict === "uncertain" ? "inconclusive" : null;
  if (counts.words < cal.minWords) uncertainBecause = "short-text";
  else if (fp.totals.words < MIN_FINGERPRINT_WORDS) uncertainBecause = "small-fingerprint";
  else if (registerMismatch && verdict === "no-match") uncertainBecause = "register-mismatch";
  if (uncertainBecause !== null) verdict = "uncertain";
  return {
    words: counts.words,
    matchProbability: p,
    verdict,
    score,
    fingerprintWords: fp.totals.words,
    fingerprintConfidence: fingerprintConfidence(fp),
    registerMismatch,
    uncertainBecause,
    deviations: styleDeviations(counts, model, options.maxDeviations ?? 5),
  };
}

// ---- deviations in words ----------------------------------------------------------

const SMALL = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function timesAsOften(ratio: number): string {
  if (ratio < 1.75) return "one and a half times as often";
  const k = Math.round(ratio);
  if (k === 2) return "twice as often";
  return k <= 10 ? `${SMALL[k]} times as often` : "more than ten times as often";
}

function fractionAsOften(ratio: number): string {
  const k = Math.round(1 / Math.max(ratio, 1e-9));
  if (k <= 2) return ratio > 0.6 ? "two thirds as often" : "half as often";
  const names: Record<number, string> = { 3: "a third", 4: "a quarter", 5: "a fifth" };
  return `${names[k] ?? "a fraction"} as often`;
}

function perUnit(rate: number, f: StyleFeature): string {
  const scale = f.base === "words" ? 1000 : 100;
  const v = rate * scale;
  const shown = v >= 10 ? Math.round(v).toString() : v >= 1 ? v.toFixed(1) : v.toFixed(2);
  return `${shown} per ${f.base === "words" ? "1,000 words" : "100 sentences"}`;
}

export function describeDeviation(f: StyleFeature, value: number, norm: number): string {
  if (value === 0) return `you use no ${f.label} here, though you usually use ${perUnit(norm, f)}`;
  const ratio = value / norm;
  if (ratio >= 1) {
    if (ratio > 10) return `you use ${f.label} here (${perUnit(value, f)}), which you rarely do (${perUnit(norm, f)})`;
    return `you use ${f.label} ${timesAsOften(ratio)} as usual (${perUnit(value, f)} against ${perUnit(norm, f)})`;
  }
  return `you use ${f.label} ${fractionAsOften(ratio)} as usual (${perUnit(value, f)} against ${perUnit(norm, f)})`;
}

/** Features where the text departs most from the writer's model, strongest first. */
export function styleDeviations(counts: StyleCounts, model: WriterModel, max: number): Deviation[] {
  const found: { z: number; d: Deviation }[] = [];
  STYLE_FEATURES.forEach((f, i) => {
    if (f.group === "word-length") return; // scored, but "7-letter words" says little to a writer
    const n = baseOf(counts, f);
    if (n === 0) return;
    const x = counts.counts[i] ?? 0;
    const r = model.rate[i] ?? 0;
    const mean = n * r;
    const sd = Math.sqrt(mean * (model.dispersion[i] ?? 1) + n * n * (model.rateVariance[i] ?? 0));
    if (Math.max(x, mean) < 3 || sd === 0) return; // too few occurrences to speak of
    const z = (x - mean) / sd;
    const value = x / n;
    const ratio = value / r;
    if (Math.abs(z) < 2 || (ratio < 1.5 && ratio > 2 / 3)) return;
    found.push({
      z: Math.abs(z),
      d: { feature: f.name, description: describeDeviation(f, value, r), value: round6(value), norm: round6(r), direction: z > 0 ? "higher" : "lower" },
    });
  });
  found.sort((a, b) => b.z - a.z || (a.d.feature < b.d.feature ? -1 : 1));
  return found.slice(0, max).map((x) => x.d);
}

function round6(x: number): number {
  return Number(x.toPrecision(6));
}
