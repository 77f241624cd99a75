// Feature values for a run of sentences (the document, or a window around one sentence),
// in the order of FEATURES.
import { automatedReadability } from "automated-readability";
import { colemanLiau } from "coleman-liau";
import { flesch } from "flesch";
import { C, NC, totals, type Counted } from "./counts";
import { FEATURE_INDEX, NF } from "./registry";

const at = (name: string): number => {
  const i = FEATURE_INDEX.get(name);
  if (i === undefined) throw new Error(`unknown feature ${name}`);
  return i;
};
const I = {
  sentMean: at("sentence_length_mean"), sentSpread: at("sentence_length_spread"), sentBurst: at("sentence_length_burstiness"),
  wordLen: at("word_length_mean"), poly: at("polysyllable_share"), mattr: at("lexical_diversity"), hapax: at("hapax_share"),
  zipf: at("word_commonness"), rare: at("rare_word_share"), nonWord: at("non_word_rate"), slip: at("spelling_slip_rate"),
  fn: at("function_word_share"), p1: at("first_person_rate"), p2: at("second_person_rate"), art: at("article_rate"),
  prep: at("preposition_rate"), ly: at("ly_adverb_rate"), nom: at("nominalisation_rate"), ing: at("ing_rate"),
  adj: at("adjective_suffix_rate"), contr: at("contraction_rate"), hyph: at("hyphenated_rate"), prop: at("proper_noun_rate"),
  num: at("number_rate"), trans: at("transition_rate"), hedge: at("hedge_rate"), excess: at("excess_vocabulary_rate"),
  stock: at("stock_phrase_rate"), comma: at("comma_rate"), semi: at("semicolon_rate"), colon: at("colon_rate"),
  dash: at("dash_rate"), paren: at("parenthesis_rate"), quote: at("quotation_rate"), question: at("question_rate"),
  excl: at("exclamation_rate"), ell: at("ellipsis_rate"), typo: at("typography_slip_rate"), lower: at("lowercase_start_share"),
  caps: at("all_caps_rate"), tri: at("repeated_trigram_share"), opener: at("opener_repetition"), flesch: at("flesch_reading_ease"),
  cl: at("coleman_liau_grade"), ari: at("automated_readability_grade"), spp: at("sentences_per_paragraph"), wc: at("word_count"),
  wlSpread: at("word_length_spread"), zipfSpread: at("commonness_spread"), dialogue: at("dialogue_share"),
};

// Scratch count array indexed by word id, reset after each use.
let scratch = new Int32Array(1024);
function ensureScratch(n: number): Int32Array {
  if (scratch.length < n) scratch = new Int32Array(Math.max(n, scratch.length * 2));
  return scratch;
}

function bump(cnt: Int32Array, k: number, by: number): number {
  const v = (cnt[k] ?? 0) + by;
  cnt[k] = v;
  return v;
}

/** Moving-average type-token ratio (Covington & McFall 2010). */
export function mattr(ids: Int32Array, from: number, to: number, vocab: number, window = 50): number {
  const n = to - from;
  if (n <= 0) return 0;
  const cnt = ensureScratch(vocab);
  const w = Math.min(window, n);
  let types = 0;
  for (let i = from; i < from + w; i++) if (bump(cnt, ids[i] ?? 0, 1) === 1) types++;
  let sum = types;
  let windows = 1;
  for (let i = from + w; i < to; i++) {
    if (bump(cnt, ids[i - w] ?? 0, -1) === 0) types--;
    if (bump(cnt, ids[i] ?? 0, 1) === 1) types++;
    sum += types;
    windows++;
  }
  for (let i = to - w; i < to; i++) cnt[ids[i] ?? 0] = 0;
  return sum / windows / w;
}

/** Mean over stretches of `size` words of a per-stretch statistic (length-normalised). */
function perStretch(from: number, to: number, size: number, stat: (a: number, b: number) => number): number {
  const n = to - from;
  if (n <= 0) return 0;
  if (n <= size) return stat(from, to);
  let sum = 0;
  let k = 0;
  for (let a = from; a + size <= to; a += size) { sum += stat(a, a + size); k++; }
  return sum / k;
}

function hapaxShare(ids: Int32Array, a: number, b: number, vocab: number): number {
  const cnt = ensureScratch(vocab);
  for (let i = a; i < b; i++) bump(cnt, ids[i] ?? 0, 1);
  let once = 0;
  for (let i = a; i < b; i++) if (cnt[ids[i] ?? 0] === 1) once++;
  for (let i = a; i < b; i++) cnt[ids[i] ?? 0] = 0;
  return once / (b - a);
}

function repeatedTrigrams(ids: Int32Array, a: number, b: number): number {
  if (b - a < 3) return 0;
  const seen = new Set<number>();
  let rep = 0;
  for (let i = a; i + 2 < b; i++) {
    const key = ((ids[i] ?? 0) * 131072 + (ids[i + 1] ?? 0)) * 131072 + (ids[i + 2] ?? 0);
    if (seen.has(key)) rep++;
    else seen.add(key);
  }
  return rep / (b - a - 2);
}

/** Standard deviation over sentences [a, b) of num/den per sentence (sentences with den ≥ 3 only). */
function sentenceSpread(c: Counted, a: number, b: number, num: number, den: number): number {
  let n = 0, sum = 0, sq = 0;
  for (let s = a; s < b; s++) {
    const r0 = s * NC, r1 = r0 + NC;
    const d = (c.prefix[r1 + den] ?? 0) - (c.prefix[r0 + den] ?? 0);
    if (d < 3) continue;
    const x = ((c.prefix[r1 + num] ?? 0) - (c.prefix[r0 + num] ?? 0)) / d;
    n++; sum += x; sq += x * x;
  }
  if (n < 2) return 0;
  const m = sum / n;
  return Math.sqrt(Math.max(0, sq / n - m * m));
}

