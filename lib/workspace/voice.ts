import { analyze, DEFAULT_WEIGHTS, FEATURES } from "@/lib/analysis";
import { humanPercentile, normMedian } from "@/lib/analysis/detector";

/**
 * A writer's voice in plain words: where their samples sit among human writing on each of the
 * engine's features (percentiles of the engine's human norms), the most distinctive ones as
 * sentences, and drift between older and recent samples.
 */
export interface FeaturePosition {
  feature: string;
  description: string;
  value: number;
  humanMedian: number;
  /** Share of human texts with a lower value (0..1). */
  percentile: number;
}

export interface DriftItem {
  feature: string;
  description: string;
  before: number;
  after: number;
  message: string;
}

// Not about style: length and layout say nothing of a voice.
const SKIP = new Set(["word_count", "sentences_per_paragraph"]);
/** Text analysed per description; the most recent writing wins (about 0.3 s on one core). */
const MAX_CHARS = 250_000;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const ordinal = (p: number) => {
  const n = Math.max(1, Math.min(99, Math.round(p * 100)));
  const suffix = n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
};

/**
 * Percentile among human texts, with ties split: when many human texts share the value (often 0,
 * e.g. no semicolons at all), the writer sits in the middle of that tie, not at its lower edge.
 */
export function tiedPercentile(quantiles: number[], levels: number[], x: number): number {
  const tol = 1e-9 * Math.max(1, Math.abs(x));
  const tied = quantiles.flatMap((q, i) => (Math.abs(q - x) <= tol ? [levels[i] ?? 0] : []));
  if (tied.length > 0) return ((tied[0] ?? 0) + (tied[tied.length - 1] ?? 0)) / 2;
  return humanPercentile({ quantiles }, levels, x);
}

export function featurePositions(text: string): FeaturePosition[] {
  const { features } = analyze(text.slice(-MAX_CHARS), { sentenceReasons: 0 });
  const levels = DEFAULT_WEIGHTS.quantileLevels;
  const out: FeaturePosition[] = [];
  for (const def of FEATURES) {
    const norm = DEFAULT_WEIGHTS.norms[def.name];
    const value = features[def.name];
    if (!norm || value === undefined || SKIP.has(def.name)) continue;
    out.push({ feature: def.name, description: def.description, value, humanMedian: normMedian(norm, levels), percentile: tiedPercentile(norm.quantiles, levels, value) });
  }
  return out;
}

/** The most distinctive features first (furthest from the human median). */
export function distinctive(positions: FeaturePosition[], limit = 8): FeaturePosition[] {
  return [...positions].sort((a, b) => Math.abs(b.percentile - 0.5) - Math.abs(a.percentile - 0.5)).slice(0, limit);
}

export function voiceSentence(p: FeaturePosition): string {
  const higher = p.percentile >= 0.5;
  const share = Math.round((higher ? p.percentile : 1 - p.percentile) * 100);
  if (share < 65) return `${cap(p.description)}: close to typical human writing.`;
  return `${cap(p.description)}: ${higher ? "higher" : "lower"} than in ${share} % of human writing.`;
}

/** 5–8 sentences on the writer's most distinctive habits (fewer when little stands out). */
export function describeVoice(positions: FeaturePosition[]): string[] {
  const strong = distinctive(positions, 8).filter((p) => Math.abs(p.percentile - 0.5) >= 0.15);
  const chosen = strong.length >= 5 ? strong : distinctive(positions, 5);
  return chosen.map(voiceSentence);
}

/**
 * How recent writing differs from older writing: the samples (oldest first) are split in two
 * halves by words; features whose percentile moved by at least `minShift` are reported.
 */
export function describeDrift(
  samples: { text: string }[],
  { minShift = 0.2, minWordsPerHalf = 300, limit = 5 }: { minShift?: number; minWordsPerHalf?: number; limit?: number } = {},
): DriftItem[] | null {
  if (samples.length < 2) return null;
  const words = samples.map((s) => s.text.split(/\s+/).filter(Boolean).length);
  const total = words.reduce((a, b) => a + b, 0);
  let acc = 0;
  let cut = 1;
  for (let i = 0; i < samples.length - 1; i++) {
    acc += words[i] ?? 0;
    cut = i + 1;
    if (acc >= total / 2) break;
  }
  const olderWords = words.slice(0, cut).reduce((a, b) => a + b, 0);
  if (olderWords < minWordsPerHalf || total - olderWords < minWordsPerHalf) return null;
  const join = (xs: { text: string }[]) => xs.map((s) => s.text).join("\n\n");
  const before = new Map(featurePositions(join(samples.slice(0, cut))).map((p) => [p.feature, p]));
  const items: DriftItem[] = [];
  for (const after of featurePositions(join(samples.slice(cut)))) {
    const old = before.get(after.feature);
    if (!old) continue;
    const shift = after.percentile - old.percentile;
    if (Math.abs(shift) < minShift) continue;
    items.push({
      feature: after.feature,
      description: after.description,
      before: old.percentile,
      after: after.percentile,
      message: `${cap(after.description)} ${shift > 0 ? "went up" : "went down"} in your recent samples (from the ${ordinal(old.percentile)} to the ${ordinal(after.percentile)} percentile of human writing).`,
    });
  }
  return items.sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before)).slice(0, limit);
}
