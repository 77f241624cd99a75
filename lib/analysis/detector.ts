// The detector: a strongly regularised logistic regression over standardised features,
// Platt-calibrated, with thresholds chosen on human text by scripts/train-detector.ts.
// Since detector-5 each feature may also bend beyond ±knot (hinge terms), so that its pull can
// change in the tails; the score stays a sum of one contribution per feature, which the reasons read.
import shipped from "./detector-weights.json";
import { FEATURES, FEATURE_INDEX } from "./features/registry";

export interface Calibration { a: number; b: number }
export interface Norm { quantiles: number[] }
export interface DetectorWeights {
  version: string;
  /** model features, in the order of coef/mean/sd */
  features: string[];
  mean: number[];
  sd: number[];
  coef: number[];
  intercept: number;
  /**
   * Optional hinge terms: feature j adds above[j]·(z − knot) when z > knot and below[j]·(−knot − z)
   * when z < −knot (z clipped first). Absent in models before detector-5.
   */
  hinge?: { knot: number; above: number[]; below: number[] };
  /** |z| is clipped here so that one wild value cannot decide a verdict */
  zClip: number;
  documentCalibration: Calibration;
  windowCalibration: Calibration;
  thresholds: { ai: number; human: number; windowAi: number };
  /** root-mean-square z beyond which a text is unlike the training data */
  oodLimit: number;
  /** quantile levels shared by all norms, e.g. [0.01, 0.05, …, 0.99] */
  quantileLevels: number[];
  /** human-writing norms for every registry feature: documents and sentence windows */
  norms: Record<string, Norm>;
  windowNorms: Record<string, Norm>;
  minWords: number;
  training: Record<string, unknown>;
}

export const DEFAULT_WEIGHTS: DetectorWeights = shipped as DetectorWeights;

export interface Prepared {
  /** registry indices of the model features */
  index: Int32Array;
  weights: DetectorWeights;
}

const preparedCache = new WeakMap<DetectorWeights, Prepared>();
export function prepare(weights: DetectorWeights): Prepared {
  let p = preparedCache.get(weights);
  if (!p) {
    const index = Int32Array.from(weights.features.map((n) => {
      const i = FEATURE_INDEX.get(n);
      if (i === undefined) throw new Error(`weights use unknown feature ${n}`);
      return i;
    }));
    p = { index, weights };
    preparedCache.set(weights, p);
  }
  return p;
}

export function transformValue(featureIndex: number, x: number): number {
  return FEATURES[featureIndex]?.transform === "sqrt" ? Math.sqrt(Math.max(0, x)) : x;
}

/** Standardised (unclipped) z-scores of the model features. */
export function zScores(p: Prepared, v: Float64Array): Float64Array {
  const { weights: w, index } = p;
  const z = new Float64Array(index.length);
  for (let j = 0; j < index.length; j++) {
    const fi = index[j] ?? 0;
    z[j] = (transformValue(fi, v[fi] ?? 0) - (w.mean[j] ?? 0)) / (w.sd[j] || 1);
  }
  return z;
}

export function clip(z: number, limit: number): number {
  return z > limit ? limit : z < -limit ? -limit : z;
}

/** What model feature j adds to the raw score at (unclipped) z-score z. */
export function contribution(w: DetectorWeights, j: number, z: number): number {
  const zc = clip(z, w.zClip);
  let c = (w.coef[j] ?? 0) * zc;
  const h = w.hinge;
  if (h) {
    if (zc > h.knot) c += (h.above[j] ?? 0) * (zc - h.knot);
    else if (zc < -h.knot) c += (h.below[j] ?? 0) * (-h.knot - zc);
  }
  return c;
}

/** Raw score (log-odds before calibration) of a feature vector. */
export function rawScore(p: Prepared, z: Float64Array): number {
  const w = p.weights;
  let s = w.intercept;
  for (let j = 0; j < z.length; j++) s += contribution(w, j, z[j] ?? 0);
  return s;
}

export function calibrate(raw: number, c: Calibration): number {
  return 1 / (1 + Math.exp(-(c.a * raw + c.b)));
}

/** Root-mean-square z over the model features: distance from the training data. */
export function oodDistance(z: Float64Array): number {
  let s = 0;
  for (let j = 0; j < z.length; j++) s += (z[j] ?? 0) ** 2;
  return Math.sqrt(s / Math.max(1, z.length));
}

/** Fraction of human texts whose value lies below x, from stored quantiles (linear between them). */
export function humanPercentile(norm: Norm, levels: number[], x: number): number {
  const q = norm.quantiles;
  if (q.length === 0) return 0.5;
  if (x <= (q[0] ?? 0)) return x < (q[0] ?? 0) ? (levels[0] ?? 0) / 2 : levels[0] ?? 0;
  for (let i = 1; i < q.length; i++) {
    const lo = q[i - 1] ?? 0;
    const hi = q[i] ?? 0;
    if (x <= hi) {
      const l0 = levels[i - 1] ?? 0;
      const l1 = levels[i] ?? 1;
      return hi > lo ? l0 + ((x - lo) / (hi - lo)) * (l1 - l0) : (l0 + l1) / 2;
    }
  }
  const last = levels[levels.length - 1] ?? 1;
  return last + (1 - last) / 2;
}

/** Median of a norm (the value reasons compare against). */
export function normMedian(norm: Norm, levels: number[]): number {
  const i = levels.indexOf(0.5);
  return norm.quantiles[i >= 0 ? i : Math.floor(norm.quantiles.length / 2)] ?? 0;
}
