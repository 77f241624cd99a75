// Count models for style features. Each feature count in a text of n words (or sentences)
// is modelled as negative binomial: a writer's rate with their own over-dispersion
// (function words come in bursts), or — for "some other writer" — the population mean
// with the spread between writers added. Comparing the two gives a log-likelihood ratio
// that grows with the length of the text, as the evidence does (cf. Mosteller & Wallace).

import nbLogpmf from "@stdlib/stats-base-dists-negative-binomial-logpmf";
import poissonLogpmf from "@stdlib/stats-base-dists-poisson-logpmf";
import { SQUARE_SCALE, type StyleMoments } from "./fingerprint";
import { STYLE_FEATURES, baseOf, type StyleCounts } from "./stylometry";

/** Population statistics of the style features, balanced so that every writer counts once. */
export interface StyleBackground {
  /** Mean rate per unit (word or sentence). */
  mean: number[];
  /** Within-writer variance of counts ÷ mean (1 = Poisson). */
  dispersion: number[];
  /** Variance of the rate between writers. */
  between: number[];
}

/** A writer's rate and over-dispersion per feature, smoothed toward the population. */
export interface WriterModel {
  rate: number[];
  dispersion: number[];
  /** Variance of the rate estimate itself (shrinks as the writer's words grow). */
  rateVariance: number[];
}

/** Pseudo-units of population rate mixed into a writer's rate, so unseen habits are not impossible. */
const PRIOR_UNITS = { words: 200, sentences: 10 };
/** Pseudo-chunks of population dispersion mixed into a writer's own estimate. */
const PRIOR_CHUNKS = 5;
const MIN_RATE = 1e-6;

/** Per-unit variance Σ nᵢ(rᵢ − p)² / (k − 1) over chunks, from stored moments; undefined below 2 chunks. */
function chunkVariance(m: StyleMoments, i: number, n: number): number | undefined {
  const c = m.counts[i] ?? 0;
  if (m.chunks < 2 || n <= 0) return undefined;
  const ss = (m.squares[i] ?? 0) / SQUARE_SCALE - (c * c) / n;
  return Math.max(ss, 0) / (m.chunks - 1);
}

export function writerModel(m: StyleMoments, bg: StyleBackground): WriterModel {
  const rate: number[] = [];
  const dispersion: number[] = [];
  const rateVariance: number[] = [];
  STYLE_FEATURES.forEach((f, i) => {
    const n = baseOf(m, f);
    const c = m.counts[i] ?? 0;
    const mu = bg.mean[i] ?? MIN_RATE;
    const phiBg = bg.dispersion[i] ?? 1;
    const a = PRIOR_UNITS[f.base];
    const r = Math.max((c + a * mu) / (n + a), MIN_RATE);
    const v = chunkVariance(m, i, n);
    let phi = phiBg;
    if (v !== undefined && c > 0) {
      const own = v / (c / n);
      const dof = m.chunks - 1;
      phi = (dof * own + PRIOR_CHUNKS * phiBg) / (dof + PRIOR_CHUNKS);
    }
    phi = Math.max(phi, 1);
    rate.push(r);
    dispersion.push(phi);
    rateVariance.push((r * phi) / (n + a));
  });
  return { rate, dispersion, rateVariance };
}

/** log P(x) for a count with the given mean and variance (negative binomial, Poisson at the limit). */
export function countLogPmf(x: number, mean: number, variance: number): number {
  const m = Math.max(mean, 1e-12);
  const poisson = variance <= m * (1 + 1e-9);
  const r = poisson ? Infinity : (m * m) / (variance - m);
  // Most features are absent from a short text: P(0) has a closed form, skip the gamma functions.
  if (x === 0) return poisson ? -m : -r * Math.log1p(m / r);
  return poisson ? poissonLogpmf(x, m) : nbLogpmf(x, r, r / (r + m));
}

/** Per-feature log-likelihood of a text's counts under a writer model (NaN-free; 0 where the base is empty). */
export function writerLogLikelihood(text: StyleCounts, w: WriterModel): number[] {
  return STYLE_FEATURES.map((f, i) => {
    const n = baseOf(text, f);
    if (n === 0) return 0;
    const r = w.rate[i] ?? MIN_RATE;
    const mean = n * r;
    return countLogPmf(text.counts[i] ?? 0, mean, mean * (w.dispersion[i] ?? 1) + n * n * (w.rateVariance[i] ?? 0));
  });
}

/** Per-feature log-likelihood of a text's counts as written by some other, unknown writer. */
export function backgroundLogLikelihood(text: StyleCounts, bg: StyleBackground): number[] {
  return STYLE_FEATURES.map((f, i) => {
    const n = baseOf(text, f);
    if (n === 0) return 0;
    const mean = n * Math.max(bg.mean[i] ?? MIN_RATE, MIN_RATE);
    return countLogPmf(text.counts[i] ?? 0, mean, mean * (bg.dispersion[i] ?? 1) + n * n * (bg.between[i] ?? 0));
  });
}

