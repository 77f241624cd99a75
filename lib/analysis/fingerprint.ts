// A writer's fingerprint: summed style counts over their samples, cut into chunks so the
// writer's own chunk-to-chunk variability is known. Everything stored is an integer sum,
// so adding or removing one sample gives exactly the fingerprint a rebuild would.

import { z } from "zod";
import { segment } from "./segment";
import { STYLE_FEATURES, STYLE_VECTOR_VERSION, baseOf, styleChunks } from "./stylometry";

export const REGISTERS = ["essay", "email", "fiction", "academic", "other"] as const;
export type Register = (typeof REGISTERS)[number];

export const FINGERPRINT_SCHEMA_VERSION = 1;
/** Words per chunk; a sample shorter than this is one chunk. */
export const DEFAULT_CHUNK_WORDS = 500;
/** Squares are stored as integers in units of 1/SQUARE_SCALE so sums stay exact. */
export const SQUARE_SCALE = 1_000_000;
/** Words at which confidence reaches 1 − 1/e (about 0.63). */
const CONFIDENCE_WORDS = 2500;

/**
 * Sums over chunks: per feature the count, and the count squared over the chunk's base
 * (words or sentences), which gives the writer's chunk-to-chunk variance.
 */
export interface StyleMoments {
  words: number;
  sentences: number;
  chunks: number;
  counts: number[];
  /** Σ round(SQUARE_SCALE · count² / base) per feature. */
  squares: number[];
}

/** One sample's moments, stored sparsely: only features that occur in it. */
export interface SampleMoments {
  words: number;
  sentences: number;
  chunks: number;
  /** Feature indices (ascending) with a non-zero count. */
  index: number[];
  counts: number[];
  squares: number[];
}

export interface FingerprintSample {
  id: string;
  register: Register | null;
  moments: SampleMoments;
}

export interface Fingerprint {
  schemaVersion: typeof FINGERPRINT_SCHEMA_VERSION;
  styleVersion: number;
  chunkWords: number;
  register: Register | null;
  /** Sum of every sample's moments. */
  totals: StyleMoments;
  /** Sorted by id; kept so a sample can be removed by id. */
  samples: FingerprintSample[];
}

export interface SampleInput {
  id: string;
  text: string;
  register?: Register;
}

export interface FingerprintOptions {
  /** Register of the fingerprint (essay, email …); null when not given. */
  register?: Register;
  chunkWords?: number;
}

export function emptyMoments(): StyleMoments {
  const n = STYLE_FEATURES.length;
  return { words: 0, sentences: 0, chunks: 0, counts: new Array<number>(n).fill(0), squares: new Array<number>(n).fill(0) };
}

function addInto(into: StyleMoments, m: SampleMoments, sign: 1 | -1): void {
  into.words += sign * m.words;
  into.sentences += sign * m.sentences;
  into.chunks += sign * m.chunks;
  m.index.forEach((i, k) => {
    into.counts[i] = (into.counts[i] ?? 0) + sign * (m.counts[k] ?? 0);
    into.squares[i] = (into.squares[i] ?? 0) + sign * (m.squares[k] ?? 0);
  });
}

function sparse(m: StyleMoments): SampleMoments {
  const out: SampleMoments = { words: m.words, sentences: m.sentences, chunks: m.chunks, index: [], counts: [], squares: [] };
  m.counts.forEach((c, i) => {
    if (c === 0) return;
    out.index.push(i);
    out.counts.push(c);
    out.squares.push(m.squares[i] ?? 0);
  });
  return out;
}

/** Style moments of one text, chunked. */
export function sampleMoments(text: string, chunkWords: number = DEFAULT_CHUNK_WORDS): StyleMoments {
  const out = emptyMoments();
  for (const ch of styleChunks(segment(text), chunkWords)) {
    out.words += ch.words;
    out.sentences += ch.sentences;
    out.chunks++;
    STYLE_FEATURES.forEach((f, i) => {
      const c = ch.counts[i] ?? 0;
      const n = baseOf(ch, f);
      out.counts[i] = (out.counts[i] ?? 0) + c;
      if (n > 0 && c > 0) out.squares[i] = (out.squares[i] ?? 0) + Math.round((SQUARE_SCALE * c * c) / n);
    });
  }
  return out;
}

