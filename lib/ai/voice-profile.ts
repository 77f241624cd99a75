import { segment } from "@/lib/analysis";
import { AUTHORSHIP_CALIBRATION } from "@/lib/analysis/compare";
import { DEFAULT_WEIGHTS, humanPercentile } from "@/lib/analysis/detector";
import { zipf } from "@/lib/analysis/features/word-frequency";
import type { Fingerprint, StyleMoments } from "@/lib/analysis/fingerprint";
import { STYLE_FEATURES, styleCounts } from "@/lib/analysis/stylometry";
import { backgroundLogLikelihood, sum, writerLogLikelihood, writerModel } from "@/lib/analysis/stylometry-model";

/**
 * What the steering prompt says about a writer, measured from their fingerprint (sentence lengths,
 * contractions, punctuation, openers: summed counts over all their samples of the register) and
 * from their sample text (favoured transitions, vocabulary level, excerpts). Pure: the caller
 * hands in the writer's own fingerprint and samples, never anyone else's.
 */

export interface VoiceProfile {
  fingerprintWords: number;
  /** Sentence length in words: the middle 70 % of the writer's sentences, and the median. */
  sentenceLength: { low: number; high: number; median: number };
  contractionsPer100: number;
  /** Per 1,000 words: the writer's rate and writers in general (the engine's background). */
  punctuation: Record<PunctuationMark, { writer: number; typical: number }>;
  /** Shares of sentences opening with And/But/So, and with "I". */
  openers: { conjunction: number; firstPerson: number };
  /** Sentence-opening transitions the writer uses most, and formal ones they never use. */
  favouredTransitions: string[];
  avoidedTransitions: string[];
  vocabulary: { level: "plain" | "moderate" | "rich"; meanZipf: number; percentile: number };
  /** Two or three passages of the writer's own that are most like their fingerprint. */
  excerpts: string[];
}

export type PunctuationMark = "dash" | "semicolon" | "parenthesis" | "colon" | "exclamation" | "question";
const PUNCTUATION_FEATURES: Record<PunctuationMark, string> = {
  dash: "punct:dash",
  semicolon: "punct:semicolon",
  parenthesis: "punct:parenthesis",
  colon: "punct:colon",
  exclamation: "punct:exclamation",
  question: "punct:question",
};

const featureIndex = new Map(STYLE_FEATURES.map((f, i) => [f.name, i]));
const indexOf = (name: string) => featureIndex.get(name) ?? -1;

/** Sentence-length bins of the style vector as [low, high] word counts; the open last bin is given 61–80. */
function sentenceBins(): { i: number; lo: number; hi: number }[] {
  return STYLE_FEATURES.flatMap((f, i) => {
    const m = /^sentence-length:(\d+)(?:-(\d+)|\+)$/.exec(f.name);
    if (!m) return [];
    const lo = Number(m[1]);
    return [{ i, lo, hi: m[2] ? Number(m[2]) : lo + 19 }];
  });
}

/** The q-quantile of sentence length, linear inside a bin. */
export function sentenceLengthQuantile(totals: StyleMoments, q: number): number {
  const bins = sentenceBins();
  const counts = bins.map((b) => totals.counts[b.i] ?? 0);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let acc = 0;
  for (const [k, b] of bins.entries()) {
    const c = counts[k] ?? 0;
    if (acc + c >= q * total && c > 0) return Math.round(b.lo + ((q * total - acc) / c) * (b.hi - b.lo));
    acc += c;
  }
  return bins[bins.length - 1]?.hi ?? 0;
}

const rate = (totals: StyleMoments, name: string, per: number) =>
  totals.words > 0 ? ((totals.counts[indexOf(name)] ?? 0) / totals.words) * per : 0;

export const CANDIDATE_TRANSITIONS = [
  "but", "and", "so", "still", "yet", "also", "then", "now", "anyway", "besides", "instead", "actually",
  "honestly", "plus", "of course", "in fact", "that said", "even so", "meanwhile", "after all", "however",
  "moreover", "furthermore", "additionally", "therefore", "thus", "hence", "finally", "overall", "in conclusion",
];
/** Formal connectors chat models lean on; worth naming when the writer never uses them. */
const FORMAL_TRANSITIONS = ["however", "moreover", "furthermore", "additionally", "therefore", "thus", "hence", "overall", "in conclusion"];

