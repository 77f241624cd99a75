// The style vector behind fingerprints: integer counts of mostly topic-free habits
// (function words, punctuation, contractions, word and sentence length, casing). Counts,
// not rates, so that samples add and subtract exactly; each feature names the unit
// ("words" or "sentences") its rate is taken over.

import type { Segmented } from "./segment";
import commonWords from "./stylometry-common-words.json";
import { CONJUNCTION_OPENERS, CONTRACTION_SUFFIXES, FUNCTION_WORDS } from "./stylometry-words";

/** Everyday words beyond the function words (see scripts/build-style-words.ts). */
export const COMMON_WORDS: readonly string[] = commonWords.words;

export type StyleBase = "words" | "sentences";
export type StyleGroup =
  | "function-word" | "common-word" | "punctuation" | "contraction" | "word-length" | "sentence-length" | "casing" | "opener" | "form";

export interface StyleFeature {
  /** Stable name, e.g. "fw:upon", "punct:semicolon", "sentence-length:31-40". */
  name: string;
  /** What the rate is taken over. */
  base: StyleBase;
  /** Noun phrase for sentences such as "you use {label} twice as often as usual". */
  label: string;
  group: StyleGroup;
}

/** Bumped whenever STYLE_FEATURES changes order or meaning; fingerprints record it. */
export const STYLE_VECTOR_VERSION = 1;

const PUNCTUATION: readonly { name: string; label: string }[] = [
  { name: "punct:comma", label: "commas" },
  { name: "punct:semicolon", label: "semicolons" },
  { name: "punct:colon", label: "colons" },
  { name: "punct:dash", label: "dashes" },
  { name: "punct:parenthesis", label: "parentheses" },
  { name: "punct:quote", label: "quotation marks" },
  { name: "punct:exclamation", label: "exclamation marks" },
  { name: "punct:question", label: "question marks" },
  { name: "punct:ellipsis", label: "ellipses" },
];

// Word lengths in letters: 1 … 12, then 13 or more.
const WORD_LENGTH_BINS = 13;
// Sentence lengths in words: upper bounds of each bin (inclusive); the last is open.
const SENTENCE_BINS: readonly number[] = [5, 10, 15, 20, 25, 30, 40, 60];

function sentenceBinName(i: number): string {
  const lo = i === 0 ? 1 : (SENTENCE_BINS[i - 1] ?? 0) + 1;
  const hi = SENTENCE_BINS[i];
  return hi === undefined ? `${lo}+` : `${lo}-${hi}`;
}

function buildFeatures(): StyleFeature[] {
  const f: StyleFeature[] = [];
  for (const w of FUNCTION_WORDS) f.push({ name: `fw:${w}`, base: "words", label: `the word "${w}"`, group: "function-word" });
  for (const w of COMMON_WORDS) f.push({ name: `cw:${w}`, base: "words", label: `the word "${w}"`, group: "common-word" });
  for (const p of PUNCTUATION) f.push({ name: p.name, base: "words", label: p.label, group: "punctuation" });
  for (const c of CONTRACTION_SUFFIXES) f.push({ name: c.name, base: "words", label: c.label, group: "contraction" });
  for (let i = 1; i <= WORD_LENGTH_BINS; i++) {
    const n = i === WORD_LENGTH_BINS ? `${i}+` : `${i}`;
    f.push({ name: `word-length:${n}`, base: "words", label: `${n}-letter words`, group: "word-length" });
  }
  for (let i = 0; i <= SENTENCE_BINS.length; i++) {
    const n = sentenceBinName(i);
    f.push({ name: `sentence-length:${n}`, base: "sentences", label: `sentences of ${n} words`, group: "sentence-length" });
  }
  f.push(
    { name: "form:number", base: "words", label: "numerals", group: "form" },
    { name: "form:hyphenated", base: "words", label: "hyphenated words", group: "form" },
    { name: "casing:lowercase-i", base: "words", label: "a lower-case \"i\" for \"I\"", group: "casing" },
    { name: "casing:all-caps", base: "words", label: "words in capitals", group: "casing" },
    { name: "casing:lowercase-start", base: "sentences", label: "sentences starting in lower case", group: "casing" },
    { name: "opener:conjunction", base: "sentences", label: "sentences opening with And, But or So", group: "opener" },
    { name: "opener:i", base: "sentences", label: "sentences opening with \"I\"", group: "opener" },
    { name: "opener:the", base: "sentences", label: "sentences opening with \"The\"", group: "opener" },
    { name: "end:none", base: "sentences", label: "sentences without closing punctuation", group: "punctuation" },
  );
  return f;
}

