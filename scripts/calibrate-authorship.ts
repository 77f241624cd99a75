// Calibrates same-writer probabilities for fingerprint comparisons and writes
// lib/analysis/stylometry-calibration.json. Run: npm run train:authorship [-- --corpora DIR]
//
// Data: the calibration half of the Enron authors (human-genres.jsonl; the other half is
// kept for evaluation) and the 70 single-author Federalist papers of Hamilton, Madison and
// Jay. The 12 disputed and 3 joint papers are never read here.
// Pairs: each text against its own writer's fingerprint built without it (same), and
// against every other writer's fingerprint (different); classes are weighted equally by
// pairing each same pair with one different pair, so probabilities assume even prior odds.
// Scores are normalised against a synthetic cohort (see stylometry-model.ts), and fitted
// per register: emails on Enron, essays on the Federalist papers; other registers use the
// email fit, because one register's scores do not transfer to another's.

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Matrix } from "ml-matrix";
import LogisticRegressionTwoClasses from "ml-logistic-regression/src/logreg_2classes.js";
import { emptyMoments, sampleMoments, type StyleMoments } from "../lib/analysis/fingerprint";
import { segment } from "../lib/analysis/segment";
import { STYLE_VECTOR_VERSION, styleCounts, type StyleCounts } from "../lib/analysis/stylometry";
import {
  cohortStats, estimateBackground, normalisedScore, sum, writerLogLikelihood, writerModel,
  type AuthorshipCalibration, type LogisticFit, type StyleBackground,
} from "../lib/analysis/stylometry-model";
import { authorHalf, groupBy, loadEmails, loadFederalist } from "./authorship-data";

export const CALIBRATION_FILE = fileURLToPath(new URL("../lib/analysis/stylometry-calibration.json", import.meta.url));

export interface Doc { id: string; author: string; moments: StyleMoments; counts: StyleCounts }

export function toDoc(id: string, author: string, text: string): Doc {
  return { id, author, moments: sampleMoments(text), counts: styleCounts(segment(text)) };
}

export function addMoments(into: StyleMoments, m: StyleMoments, sign: 1 | -1): void {
  into.words += sign * m.words;
  into.sentences += sign * m.sentences;
  into.chunks += sign * m.chunks;
  for (let i = 0; i < into.counts.length; i++) {
    into.counts[i] = (into.counts[i] ?? 0) + sign * (m.counts[i] ?? 0);
    into.squares[i] = (into.squares[i] ?? 0) + sign * (m.squares[i] ?? 0);
  }
}

export function writerTotals(docs: readonly Doc[]): Map<string, StyleMoments> {
  const out = new Map<string, StyleMoments>();
  for (const d of docs) {
    const m = out.get(d.author) ?? emptyMoments();
    addMoments(m, d.moments, 1);
    out.set(d.author, m);
  }
  return out;
}

export interface Pair { same: boolean; score: number; words: number; text: string; writer: string }

/**
 * Every text of a writer with at least two texts against every writer's fingerprint
 * (its own built without it). The text's writer must have `minTexts` texts to be tested.
 */
export function scorePairs(docs: readonly Doc[], bg: StyleBackground, minTexts = 2): Pair[] {
  const totals = writerTotals(docs);
  const byAuthor = groupBy(docs, (d) => d.author);
  const writers = [...totals.keys()].sort();
  const models = new Map(writers.map((w) => [w, writerModel(totals.get(w) ?? emptyMoments(), bg)]));
  const pairs: Pair[] = [];
  for (const author of writers) {
    const own = byAuthor.get(author) ?? [];
    if (own.length < minTexts) continue;
    for (const d of own) {
      const cohort = cohortStats(d.counts, bg);
      for (const w of writers) {
        let model = models.get(w);
        if (w === author) {
          const t = structuredClone(totals.get(w) ?? emptyMoments());
          addMoments(t, d.moments, -1);
          model = writerModel(t, bg);
        }
        if (!model) continue;
        pairs.push({ same: w === author, score: normalisedScore(sum(writerLogLikelihood(d.counts, model)), cohort), words: d.counts.words, text: d.id, writer: w });
      }
    }
  }
  return pairs;
}

/** One different pair per same pair, chosen by a fixed rotation so classes weigh equally. */
function balance(pairs: readonly Pair[]): Pair[] {
  const same = pairs.filter((p) => p.same);
  const diffByText = groupBy(pairs.filter((p) => !p.same), (p) => p.text);
  const out: Pair[] = [];
  same.forEach((p, k) => {
    const ds = diffByText.get(p.text) ?? [];
    const d = ds[k % Math.max(ds.length, 1)];
    if (d) out.push(p, d);
  });
  return out;
}