/** Feature vector for sentences [a, b). */
export function computeFeatures(c: Counted, a: number, b: number): Float64Array {
  const T = totals(c, a, b);
  const v = new Float64Array(NF);
  const words = Math.max(1, T[C.words] ?? 0);
  const sents = Math.max(1, T[C.sentences] ?? 0);
  const per100 = (k: number) => (100 * (T[k] ?? 0)) / words;
  const perSent = (k: number) => (T[k] ?? 0) / sents;

  // sentence lengths: mean, coefficient of variation, mean absolute change between neighbours
  let sum = 0, sq = 0, adj = 0;
  for (let s = a; s < b; s++) {
    const l = c.lengths[s] ?? 0;
    sum += l;
    sq += l * l;
    if (s > a) adj += Math.abs(l - (c.lengths[s - 1] ?? 0));
  }
  const mean = sum / sents;
  const sd = Math.sqrt(Math.max(0, sq / sents - mean * mean));
  v[I.sentMean] = mean;
  v[I.sentSpread] = mean > 0 ? sd / mean : 0;
  v[I.sentBurst] = mean > 0 && b - a > 1 ? adj / (b - a - 1) / mean : 0;

  v[I.wordLen] = (T[C.letters] ?? 0) / words;
  // spread across sentences (of at least 3 words) of their mean word length and mean Zipf commonness:
  // the sentence-length "burstiness" idea carried over to vocabulary
  v[I.wlSpread] = sentenceSpread(c, a, b, C.letters, C.words);
  v[I.zipfSpread] = sentenceSpread(c, a, b, C.zipfSum, C.zipfWords);
  v[I.dialogue] = (T[C.quotedWords] ?? 0) / words;
  v[I.poly] = (T[C.polysyllables] ?? 0) / words;
  const wa = c.sentenceWordStart[a] ?? 0;
  const wb = c.sentenceWordStart[b] ?? 0;
  v[I.mattr] = mattr(c.wordIds, wa, wb, c.vocabularySize);
  v[I.hapax] = perStretch(wa, wb, 100, (x, y) => hapaxShare(c.wordIds, x, y, c.vocabularySize));
  v[I.zipf] = (T[C.zipfWords] ?? 0) > 0 ? (T[C.zipfSum] ?? 0) / (T[C.zipfWords] ?? 1) : 0;
  v[I.rare] = (T[C.rare] ?? 0) / words;
  v[I.nonWord] = per100(C.unknown);
  v[I.slip] = per100(C.slips);
  v[I.fn] = (T[C.functionWords] ?? 0) / words;
  v[I.p1] = per100(C.firstPerson);
  v[I.p2] = per100(C.secondPerson);
  v[I.art] = per100(C.articles);
  v[I.prep] = per100(C.prepositions);
  v[I.ly] = per100(C.lyWords);
  v[I.nom] = per100(C.nominalisations);
  v[I.ing] = per100(C.ingWords);
  v[I.adj] = per100(C.adjectiveSuffix);
  v[I.contr] = per100(C.contractions);
  v[I.hyph] = per100(C.hyphenated);
  v[I.prop] = per100(C.properNouns);
  v[I.num] = per100(C.numbers);
  v[I.trans] = perSent(C.transitions);
  v[I.hedge] = per100(C.hedges);
  v[I.excess] = per100(C.excess);
  v[I.stock] = perSent(C.rhetoric);
  v[I.comma] = per100(C.commas);
  v[I.semi] = per100(C.semicolons);
  v[I.colon] = per100(C.colons);
  v[I.dash] = per100(C.dashes);
  v[I.paren] = per100(C.parens);
  v[I.quote] = per100(C.quotes);
  v[I.question] = perSent(C.questions);
  v[I.excl] = perSent(C.exclamations);
  v[I.ell] = per100(C.ellipses);
  v[I.typo] = ((T[C.spaceBeforePunct] ?? 0) + (T[C.doubleSpaces] ?? 0)) / sents;
  v[I.lower] = ((T[C.lowerStarts] ?? 0) + (T[C.lowercaseI] ?? 0)) / sents;
  v[I.caps] = per100(C.allCaps);
  v[I.tri] = perStretch(wa, wb, 200, (x, y) => repeatedTrigrams(c.wordIds, x, y));
  // first word of each sentence, over stretches of 10 sentences
  let openerSum = 0, openerN = 0;
  for (let s0 = a; s0 < b; s0 += 10) {
    const s1 = Math.min(b, s0 + 10);
    if (s1 - s0 < 3 && openerN > 0) break;
    const firsts = new Set<number>();
    let k = 0;
    for (let s = s0; s < s1; s++) {
      const ws = c.sentenceWordStart[s] ?? 0;
      if (ws < (c.sentenceWordStart[s + 1] ?? 0)) { firsts.add(c.wordIds[ws] ?? 0); k++; }
    }
    if (k > 0) { openerSum += 1 - firsts.size / k; openerN++; }
  }
  v[I.opener] = openerN > 0 ? openerSum / openerN : 0;
  const counts = { sentence: sents, word: words, syllable: T[C.syllables] ?? 0, letter: T[C.letters] ?? 0, character: T[C.letters] ?? 0 };
  v[I.flesch] = flesch(counts);
  v[I.cl] = colemanLiau(counts);
  v[I.ari] = automatedReadability(counts);
  const paragraphs = new Set<number>();
  for (let s = a; s < b; s++) paragraphs.add(c.seg.sentences[s]?.paragraph ?? 0);
  v[I.spp] = sents / Math.max(1, paragraphs.size);
  v[I.wc] = T[C.words] ?? 0;
  return v;
}