export const STYLE_FEATURES: readonly StyleFeature[] = buildFeatures();

const INDEX = new Map<string, number>(STYLE_FEATURES.map((f, i) => [f.name, i]));
function idx(name: string): number {
  const i = INDEX.get(name);
  if (i === undefined) throw new Error(`unknown style feature ${name}`);
  return i;
}
const FW_INDEX = new Map<string, number>([
  ...FUNCTION_WORDS.map((w): [string, number] => [w, idx(`fw:${w}`)]),
  ...COMMON_WORDS.map((w): [string, number] => [w, idx(`cw:${w}`)]),
]);
const PUNCT_INDEX = new Map<string, number>();
for (const ch of [","]) PUNCT_INDEX.set(ch, idx("punct:comma"));
PUNCT_INDEX.set(";", idx("punct:semicolon"));
PUNCT_INDEX.set(":", idx("punct:colon"));
for (const ch of ["—", "–", "-", "--", "---"]) PUNCT_INDEX.set(ch, idx("punct:dash"));
PUNCT_INDEX.set("(", idx("punct:parenthesis"));
for (const ch of [`"`, "“", "”", "‘", "’", "'", "«", "»"]) PUNCT_INDEX.set(ch, idx("punct:quote"));
PUNCT_INDEX.set("…", idx("punct:ellipsis"));
const CONTRACTION_INDEX = CONTRACTION_SUFFIXES.map((c) => ({ suffix: c.suffix, i: idx(c.name) }));
const WORD_LENGTH0 = idx("word-length:1");
const SENTENCE_LENGTH0 = idx(`sentence-length:${sentenceBinName(0)}`);
const I_NUMBER = idx("form:number");
const I_HYPHEN = idx("form:hyphenated");
const I_LOWER_I = idx("casing:lowercase-i");
const I_ALL_CAPS = idx("casing:all-caps");
const I_LOWER_START = idx("casing:lowercase-start");
const I_OPEN_CONJ = idx("opener:conjunction");
const I_OPEN_I = idx("opener:i");
const I_OPEN_THE = idx("opener:the");
const I_END_NONE = idx("end:none");
const I_EXCLAMATION = idx("punct:exclamation");
const I_QUESTION = idx("punct:question");
const I_ELLIPSIS = idx("punct:ellipsis");

/** Counts of every STYLE_FEATURES entry over some stretch of text. */
export interface StyleCounts {
  words: number;
  sentences: number;
  /** Aligned with STYLE_FEATURES. */
  counts: number[];
}

export function emptyStyleCounts(): StyleCounts {
  return { words: 0, sentences: 0, counts: new Array<number>(STYLE_FEATURES.length).fill(0) };
}

const UPPER_WORD = /^\p{Lu}{2,}$/u;

// Word tokens hold letters, marks, digits, apostrophes, hyphens and (in initialisms) dots:
// count what is not one of the non-letters (faster than a Unicode test per character).
function letterCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 39 || c === 8217 || c === 45 || c === 46 || (c >= 48 && c <= 57) || (c >= 0xdc00 && c <= 0xdfff)) continue;
    n++;
  }
  return n;
}

