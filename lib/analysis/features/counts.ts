// Per-sentence counts, kept as prefix sums so that any run of sentences (the document, a
// window around one sentence) can be summarised in O(1) for the additive features.
import { syllable } from "syllable";
import type { Segmented, Token } from "../segment";
import {
  ARTICLES, CONTRACTION_SUFFIX, EXCESS_VOCABULARY, FIRST_PERSON, FUNCTION_WORDS, HEDGES, PREPOSITIONS,
  RHETORIC, SECOND_PERSON, TRANSITIONS, phraseIndex, type PhraseIndex,
} from "./lexicons";
import { isSlip, isUnknown, zipf } from "./word-frequency";

export const C = {
  sentences: 0, words: 1, letters: 2, syllables: 3, polysyllables: 4, zipfSum: 5, zipfWords: 6, rare: 7,
  unknown: 8, slips: 9, functionWords: 10, firstPerson: 11, secondPerson: 12, articles: 13, prepositions: 14,
  lyWords: 15, nominalisations: 16, ingWords: 17, adjectiveSuffix: 18, contractions: 19, hyphenated: 20,
  properNouns: 21, allCaps: 22, lowercaseI: 23, transitions: 24, hedges: 25, excess: 26, rhetoric: 27,
  commas: 28, semicolons: 29, colons: 30, dashes: 31, parens: 32, quotes: 33, questions: 34, exclamations: 35,
  ellipses: 36, numbers: 37, spaceBeforePunct: 38, doubleSpaces: 39, lowerStarts: 40, characters: 41,
  quotedWords: 42,
} as const;
export const NC = 43;

const TRANSITION_IDX = phraseIndex(TRANSITIONS);
const HEDGE_IDX = phraseIndex(HEDGES);
const RHETORIC_IDX = phraseIndex(RHETORIC);

// syllable() is comparatively slow; words repeat, so remember them (bounded).
const SYLLABLES = new Map<string, number>();
function syllables(lower: string): number {
  let n = SYLLABLES.get(lower);
  if (n === undefined) {
    n = Math.max(1, syllable(lower));
    if (SYLLABLES.size < 100000) SYLLABLES.set(lower, n);
  }
  return n;
}

function phraseHits(idx: PhraseIndex, ws: string[]): number {
  let hits = 0;
  for (let i = 0; i < ws.length; i++) {
    const list = idx.get(ws[i] ?? "");
    if (!list) continue;
    for (const p of list) {
      let ok = true;
      for (let k = 1; k < p.length; k++) if (ws[i + k] !== p[k]) { ok = false; break; }
      if (ok) { hits++; i += p.length - 1; break; }
    }
  }
  return hits;
}

const NOMINAL = /(?:tion|sion|ment|ness|ity|ance|ence)s?$/;
const ADJ = /(?:ive|ous|ful|able|ible|ical|less|ary)$/;

export interface Counted {
  seg: Segmented;
  /** prefix sums: row s (0..n) holds totals of sentences [0, s) */
  prefix: Float64Array;
  /** words per sentence */
  lengths: Int32Array;
  /** interned lower-case word ids in text order, and where each sentence's words start */
  wordIds: Int32Array;
  sentenceWordStart: Int32Array;
  vocabularySize: number;
}