function sentenceStarts(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim().replace(/^["'“‘(]+/, "").toLowerCase())
    .filter((s) => s.length > 0);
}

export function transitionHabits(text: string): { favoured: string[]; avoided: string[] } {
  const starts = sentenceStarts(text);
  const count = new Map<string, number>();
  for (const s of starts) {
    for (const t of CANDIDATE_TRANSITIONS) {
      if (s.startsWith(t) && /^[\s,;:—–-]/.test(s.slice(t.length) || " ")) {
        count.set(t, (count.get(t) ?? 0) + 1);
        break;
      }
    }
  }
  const favoured = [...count.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 4)
    .map(([t]) => t);
  const lower = text.toLowerCase();
  const avoided = FORMAL_TRANSITIONS.filter((t) => !new RegExp(`\\b${t}\\b`).test(lower));
  return { favoured, avoided };
}

export function vocabularyLevel(text: string): VoiceProfile["vocabulary"] {
  const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  let total = 0;
  let n = 0;
  for (const w of words) {
    const z = zipf(w);
    total += z ?? 1; // unknown words count as very rare
    n++;
  }
  const meanZipf = n > 0 ? total / n : 0;
  const norm = DEFAULT_WEIGHTS.norms.word_commonness;
  const percentile = norm ? humanPercentile(norm, DEFAULT_WEIGHTS.quantileLevels, meanZipf) : 0.5;
  // Higher commonness = plainer words. The outer thirds of human writing get a name.
  const level = percentile >= 0.67 ? "plain" : percentile <= 0.33 ? "rich" : "moderate";
  return { level, meanZipf: Math.round(meanZipf * 100) / 100, percentile };
}

const countWords = (t: string) => t.split(/\s+/).filter(Boolean).length;

/** Passages of 60–120 words: whole paragraphs, short ones joined to the next, long ones cut at a sentence end. */
export function candidatePassages(text: string): string[] {
  const out: string[] = [];
  let pending = "";
  for (const raw of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const para = raw.replace(/\s+/g, " ").trim();
    if (!para) continue;
    const joined = pending ? `${pending} ${para}` : para;
    const n = countWords(joined);
    if (n < 60) {
      pending = joined;
      continue;
    }
    pending = "";
    if (n <= 120) {
      out.push(joined);
      continue;
    }
    let cut = "";
    for (const sentence of joined.split(/(?<=[.!?])\s+/)) {
      const next = cut ? `${cut} ${sentence}` : sentence;
      if (countWords(next) > 120) break;
      cut = next;
    }
    if (countWords(cut) >= 60) out.push(cut);
  }
  return out;
}

/**
 * The passages most like the writer: ranked by the engine's log-likelihood ratio per word of the
 * passage under the writer's own style model against writers in general — the same measure the
 * editor uses for "least like you", taken from the other end. These carry the writer's habits
 * most densely, so they are the best few-shot examples. At most one per sample while there are
 * enough samples, so the examples do not all share one topic.
 */
export function closestExcerpts(
  samples: { id: string; text: string }[],
  fingerprint: Fingerprint,
  { count = 3, maxCandidates = 80 }: { count?: number; maxCandidates?: number } = {},
): string[] {
  const background = AUTHORSHIP_CALIBRATION.background;
  const model = writerModel(fingerprint.totals, background);
  const scored: { sample: string; text: string; score: number }[] = [];
  for (const s of samples) {
    for (const passage of candidatePassages(s.text)) {
      if (scored.length >= maxCandidates) break;
      const counts = styleCounts(segment(passage));
      if (counts.words === 0) continue;
      const llr = sum(writerLogLikelihood(counts, model)) - sum(backgroundLogLikelihood(counts, background));
      scored.push({ sample: s.id, text: passage, score: llr / counts.words });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const chosen: typeof scored = [];
  const used = new Set<string>();
  for (const c of scored) {
    if (chosen.length >= count || used.has(c.sample)) continue;
    chosen.push(c);
    used.add(c.sample);
  }
  for (const c of scored) if (chosen.length < count && !chosen.includes(c)) chosen.push(c);
  return chosen.map((c) => c.text);
}

/** Sample text analysed for transitions and vocabulary: the most recent writing, capped. */
const MAX_PROFILE_CHARS = 60_000;

export function buildVoiceProfile(
  { fingerprint, samples }: { fingerprint: Fingerprint; samples: { id: string; text: string }[] },
): VoiceProfile {
  const t = fingerprint.totals;
  const text = samples.map((s) => s.text).join("\n\n").slice(-MAX_PROFILE_CHARS);
  const bg = AUTHORSHIP_CALIBRATION.background;
  const punctuation = Object.fromEntries(
    (Object.entries(PUNCTUATION_FEATURES) as [PunctuationMark, string][]).map(([mark, name]) => [
      mark,
      { writer: rate(t, name, 1000), typical: (bg.mean[indexOf(name)] ?? 0) * 1000 },
    ]),
  ) as VoiceProfile["punctuation"];
  const contractions = STYLE_FEATURES.reduce((n, f, i) => (f.group === "contraction" ? n + (t.counts[i] ?? 0) : n), 0);
  const { favoured, avoided } = transitionHabits(text);
  return {
    fingerprintWords: t.words,
    sentenceLength: {
      low: sentenceLengthQuantile(t, 0.15),
      high: sentenceLengthQuantile(t, 0.85),
      median: sentenceLengthQuantile(t, 0.5),
    },
    contractionsPer100: t.words > 0 ? (contractions / t.words) * 100 : 0,
    punctuation,
    openers: {
      conjunction: t.sentences > 0 ? (t.counts[indexOf("opener:conjunction")] ?? 0) / t.sentences : 0,
      firstPerson: t.sentences > 0 ? (t.counts[indexOf("opener:i")] ?? 0) / t.sentences : 0,
    },
    favouredTransitions: favoured,
    avoidedTransitions: avoided,
    vocabulary: vocabularyLevel(text),
    excerpts: closestExcerpts(samples.slice(-40), fingerprint),
  };
}
