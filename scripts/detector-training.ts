// Shared by scripts/train-detector.ts and scripts/eval.ts: corpus loading, featurisation,
// the logistic-regression fit, calibration and threshold choice. Node only (reads files).
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  calibrate, clip, oodDistance, prepare, rawScore, transformValue, zScores,
  type Calibration, type DetectorWeights,
} from "../lib/analysis/detector";
import { extract } from "../lib/analysis/features/extract";
import { FEATURES } from "../lib/analysis/features/registry";
import { detectLanguage } from "../lib/analysis/language";
import { abstention } from "../lib/analysis/verdict";
import { TRAINING_DATA_DIR, readTrainingData } from "./training-data";

const FUNCTION_SHARE = FEATURES.findIndex((f) => f.name === "function_word_share");

export type Family = "human" | "chat-2023" | "chat-current" | "base";
export interface Doc {
  id: string;
  text: string;
  label: 0 | 1;
  /** leave-one-domain-out unit */
  group: string;
  family: Family;
  generator: string;
  writer?: string;
  /** human-essays rows kept out of training and threshold choice (fixed by id) */
  heldOut: boolean;
  /** the project's own machine text (training-data/) is trained on, never tested: evaluation reports the corpora */
  origin: "corpora" | "training-data";
}

// Domains of the corpora grouped so that a machine genre and its human counterpart
// always fall in the same leave-one-domain-out fold.
const GROUP: Record<string, string> = {
  xsum: "news", news: "news", writing: "stories", squad: "encyclopedia", wikipedia: "encyclopedia",
  encyclopedia: "encyclopedia", pubmed: "biomedical", arxiv: "abstracts", abstract: "abstracts",
  reddit: "forum", "forum-answer": "forum", wikihow: "howto", howto: "howto", review: "reviews",
  email: "email", report: "reports", blog: "blog",
  // genres of training-data/ with no namesake in the corpora
  stories: "stories", biomedical: "biomedical", "student-essay": "essays-us",
};
/** The leave-one-domain-out fold a genre of the corpora or of training-data/ falls in. */
export const groupOf = (domain: string): string => GROUP[domain] ?? domain;
const CHAT_2023 = new Set(["gpt-3.5-turbo", "gpt-4", "llama-2-70b-chat"]);

/** FNV-1a, for a fixed split by id that does not depend on file order. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
/** Half of the human essays, chosen by id, are never used for training or thresholds. */
export const isHeldOutEssay = (id: string): boolean => hashId(id) % 2 === 1;

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}
const str = (x: unknown): string => (typeof x === "string" ? x : "");

/**
 * The corpora in `dir`, then the project's own machine text from `trainingDataDir`
 * (null: corpora only). Each row joins the fold of its genre's human counterpart.
 */
export function loadDetectionDocs(dir: string, trainingDataDir: string | null = TRAINING_DATA_DIR): Doc[] {
  const docs: Doc[] = [];
  for (const r of readJsonl(path.join(dir, "detect.jsonl"))) {
    const human = r.label === "human";
    const gen = str(r.generator);
    docs.push({
      id: str(r.id), text: str(r.text), label: human ? 0 : 1, group: GROUP[str(r.domain)] ?? str(r.domain),
      family: human ? "human" : CHAT_2023.has(gen) ? "chat-2023" : "base", generator: gen || "human", heldOut: false,
      origin: "corpora",
    });
  }
  for (const r of readJsonl(path.join(dir, "human-genres.jsonl"))) {
    docs.push({
      id: str(r.id), text: str(r.text), label: 0, group: GROUP[str(r.domain)] ?? str(r.domain), family: "human", generator: "human",
      heldOut: false, origin: "corpora",
    });
  }
  for (const r of readJsonl(path.join(dir, "human-essays.jsonl"))) {
    const writer = str(r.writer);
    docs.push({
      id: str(r.id), text: str(r.text), label: 0, group: writer === "english-learner" ? "essays-learners" : "essays-us",
      family: "human", generator: "human", writer, heldOut: isHeldOutEssay(str(r.id)), origin: "corpora",
    });
  }
  for (const r of readJsonl(path.join(dir, "machine-extra.jsonl"))) {
    docs.push({
      id: str(r.id), text: str(r.text), label: 1, group: GROUP[str(r.domain)] ?? str(r.domain), family: "chat-current",
      generator: `claude-2026-${str(r.style)}`, heldOut: false, origin: "corpora",
    });
  }
  if (trainingDataDir !== null) {
    for (const { rows } of readTrainingData(trainingDataDir)) {
      for (const r of rows) {
        docs.push({
          id: r.id, text: r.text, label: 1, group: groupOf(r.domain), family: "chat-current",
          generator: `project-${r.model}-${r.style}`, heldOut: false, origin: "training-data",
        });
      }
    }
  }
  return docs;
}