export function countSentences(seg: Segmented): Counted {
  const n = seg.sentences.length;
  const prefix = new Float64Array((n + 1) * NC);
  const lengths = new Int32Array(n);
  const sentenceWordStart = new Int32Array(n + 1);
  const ids: number[] = [];
  const intern = new Map<string, number>();
  const row = new Float64Array(NC);
  const text = seg.text;
  const add = (k: number, by = 1): void => { row[k] = (row[k] ?? 0) + by; };
  // inside a double-quoted passage (dialogue, quotations); reset at each paragraph so a stray mark cannot run on
  let quoted = false;
  let paragraph = -1;
  for (let s = 0; s < n; s++) {
    const sent = seg.sentences[s];
    if (!sent) continue;
    if (sent.paragraph !== paragraph) { paragraph = sent.paragraph; quoted = false; }
    row.fill(0);
    row[C.sentences] = 1;
    row[C.characters] = sent.end - sent.start;
    sentenceWordStart[s] = ids.length;
    const ws: string[] = [];
    let firstWord = true;
    let prev: Token | undefined;
    for (let i = sent.tokenStart; i < sent.tokenEnd; i++) {
      const t = seg.tokens[i];
      if (!t) continue;
      if (prev && t.start - prev.end >= 2 && text.charCodeAt(prev.end) === 32 && text.charCodeAt(prev.end + 1) === 32) add(C.doubleSpaces);
      prev = t;
      if (t.kind === "word") {
        const w = t.lower;
        ws.push(w);
        let id = intern.get(w);
        if (id === undefined) { id = intern.size; intern.set(w, id); }
        ids.push(id);
        add(C.words);
        if (quoted) add(C.quotedWords);
        add(C.letters, t.text.length);
        const syl = syllables(w);
        add(C.syllables, syl);
        if (syl >= 3) add(C.polysyllables);
        const z = zipf(w);
        if (z !== undefined) {
          add(C.zipfSum, z);
          add(C.zipfWords);
          if (z < 3) add(C.rare);
        } else if (isUnknown(t.text, w)) {
          add(C.rare);
          add(C.unknown);
        }
        if (isSlip(t.text, w)) add(C.slips);
        const fn = FUNCTION_WORDS.has(w);
        if (fn) add(C.functionWords);
        if (FIRST_PERSON.has(w)) add(C.firstPerson);
        if (SECOND_PERSON.has(w)) add(C.secondPerson);
        if (ARTICLES.has(w)) add(C.articles);
        if (PREPOSITIONS.has(w)) add(C.prepositions);
        if (!fn && w.length > 4 && w.endsWith("ly")) add(C.lyWords);
        if (w.length > 6 && NOMINAL.test(w)) add(C.nominalisations);
        if (w.length > 5 && w.endsWith("ing")) add(C.ingWords);
        if (w.length > 5 && ADJ.test(w)) add(C.adjectiveSuffix);
        if (CONTRACTION_SUFFIX.test(w) && !w.endsWith("s'")) add(C.contractions);
        if (w.includes("-")) add(C.hyphenated);
        if (EXCESS_VOCABULARY.has(w)) add(C.excess);
        const c0 = t.text.charCodeAt(0);
        const upper = c0 >= 65 && c0 <= 90;
        if (firstWord) {
          if (c0 >= 97 && c0 <= 122) add(C.lowerStarts);
        } else if (upper && t.text !== "I" && !t.text.startsWith("I'")) add(C.properNouns);
        if (t.text.length >= 2 && upper && t.text === t.text.toUpperCase()) add(C.allCaps);
        if (t.text === "i") add(C.lowercaseI);
        firstWord = false;
      } else if (t.kind === "punct") {
        const p = t.text;
        if (p === ",") add(C.commas);
        else if (p === ";") add(C.semicolons);
        else if (p === ":") add(C.colons);
        else if (p === "—" || p === "–" || p === "--" || p === "---" || (p === "-" && text[t.start - 1] === " ")) add(C.dashes);
        else if (p === "(") add(C.parens);
        else if (p === `"` || p === "“") add(C.quotes);
        if (p === `"`) quoted = !quoted;
        else if (p === "“") quoted = true;
        else if (p === "”") quoted = false;
        else if (p === "…" || p.startsWith("..")) add(C.ellipses);
        if (p.includes("?")) add(C.questions);
        if (p.includes("!")) add(C.exclamations);
        if (/^[,.;:!?]/.test(p) && t.start > 0 && text.charCodeAt(t.start - 1) === 32) add(C.spaceBeforePunct);
      } else if (t.kind === "number") {
        add(C.numbers);
      }
    }
    row[C.transitions] = phraseHits(TRANSITION_IDX, ws);
    row[C.hedges] = phraseHits(HEDGE_IDX, ws);
    row[C.rhetoric] = phraseHits(RHETORIC_IDX, ws);
    lengths[s] = row[C.words] ?? 0;
    const base = s * NC;
    for (let k = 0; k < NC; k++) prefix[base + NC + k] = (prefix[base + k] ?? 0) + (row[k] ?? 0);
  }
  sentenceWordStart[n] = ids.length;
  return { seg, prefix, lengths, wordIds: Int32Array.from(ids), sentenceWordStart, vocabularySize: intern.size };
}

/** Totals of sentences [a, b). */
export function totals(c: Counted, a: number, b: number): Float64Array {
  const out = new Float64Array(NC);
  for (let k = 0; k < NC; k++) out[k] = (c.prefix[b * NC + k] ?? 0) - (c.prefix[a * NC + k] ?? 0);
  return out;
}