/** Add the counts of sentences [from, to) of `seg` into `into`. */
export function addSentenceCounts(seg: Segmented, from: number, to: number, into: StyleCounts): void {
  const c = into.counts;
  for (let si = from; si < to; si++) {
    const s = seg.sentences[si];
    if (!s) continue;
    let words = 0;
    let firstWord = true;
    let lastKind = "";
    let lastText = "";
    for (let ti = s.tokenStart; ti < s.tokenEnd; ti++) {
      const t = seg.tokens[ti];
      if (!t) continue;
      lastKind = t.kind;
      lastText = t.text;
      if (t.kind === "word") {
        words++;
        const lower = t.lower;
        if (firstWord) {
          firstWord = false;
          const ch = t.text[0] ?? "";
          if (ch !== ch.toUpperCase()) c[I_LOWER_START]!++;
          if (CONJUNCTION_OPENERS.has(lower)) c[I_OPEN_CONJ]!++;
          else if (lower === "i" || lower.startsWith("i'")) c[I_OPEN_I]!++;
          else if (lower === "the") c[I_OPEN_THE]!++;
        }
        const fw = FW_INDEX.get(lower);
        if (fw !== undefined) c[fw]!++;
        if (t.text === "i") c[I_LOWER_I]!++;
        else if (UPPER_WORD.test(t.text)) c[I_ALL_CAPS]!++;
        if (lower.includes("'")) {
          for (const { suffix, i } of CONTRACTION_INDEX) {
            if (lower.endsWith(suffix)) { c[i]!++; break; }
          }
        }
        if (lower.includes("-")) c[I_HYPHEN]!++;
        const len = letterCount(t.text);
        c[WORD_LENGTH0 + Math.min(Math.max(len, 1), WORD_LENGTH_BINS) - 1]!++;
      } else if (t.kind === "number") {
        c[I_NUMBER]!++;
      } else if (t.kind === "punct") {
        const p = PUNCT_INDEX.get(t.text);
        if (p !== undefined) c[p]!++;
        else if (t.text[0] === "!") c[I_EXCLAMATION]!++;
        else if (t.text[0] === "?") c[I_QUESTION]!++;
        else if (t.text.startsWith("..")) c[I_ELLIPSIS]!++;
      }
    }
    if (words === 0) continue; // a sentence of only symbols or numbers says nothing about style
    into.words += words;
    into.sentences++;
    let bin = SENTENCE_BINS.findIndex((hi) => words <= hi);
    if (bin === -1) bin = SENTENCE_BINS.length;
    c[SENTENCE_LENGTH0 + bin]!++;
    const closed = lastKind === "punct" && /[.!?…"”'’)\]]$/.test(lastText);
    if (!closed && !(lastKind === "word" && lastText.endsWith("."))) c[I_END_NONE]!++;
  }
}

/** Counts over a whole segmented text. */
export function styleCounts(seg: Segmented): StyleCounts {
  const out = emptyStyleCounts();
  addSentenceCounts(seg, 0, seg.sentences.length, out);
  return out;
}

/**
 * Cut a text into chunks of about `chunkWords` words at sentence boundaries; a short tail
 * joins the previous chunk. Chunk-to-chunk spread is the writer's own variability.
 */
export function styleChunks(seg: Segmented, chunkWords: number): StyleCounts[] {
  const sentenceWords = seg.sentences.map((s) => {
    let n = 0;
    for (let ti = s.tokenStart; ti < s.tokenEnd; ti++) if (seg.tokens[ti]?.kind === "word") n++;
    return n;
  });
  const bounds: number[] = [0];
  let acc = 0;
  for (let i = 0; i < sentenceWords.length; i++) {
    acc += sentenceWords[i] ?? 0;
    if (acc >= chunkWords) { bounds.push(i + 1); acc = 0; }
  }
  const last = bounds[bounds.length - 1] ?? 0;
  if (last < sentenceWords.length) {
    if (acc < chunkWords / 2 && bounds.length > 1) bounds[bounds.length - 1] = sentenceWords.length;
    else bounds.push(sentenceWords.length);
  }
  const chunks: StyleCounts[] = [];
  for (let b = 1; b < bounds.length; b++) {
    const ch = emptyStyleCounts();
    addSentenceCounts(seg, bounds[b - 1] ?? 0, bounds[b] ?? 0, ch);
    if (ch.words > 0) chunks.push(ch);
  }
  return chunks;
}

/** Units a feature's rate is taken over. */
export function baseOf(c: { words: number; sentences: number }, f: StyleFeature): number {
  return f.base === "words" ? c.words : c.sentences;
}

/** Rates per unit (word or sentence) for every feature; 0 where the base is empty. */
export function styleRates(c: StyleCounts): number[] {
  return STYLE_FEATURES.map((f, i) => {
    const n = baseOf(c, f);
    return n > 0 ? (c.counts[i] ?? 0) / n : 0;
  });
}