export interface Featurized {
  doc: Doc;
  words: number;
  language: string;
  values: Float64Array;
  /** distinct context windows, with the words of the sentences each stands for */
  windows: Float64Array[];
  windowWords: number[];
}

export function featurize(docs: Doc[], log: (s: string) => void = () => {}): Featurized[] {
  const out: Featurized[] = [];
  const t0 = Date.now();
  docs.forEach((doc, i) => {
    const ex = extract(doc.text);
    const windows: Float64Array[] = [];
    const windowWords: number[] = [];
    ex.windows.forEach((w, s) => {
      const len = ex.counted.lengths[s] ?? 0;
      if (windows[windows.length - 1] === w) windowWords[windowWords.length - 1] = (windowWords[windowWords.length - 1] ?? 0) + len;
      else { windows.push(w); windowWords.push(len); }
    });
    out.push({ doc, words: ex.words, language: ex.words >= 20 ? detectLanguage(doc.text, ex.values[FUNCTION_SHARE]) : "und", values: ex.values, windows, windowWords });
    if ((i + 1) % 2000 === 0) log(`  featurised ${i + 1}/${docs.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  });
  return out;
}

/** Training material: human text except held-out essays; chat-model text except the blog genre. */
export function isTrainable(f: Featurized): boolean {
  if (f.doc.group === "blog") return false;
  if (f.doc.label === 0) return !f.doc.heldOut;
  return f.doc.family === "chat-2023" || f.doc.family === "chat-current";
}

// ---------- model fitting ----------

export const MODEL_FEATURES = FEATURES.filter((f) => f.inModel).map((f) => f.name);
export const LAMBDA = 0.01; // ridge strength on the weighted-mean log loss (fixed a priori)
export const Z_CLIP = 4;
/** |z| beyond which a feature's pull may change (detector-5; chosen by scripts/select-detector-design.ts) */
export const HINGE_KNOT = 1;
export const QUANTILE_LEVELS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];
export const MIN_WORDS = 80;
const THRESHOLD_QUANTILE = 0.995; // per human group, out of domain: leaves a margin under 1 %
const Z_995 = 2.5758293035489; // standard normal quantile at 0.995

/** Each (group, label) cell weighs the same in total, so no domain or class size carries the model. */
export function cellWeights(items: Featurized[]): Float64Array {
  const counts = new Map<string, number>();
  for (const f of items) counts.set(`${f.doc.group}|${f.doc.label}`, (counts.get(`${f.doc.group}|${f.doc.label}`) ?? 0) + 1);
  const w = new Float64Array(items.length);
  items.forEach((f, i) => { w[i] = 1 / (counts.get(`${f.doc.group}|${f.doc.label}`) ?? 1); });
  const s = w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < w.length; i++) w[i] = (w[i] ?? 0) / s;
  return w;
}

function solve(A: Float64Array[], b: Float64Array): Float64Array {
  // Gaussian elimination with partial pivoting (A is small and positive definite)
  const n = b.length;
  const M = A.map((row, i) => { const r = new Float64Array(n + 1); r.set(row); r[n] = b[i] ?? 0; return r; });
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[p]?.[c] ?? 0)) p = r;
    const tmp = M[c]; M[c] = M[p] ?? new Float64Array(n + 1); M[p] = tmp ?? new Float64Array(n + 1);
    const pc = M[c] ?? new Float64Array(n + 1);
    const piv = pc[c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const rr = M[r] ?? new Float64Array(n + 1);
      const f = (rr[c] ?? 0) / piv;
      if (f !== 0) for (let k = c; k <= n; k++) rr[k] = (rr[k] ?? 0) - f * (pc[k] ?? 0);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    const rr = M[r] ?? new Float64Array(n + 1);
    let s = rr[n] ?? 0;
    for (let k = r + 1; k < n; k++) s -= (rr[k] ?? 0) * (x[k] ?? 0);
    x[r] = s / (rr[r] || 1e-12);
  }
  return x;
}

/** Weighted L2-regularised logistic regression by Newton's method; returns [intercept, ...coef]. */
export function fitLogistic(X: Float64Array[], y: ArrayLike<number>, w: ArrayLike<number>, lambda: number): Float64Array {
  const d = (X[0]?.length ?? 0) + 1;
  const n = X.length;
  // rows with a leading 1 for the intercept, in one flat array (the hot loop stays monomorphic)
  const A = new Float64Array(n * d);
  for (let i = 0; i < n; i++) { A[i * d] = 1; A.set(X[i] ?? new Float64Array(d - 1), i * d + 1); }
  let beta = new Float64Array(d);
  const g = new Float64Array(d);
  const H = new Float64Array(d * d);
  for (let iter = 0; iter < 50; iter++) {
    g.fill(0);
    H.fill(0);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += beta[j]! * A[o + j]!;
      const p = 1 / (1 + Math.exp(-s));
      const wi = w[i] ?? 0;
      const r = wi * (p - (y[i] ?? 0));
      const h = wi * p * (1 - p);
      for (let j = 0; j < d; j++) {
        const xj = A[o + j]!;
        g[j] = g[j]! + r * xj;
        const hx = h * xj;
        const hr = j * d;
        for (let k = 0; k <= j; k++) H[hr + k] = H[hr + k]! + hx * A[o + k]!;
      }
    }
    const M: Float64Array[] = [];
    for (let j = 0; j < d; j++) {
      if (j > 0) { g[j] = g[j]! + lambda * beta[j]!; H[j * d + j] = H[j * d + j]! + lambda; }
      const row = new Float64Array(d);
      for (let k = 0; k < d; k++) row[k] = k <= j ? H[j * d + k]! : H[k * d + j]!;
      M.push(row);
    }
    const step = solve(M, g);
    let maxStep = 0;
    const next = new Float64Array(d);
    for (let j = 0; j < d; j++) { next[j] = beta[j]! - step[j]!; maxStep = Math.max(maxStep, Math.abs(step[j]!)); }
    beta = next;
    if (maxStep < 1e-7) break;
  }
  return beta;
}

function weightedQuantile(values: number[], q: number): number {
  return sortedQuantile(Float64Array.from(values).sort(), q);
}
/** Quantile (linear interpolation) of an ascending array. */
function sortedQuantile(s: ArrayLike<number>, q: number): number {
  if (s.length === 0) return 0;
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (pos - lo);
}

/** Platt scaling on (score, label) with balanced class weights. */
export function fitPlatt(scores: number[], labels: number[]): Calibration {
  const n1 = labels.filter((l) => l === 1).length || 1;
  const n0 = labels.length - n1 || 1;
  const X = scores.map((s) => Float64Array.of(s));
  const w = labels.map((l) => (l === 1 ? 0.5 / n1 : 0.5 / n0));
  const beta = fitLogistic(X, labels, w, 1e-6);
  return { a: beta[1] ?? 1, b: beta[0] ?? 0 };
}

interface CoreModel {
  features: string[]; mean: number[]; sd: number[]; coef: number[]; intercept: number;
  hinge?: { knot: number; above: number[]; below: number[] };
}

/** Each z-score with its two hinge terms, max(0, z − knot) and max(0, −knot − z). */
function hingeBasis(z: Float64Array, knot: number): Float64Array {
  const out = new Float64Array(z.length * 3);
  for (let j = 0; j < z.length; j++) {
    const v = z[j] ?? 0;
    out[3 * j] = v;
    out[3 * j + 1] = Math.max(0, v - knot);
    out[3 * j + 2] = Math.max(0, -knot - v);
  }
  return out;
}

/** Standardise with cell-weighted mean/sd, fit the regression (with hinge terms unless `hinge` is false). */
export function fitCore(train: Featurized[], lambda: number = LAMBDA, features: string[] = MODEL_FEATURES, hinge = true): CoreModel {
  const idx = features.map((n) => FEATURES.findIndex((f) => f.name === n));
  const w = cellWeights(train);
  const d = idx.length;
  const raw = train.map((f) => Float64Array.from(idx, (fi) => transformValue(fi, f.values[fi] ?? 0)));
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  raw.forEach((x, i) => { for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) + (w[i] ?? 0) * (x[j] ?? 0); });
  raw.forEach((x, i) => { for (let j = 0; j < d; j++) sd[j] = (sd[j] ?? 0) + (w[i] ?? 0) * ((x[j] ?? 0) - (mean[j] ?? 0)) ** 2; });
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j] ?? 0) || 1;
  const X = raw.map((x) => Float64Array.from(x, (v, j) => clip((v - (mean[j] ?? 0)) / (sd[j] ?? 1), Z_CLIP)));
  const labels = train.map((f) => f.doc.label);
  if (!hinge) {
    const beta = fitLogistic(X, labels, w, lambda);
    return { features, mean, sd, coef: Array.from(beta.slice(1)), intercept: beta[0] ?? 0 };
  }
  const beta = fitLogistic(X.map((z) => hingeBasis(z, HINGE_KNOT)), labels, w, lambda);
  const term = (k: number) => Array.from({ length: d }, (_, j) => beta[1 + 3 * j + k] ?? 0);
  return { features, mean, sd, coef: term(0), intercept: beta[0] ?? 0, hinge: { knot: HINGE_KNOT, above: term(1), below: term(2) } };
}

export function asWeights(core: CoreModel, rest: Partial<DetectorWeights> = {}): DetectorWeights {
  return {
    version: "draft", ...core, zClip: Z_CLIP, documentCalibration: { a: 1, b: 0 }, windowCalibration: { a: 1, b: 0 },
    thresholds: { ai: 0.5, human: 0.5, windowAi: 0.5 }, oodLimit: Infinity, quantileLevels: QUANTILE_LEVELS,
    norms: {}, windowNorms: {}, minWords: MIN_WORDS, training: {}, ...rest,
  };
}

export function rawOf(weights: DetectorWeights, values: Float64Array): { raw: number; ood: number } {
  const p = prepare(weights);
  const z = zScores(p, values);
  return { raw: rawScore(p, z), ood: oodDistance(z) };
}

function norms(rows: Float64Array[]): Record<string, { quantiles: number[] }> {
  const out: Record<string, { quantiles: number[] }> = {};
  FEATURES.forEach((f, i) => {
    const vals = Float64Array.from(rows, (r) => r[i] ?? 0).sort();
    out[f.name] = { quantiles: QUANTILE_LEVELS.map((q) => Math.round(sortedQuantile(vals, q) * 1e4) / 1e4) };
  });
  return out;
}

/**
 * The full procedure: fit on `train`; calibrate and choose the `ai` threshold from
 * leave-one-group-out scores inside `train` (so the threshold is set on human text the
 * model did not see, as a new domain would be); window calibration; norms; OOD limit.
 */
export interface FitOptions {
  lambda?: number;
  features?: string[];
  /** per-group human quantile the threshold keeps below */
  thresholdQuantile?: number;
  /** false: the per-domain quantile rule alone (detector-3) */
  domainRule?: boolean;
  /** false: a plain linear model, without hinge terms (detector-4 and before) */
  hinge?: boolean;
}
export function fitDetector(train: Featurized[], version: string, log: (s: string) => void = () => {}, opts: FitOptions = {}): DetectorWeights {
  const tq = opts.thresholdQuantile ?? THRESHOLD_QUANTILE;
  const features = opts.features ?? MODEL_FEATURES;
  const groups = [...new Set(train.map((f) => f.doc.group))].sort();
  // out-of-group raw scores: each training domain scored by a model fitted without it
  const outOfGroup = (l: number): Map<Featurized, number> => {
    const m = new Map<Featurized, number>();
    for (const g of groups) {
      const w = asWeights(fitCore(train.filter((f) => f.doc.group !== g), l, features, opts.hinge ?? true));
      for (const f of train) if (f.doc.group === g) m.set(f, rawOf(w, f.values).raw);
    }
    return m;
  };
  const lambda = opts.lambda ?? LAMBDA;
  const oofRaw = outOfGroup(lambda);
  const core = fitCore(train, lambda, features, opts.hinge ?? true);
  const scored = train.filter((f) => oofRaw.has(f));
  const documentCalibration = fitPlatt(scored.map((f) => oofRaw.get(f) ?? 0), scored.map((f) => f.doc.label));

  const base = asWeights(core, { documentCalibration });
  const trainDists = train.filter((f) => f.words >= MIN_WORDS).map((f) => rawOf(base, f.values).ood);
  const oodLimit = weightedQuantile(trainDists, 0.995) * 1.25;
  const withOod = asWeights(core, { documentCalibration, oodLimit });

  // threshold, on human text of each training domain scored by a model that never saw that domain:
  // (1) "quantile": the strictest domain's 99.5th percentile (detector-3);
  // (2) "domains": a new domain is a draw from the population of domains — human out-of-group log-odds
  //     are modelled per domain as normal (mean μ_g, spread σ_g), the domain means as normal around μ̄
  //     with between-domain variance τ²; the threshold keeps a new domain's expected false positives at
  //     0.5 %: μ̄ + z(0.995) · √(mean σ_g² + τ²). The larger of the two is used.
  let ai = 0.5;
  const perGroup: Record<string, number> = {};
  const domainStats: { mu: number; var: number }[] = [];
  for (const g of groups) {
    const judged = scored
      .filter((f) => f.doc.group === g && f.doc.label === 0)
      .filter((f) => !abstention({ words: f.words, language: f.language, ood: rawOf(withOod, f.values).ood, weights: withOod }));
    if (judged.length < 30) continue;
    const ps = judged.map((f) => calibrate(oofRaw.get(f) ?? 0, documentCalibration));
    perGroup[g] = weightedQuantile(ps, tq);
    ai = Math.max(ai, perGroup[g] ?? 0);
    const ls = judged.map((f) => documentCalibration.a * (oofRaw.get(f) ?? 0) + documentCalibration.b);
    const mu = ls.reduce((x, y) => x + y, 0) / ls.length;
    domainStats.push({ mu, var: ls.reduce((x, y) => x + (y - mu) ** 2, 0) / ls.length });
  }
  const quantileRule = Math.min(ai, 0.995);
  let domainRule = 0;
  if (opts.domainRule !== false && domainStats.length >= 3) {
    const k = domainStats.length;
    const muBar = domainStats.reduce((x, d) => x + d.mu, 0) / k;
    const tau2 = domainStats.reduce((x, d) => x + (d.mu - muBar) ** 2, 0) / (k - 1);
    const within = domainStats.reduce((x, d) => x + d.var, 0) / k;
    domainRule = 1 / (1 + Math.exp(-(muBar + Z_995 * Math.sqrt(within + tau2))));
    ai = Math.max(ai, domainRule);
  }
  ai = Math.min(ai, 0.995);

  // windows: up to 6 per document, evenly spread, scored by the final model
  const wScores: number[] = [];
  const wLabels: number[] = [];
  const humanWindows: Float64Array[] = [];
  const humanWindowRaw: number[] = [];
  for (const f of train) {
    const k = f.windows.length;
    const step = Math.max(1, Math.floor(k / 6));
    for (let i = 0; i < k; i += step) {
      const wv = f.windows[i];
      if (!wv) continue;
      const r = rawOf(base, wv).raw;
      wScores.push(r);
      wLabels.push(f.doc.label);
      if (f.doc.label === 0) { humanWindows.push(wv); humanWindowRaw.push(r); }
    }
  }
  const windowCalibration = fitPlatt(wScores, wLabels);
  const windowAi = Math.max(0.5, weightedQuantile(humanWindowRaw.map((r) => calibrate(r, windowCalibration)), 0.99));
  const humanDocs = train.filter((f) => f.doc.label === 0 && f.words >= MIN_WORDS).map((f) => f.values);
  log(`  threshold ai=${ai.toFixed(4)} (domain model ${domainRule.toFixed(4)}; per group: ${Object.entries(perGroup).map(([g, v]) => `${g} ${v.toFixed(3)}`).join(", ")}); windowAi=${windowAi.toFixed(4)}; oodLimit=${oodLimit.toFixed(3)}`);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return asWeights(
    {
      ...core, mean: core.mean.map(round), sd: core.sd.map(round), coef: core.coef.map(round), intercept: round(core.intercept),
      ...(core.hinge ? { hinge: { knot: core.hinge.knot, above: core.hinge.above.map(round), below: core.hinge.below.map(round) } } : {}),
    },
    {
      version,
      documentCalibration: { a: round(documentCalibration.a), b: round(documentCalibration.b) },
      windowCalibration: { a: round(windowCalibration.a), b: round(windowCalibration.b) },
      thresholds: { ai: round(ai), human: 0.5, windowAi: round(windowAi) },
      oodLimit: round(oodLimit),
      norms: norms(humanDocs),
      windowNorms: norms(humanWindows),
      training: {
        lambda, hinge: core.hinge !== undefined, documents: train.length,
        projectMachineDocuments: train.filter((f) => f.doc.origin === "training-data").length, humanDocuments: train.filter((f) => f.doc.label === 0).length,
        thresholdQuantilePerGroup: THRESHOLD_QUANTILE, groups,
        // the two threshold rules' values (the `ai` threshold is the larger), for the evaluation's comparison
        thresholdRules: { quantile: round(quantileRule), domainModel: round(Math.min(domainRule, 0.995)) },
      },
    },
  );
}

// ---------- metrics ----------

/** Area under the ROC curve (Mann–Whitney, ties count half). */
export function auroc(pos: number[], neg: number[]): number {
  if (pos.length === 0 || neg.length === 0) return NaN;
  const all = [...pos.map((s) => [s, 1] as const), ...neg.map((s) => [s, 0] as const)].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]?.[0] === all[i]?.[0]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (all[k]?.[1] === 1) rankSum += avg;
    i = j + 1;
  }
  return (rankSum - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length);
}

/** True-positive rate at the threshold that keeps false positives at or below `fpr` on `neg`. */
export function tprAtFpr(pos: number[], neg: number[], fpr: number): number {
  if (pos.length === 0 || neg.length === 0) return NaN;
  const s = [...neg].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * s.length);
  const t = s[allowed] ?? -Infinity; // scores strictly above t are flagged
  return pos.filter((p) => p > t).length / pos.length;
}

/** Wilson 95 % interval for k of n. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const z = 1.96;
  const p = k / n;
  const den = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}