function fitLogistic(pairs: readonly Pair[]): LogisticFit {
  // Standardise the score so plain gradient descent converges, then undo the scaling.
  const xs = pairs.map((p) => p.score);
  const m = sum(xs) / xs.length;
  const sd = Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / xs.length) || 1;
  const X = new Matrix(xs.map((x) => [1, (x - m) / sd]));
  const Y = Matrix.columnVector(pairs.map((p) => (p.same ? 1 : 0)));
  const model = new LogisticRegressionTwoClasses({ numSteps: 20000, learningRate: 0.5 / pairs.length });
  model.train(X, Y);
  const [w0 = 0, w1 = 0] = model.weights?.to1DArray() ?? [];
  return { intercept: Number((w0 - (w1 * m) / sd).toPrecision(6)), slope: Number((w1 / sd).toPrecision(6)), pairs: pairs.length };
}

/** Probability of a pair under a fit. */
function probability(fit: LogisticFit, score: number): number {
  return 1 / (1 + Math.exp(-(fit.intercept + fit.slope * score)));
}

/**
 * Verdict cut-offs from the calibration pairs: "match" only where at most MAX_FALSE_MATCH of
 * different-writer pairs reach it, "no-match" only where at most MAX_FALSE_NO_MATCH of a
 * writer's own texts fall — calling someone's own text foreign is the worse mistake.
 */
export const MAX_FALSE_MATCH = 0.02;
export const MAX_FALSE_NO_MATCH = 0.01;

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.floor(q * sorted.length)));
  return sorted[i] ?? 0.5;
}

function chooseThresholds(pairs: readonly Pair[], fit: LogisticFit): { match: number; noMatch: number } {
  const diff = pairs.filter((p) => !p.same).map((p) => probability(fit, p.score)).sort((a, b) => a - b);
  const same = pairs.filter((p) => p.same).map((p) => probability(fit, p.score)).sort((a, b) => a - b);
  const match = Math.max(0.5, quantile(diff, 1 - MAX_FALSE_MATCH));
  const noMatch = Math.min(0.5, quantile(same, MAX_FALSE_NO_MATCH));
  return { match: Number(match.toPrecision(4)), noMatch: Number(noMatch.toPrecision(4)) };
}

function round(xs: readonly number[]): number[] {
  return xs.map((x) => Number(x.toPrecision(6)));
}

export async function loadCalibrationDocs(corporaDir: string): Promise<{ emails: Doc[]; federalist: Doc[] }> {
  const emails = (await loadEmails(corporaDir))
    .filter((e) => authorHalf(e.author) === "calibration")
    .map((e) => toDoc(e.id, e.author, e.text));
  const federalist = (await loadFederalist(corporaDir))
    .filter((p) => !p.disputed && p.author !== null && ["HAMILTON", "MADISON", "JAY"].includes(p.label))
    .map((p) => toDoc(p.id, p.label, p.text));
  return { emails, federalist };
}

export async function calibrate(corporaDir: string): Promise<AuthorshipCalibration> {
  const { emails, federalist } = await loadCalibrationDocs(corporaDir);
  const writers = [...writerTotals(emails).values(), ...writerTotals(federalist).values()];
  const background = estimateBackground(writers);
  const allEmailPairs = scorePairs(emails, background);
  const emailPairs = balance(allEmailPairs);
  const essayPairs = balance(scorePairs(federalist, background));
  const email = fitLogistic(emailPairs);
  // Enron is the larger and more modern set, so its fit serves every other register too.
  const logistic = { default: email, email, essay: fitLogistic(essayPairs) };
  const nEmailAuthors = new Set(emails.map((e) => e.author)).size;
  return {
    version: 1,
    styleVersion: STYLE_VECTOR_VERSION,
    trainedOn: `email (and default): ${emails.length} Enron emails by ${nEmailAuthors} authors (calibration half), ${emailPairs.length} balanced pairs; essay: ${federalist.length} single-author Federalist papers (Hamilton, Madison, Jay), ${essayPairs.length} balanced pairs`,
    background: { mean: round(background.mean), dispersion: round(background.dispersion), between: round(background.between) },
    logistic,
    thresholds: chooseThresholds(allEmailPairs, email),
    minWords: 50,
  };
}

function corporaArg(argv: readonly string[]): string {
  const i = argv.indexOf("--corpora");
  return i >= 0 && argv[i + 1] ? argv[i + 1] as string : path.resolve("../shared/corpora");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const cal = await calibrate(corporaArg(process.argv.slice(2)));
  await writeFile(CALIBRATION_FILE, `${JSON.stringify(cal)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), CALIBRATION_FILE)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(cal.trainedOn);
  console.log(`logistic: ${JSON.stringify(cal.logistic)}`);
  console.log(`thresholds: ${JSON.stringify(cal.thresholds)} (at most ${MAX_FALSE_MATCH * 100} % of different-writer calibration pairs called a match, ${MAX_FALSE_NO_MATCH * 100} % of same-writer pairs a no-match)`);
}