export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/**
 * Population statistics from several writers' moments, each writer weighted equally
 * (Madison's 14 papers count as much as Hamilton's 51).
 */
export function estimateBackground(writers: readonly StyleMoments[]): StyleBackground {
  const mean: number[] = [];
  const dispersion: number[] = [];
  const between: number[] = [];
  STYLE_FEATURES.forEach((f, i) => {
    const rates: number[] = [];
    const phis: number[] = [];
    const noise: number[] = [];
    for (const w of writers) {
      const n = baseOf(w, f);
      if (n === 0) continue;
      const c = w.counts[i] ?? 0;
      rates.push(c / n);
      const v = chunkVariance(w, i, n);
      if (v !== undefined && c > 0) phis.push(v / (c / n));
    }
    const mu = Math.max(rates.length ? sum(rates) / rates.length : MIN_RATE, MIN_RATE);
    const phi = Math.max(phis.length ? sum(phis) / phis.length : 1, 1);
    for (const w of writers) {
      const n = baseOf(w, f);
      if (n > 0) noise.push((mu * phi) / n);
    }
    const spread = rates.length > 1 ? sum(rates.map((r) => (r - mu) ** 2)) / (rates.length - 1) : 0;
    const tau2 = spread - (noise.length ? sum(noise) / noise.length : 0);
    mean.push(mu);
    dispersion.push(phi);
    between.push(Math.max(tau2, (0.05 * mu) ** 2));
  });
  return { mean, dispersion, between };
}

// ---- score normalisation against a cohort of other writers (T-norm) ----------------
// A text that is unusual for everyone gets a low likelihood under every writer's model, a
// plain one a high likelihood: comparing a writer's log-likelihood with those of a cohort of
// other writers on the same text removes that offset. The cohort is synthetic — writers
// drawn from the population statistics with a fixed seed — so no real writer's profile ships.

const COHORT_SIZE = 32;
/** Words behind each synthetic writer's profile (sets their estimation noise). */
const COHORT_WORDS = 3000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cohorts = new WeakMap<StyleBackground, WriterModel[]>();

/** The fixed synthetic cohort for a background: log-normal rates around the population mean. */
export function cohortModels(bg: StyleBackground): WriterModel[] {
  const cached = cohorts.get(bg);
  if (cached) return cached;
  const rnd = mulberry32(20240601);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const out: WriterModel[] = [];
  for (let k = 0; k < COHORT_SIZE; k++) {
    const rate: number[] = [];
    const dispersion: number[] = [];
    const rateVariance: number[] = [];
    bg.mean.forEach((mu, i) => {
      const s2 = Math.log(1 + (bg.between[i] ?? 0) / (mu * mu));
      const r = Math.max(mu * Math.exp(Math.sqrt(s2) * gauss() - s2 / 2), MIN_RATE);
      const phi = bg.dispersion[i] ?? 1;
      rate.push(r);
      dispersion.push(phi);
      rateVariance.push((r * phi) / COHORT_WORDS);
    });
    out.push({ rate, dispersion, rateVariance });
  }
  cohorts.set(bg, out);
  return out;
}

export interface CohortStats { mean: number; sd: number }

/** Mean and spread of the text's log-likelihood over the synthetic cohort. */
export function cohortStats(text: StyleCounts, bg: StyleBackground): CohortStats {
  const lls = cohortModels(bg).map((m) => sum(writerLogLikelihood(text, m)));
  const mean = sum(lls) / lls.length;
  const sd = Math.sqrt(sum(lls.map((l) => (l - mean) ** 2)) / Math.max(lls.length - 1, 1));
  return { mean, sd: Math.max(sd, 1e-9) };
}

/** How many cohort spreads the writer's log-likelihood lies above the cohort's mean. */
export function normalisedScore(writerLl: number, cohort: CohortStats): number {
  return (writerLl - cohort.mean) / cohort.sd;
}

// ---- calibration ----------------------------------------------------------------

/** P(same writer) = σ(intercept + slope · score). */
export interface LogisticFit { intercept: number; slope: number; pairs: number }

/** Committed calibration of same-writer probabilities (see scripts/calibrate-authorship.ts). */
export interface AuthorshipCalibration {
  version: number;
  styleVersion: number;
  trainedOn: string;
  background: StyleBackground;
  /**
   * One fit per register it could be calibrated for ("email": Enron; "essay": Federalist),
   * and "default" for every other register.
   */
  logistic: Record<string, LogisticFit>;
  /** Verdict cut-offs on the probability. */
  thresholds: { match: number; noMatch: number };
  /** Texts with fewer words are "uncertain" whatever their score. */
  minWords: number;
}

/** Calibrated same-writer log-odds of a normalised score, for a register. */
export function sameWriterLogit(cal: AuthorshipCalibration, score: number, register: string | null | undefined): number {
  const fit = (register ? cal.logistic[register] : undefined) ?? cal.logistic.default;
  if (!fit) throw new Error("authorship calibration has no default fit");
  return fit.intercept + fit.slope * score;
}