function byId(a: FingerprintSample, b: FingerprintSample): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function assemble(samples: FingerprintSample[], chunkWords: number, register: Register | null | undefined): Fingerprint {
  const sorted = [...samples].sort(byId);
  const totals = emptyMoments();
  for (const s of sorted) addInto(totals, s.moments, 1);
  return {
    schemaVersion: FINGERPRINT_SCHEMA_VERSION,
    styleVersion: STYLE_VECTOR_VERSION,
    chunkWords,
    register: register ?? null,
    totals,
    samples: sorted,
  };
}

/** Build a fingerprint from a writer's samples. Sample ids must be unique. */
export function buildFingerprint(samples: readonly SampleInput[], options: FingerprintOptions = {}): Fingerprint {
  const chunkWords = options.chunkWords ?? DEFAULT_CHUNK_WORDS;
  const seen = new Set<string>();
  const parts = samples.map((s) => {
    if (seen.has(s.id)) throw new Error(`duplicate sample id "${s.id}"`);
    seen.add(s.id);
    return { id: s.id, register: s.register ?? null, moments: sparse(sampleMoments(s.text, chunkWords)) };
  });
  return assemble(parts, chunkWords, options.register);
}

/**
 * Add one sample (replacing any sample with the same id). Only the new text is analysed
 * and the totals are updated in place of a rebuild; the result equals buildFingerprint
 * over the new set of samples.
 */
export function addSample(fp: Fingerprint, sample: SampleInput): Fingerprint {
  const added: FingerprintSample = { id: sample.id, register: sample.register ?? null, moments: sparse(sampleMoments(sample.text, fp.chunkWords)) };
  const totals = structuredClone(fp.totals);
  const old = fp.samples.find((s) => s.id === sample.id);
  if (old) addInto(totals, old.moments, -1);
  addInto(totals, added.moments, 1);
  const samples = [...fp.samples.filter((s) => s.id !== sample.id), added].sort(byId);
  return { ...fp, totals, samples };
}

/** Remove one sample by id; an unknown id leaves the fingerprint as it is. */
export function removeSample(fp: Fingerprint, id: string): Fingerprint {
  const old = fp.samples.find((s) => s.id === id);
  if (!old) return fp;
  const totals = structuredClone(fp.totals);
  addInto(totals, old.moments, -1);
  const samples = fp.samples.filter((s) => s.id !== id);
  return { ...fp, totals, samples };
}

/** Confidence in [0, 1) that grows with the words behind the fingerprint. */
export function fingerprintConfidence(fp: Fingerprint): number {
  return 1 - Math.exp(-fp.totals.words / CONFIDENCE_WORDS);
}

export type ConfidenceLevel = "low" | "medium" | "high";
export function confidenceLevel(confidence: number): ConfidenceLevel {
  return confidence < 0.5 ? "low" : confidence < 0.85 ? "medium" : "high";
}

export function serializeFingerprint(fp: Fingerprint): string {
  return JSON.stringify(fp);
}

const nFeatures = STYLE_FEATURES.length;
const intArray = z.array(z.number().int()).length(nFeatures);
const momentsSchema = z.object({
  words: z.number().int().nonnegative(),
  sentences: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  counts: intArray,
  squares: intArray,
});
const sampleSchema = z
  .object({
    words: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
    chunks: z.number().int().nonnegative(),
    index: z.array(z.number().int().min(0).max(nFeatures - 1)),
    counts: z.array(z.number().int().positive()),
    squares: z.array(z.number().int().nonnegative()),
  })
  .refine((m) => m.counts.length === m.index.length && m.squares.length === m.index.length && m.index.every((v, k) => k === 0 || v > (m.index[k - 1] ?? -1)), {
    message: "sample moments must list ascending feature indices with one count and one square each",
  });
const registerSchema = z.enum(REGISTERS).nullable();
const fingerprintSchema = z.object({
  schemaVersion: z.literal(FINGERPRINT_SCHEMA_VERSION),
  styleVersion: z.literal(STYLE_VECTOR_VERSION),
  chunkWords: z.number().int().positive(),
  register: registerSchema,
  totals: momentsSchema,
  samples: z.array(z.object({ id: z.string(), register: registerSchema, moments: sampleSchema })),
});

/** Parse and validate a serialised fingerprint (a JSON string or an already parsed value). */
export function parseFingerprint(input: string | unknown): Fingerprint {
  const value: unknown = typeof input === "string" ? JSON.parse(input) : input;
  const r = fingerprintSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`not a Penprint fingerprint (schema ${FINGERPRINT_SCHEMA_VERSION}): ${issue ? `${issue.path.join(".")}: ${issue.message}` : "invalid"}`);
  }
  return r.data as Fingerprint;
}
