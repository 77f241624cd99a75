// Segmentation into paragraphs, sentences and tokens with exact offsets (JS string
// indices, end exclusive). One regex pass for tokens, then rule-based sentence
// boundaries. Hand-written instead of compromise because compromise's tokenizer alone
// costs ~6× this pass and its offsets are not exposed per token cheaply (see docs/engine.md).

export interface Span { start: number; end: number }
export type TokenKind = "word" | "number" | "punct" | "symbol" | "url" | "email" | "emoji";
export interface Token extends Span { text: string; lower: string; kind: TokenKind }
export interface Sentence extends Span { paragraph: number; tokenStart: number; tokenEnd: number }
export interface Paragraph extends Span { kind: "text" | "heading" | "list-item" }
export interface Segmented { text: string; paragraphs: Paragraph[]; sentences: Sentence[]; tokens: Token[] }

// Order matters: the first alternative that matches at a position wins.
const TOKEN_SOURCE = [
  String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"“”'‘’()\[\]{}]*[^\s<>"“”'‘’()\[\]{}.,;:!?])`,
  String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
  // initialisms and dotted abbreviations such as U.S. and e.g. keep their dots
  String.raw`(?<initialism>\p{L}\.(?:\p{L}\.)+)`,
  String.raw`(?<word>\p{L}[\p{L}\p{M}\p{Nd}]*(?:['’\-][\p{L}\p{M}\p{Nd}]+)*)`,
  String.raw`(?<number>\p{Nd}+(?:[.,:]\p{Nd}+)*(?:st|nd|rd|th|s)?)`,
  String.raw`(?<emoji>\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*)`,
  String.raw`(?<punct>\.{2,}|[!?]+|[.…,;:—–"“”'‘’()\[\]{}«»]|-{1,3})`,
  String.raw`(?<symbol>[^\s])`,
].join("|");

const TOKEN_RE = new RegExp(TOKEN_SOURCE, "gu");

function kindOf(groups: Record<string, string | undefined>): TokenKind {
  if (groups.word !== undefined || groups.initialism !== undefined) return "word";
  if (groups.number !== undefined) return "number";
  if (groups.punct !== undefined) return "punct";
  if (groups.url !== undefined) return "url";
  if (groups.email !== undefined) return "email";
  if (groups.emoji !== undefined) return "emoji";
  return "symbol";
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const kind = kindOf(m.groups ?? {});
    tokens.push({
      start: m.index,
      end: m.index + t.length,
      text: t,
      lower: kind === "word" ? t.toLowerCase().replace(/’/g, "'") : t,
      kind,
    });
  }
  return tokens;
}

/** Number of word tokens, as `segment(text).tokens` would count them. */
export function wordCount(text: string): number {
  let n = 0;
  for (const t of tokenize(text)) if (t.kind === "word") n++;
  return n;
}

// Abbreviations after which a period does not end a sentence.
const TITLES = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "rev", "gen", "col", "capt", "lt", "sgt",
  "gov", "sen", "rep", "hon", "pres", "fr", "messrs", "mme", "mlle",
]);
const ABBREVIATIONS = new Set([
  "vs", "etc", "approx", "cf", "al", "inc", "ltd", "co", "corp", "dept", "est", "fig", "figs", "jan", "feb",
  "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
  "sat", "sun", "ave", "blvd", "rd", "vol", "vols", "pp", "ch", "sec", "min", "max", "no", "nos", "ed", "eds",
  "e.g", "i.e", "viz", "ca", "op", "cit", "ibid", "esp", "incl", "misc", "univ", "assn", "bros", "dept",
]);
// Abbreviations that may well end a sentence ("… and so on, etc. The next …").
const MAY_END = new Set(["etc", "inc", "ltd", "co", "corp", "al", "bros", "esp"]);
const NUMBER_PREFIX = new Set(["no", "nos", "vol", "vols", "pp", "p", "ch", "sec", "fig", "figs"]);
// Common sentence openers: after an initialism like "U.S." these signal a new sentence.
const OPENERS = new Set([
  "the", "a", "an", "i", "it", "this", "that", "these", "those", "he", "she", "we", "they", "you", "there",
  "but", "and", "so", "in", "on", "at", "for", "if", "when", "while", "after", "before", "however", "yet",
  "my", "our", "his", "her", "their", "its", "as", "what", "why", "how", "one", "some", "many", "most",
]);

const TERMINAL = /^(?:[.!?…]|\.{2,}|[!?]+)$/;
const CLOSERS = new Set([`"`, "”", "'", "’", ")", "]", "}", "»"]);
const OPENERS_PUNCT = new Set([`"`, "“", "'", "‘", "(", "[", "{", "«"]);

function isUpper(t: Token): boolean {
  const c = t.text[0] ?? "";
  if (c !== c.toLowerCase()) return true;
  return c.toLowerCase() === c.toUpperCase(); // caseless scripts: no case signal, assume a start
}

/** Does a sentence start at token index i (the token after a terminal)? */
function startsSentence(tokens: Token[], i: number, end: number): boolean {
  let t = tokens[i];
  if (!t) return true;
  if (t.kind === "punct" && OPENERS_PUNCT.has(t.text) && i + 1 < end) t = tokens[i + 1] ?? t;
  if (t.kind === "number" || t.kind === "url" || t.kind === "email" || t.kind === "symbol") return true;
  if (t.kind === "word") return isUpper(t);
  return t.kind === "emoji";
}

function isBoundary(text: string, tokens: Token[], termIdx: number, nextIdx: number, end: number): boolean {
  const term = tokens[termIdx];
  if (!term) return false;
  if (nextIdx >= end) return true;
  const next = tokens[nextIdx];
  if (!next) return true;
  // a line break inside a paragraph after a terminal is a boundary
  const gap = text.slice(tokens[nextIdx - 1]?.end ?? term.end, next.start);
  if (gap.length === 0 && next.kind === "word") return false; // "end.The" or "3.5"-like joins
  const upper = startsSentence(tokens, nextIdx, end);
  if (term.text === "." || term.kind === "word") {
    const prev = term.kind === "word" ? term : tokens[termIdx - 1];
    const adjacent = term.kind === "word" || (prev !== undefined && prev.end === term.start);
    if (prev && adjacent && prev.kind === "word") {
      const w = prev.lower.replace(/\.$/, "");
      if (TITLES.has(w)) return false;
      if (NUMBER_PREFIX.has(w) && next.kind === "number") return false;
      if (ABBREVIATIONS.has(w) && !(MAY_END.has(w) && upper)) return false;
      if (prev.text.length === 1 && /\p{Lu}/u.test(prev.text)) return false; // initials: "J. Smith"
      if (prev.text.includes(".")) return next.kind === "word" && OPENERS.has(next.lower) && upper;
    }
    // informal writers often start sentences in lower case after a full stop
    return upper || (next.kind === "word" && /\s/.test(gap));
  }
  if (/^(?:\.{2,}|…)$/.test(term.text)) return upper;
  return upper; // ! and ? followed by lower case are usually dialogue tags
}

function splitSentences(
  text: string, tokens: Token[], from: number, to: number, paragraph: number, out: Sentence[],
): void {
  let s = from;
  let i = from;
  while (i < to) {
    const t = tokens[i];
    if (!t) break;
    const isTerm = (t.kind === "punct" && TERMINAL.test(t.text)) || (t.kind === "word" && t.text.endsWith("."));
    if (isTerm) {
      let j = i + 1;
      // absorb closing quotes/brackets touching the terminal, and emoji after it
      while (j < to) {
        const c = tokens[j];
        const p = tokens[j - 1];
        if (!c || !p) break;
        if ((c.kind === "punct" && (CLOSERS.has(c.text) || TERMINAL.test(c.text)) && c.start === p.end) || c.kind === "emoji") j++;
        else break;
      }
      if (isBoundary(text, tokens, i, j, to) || j >= to) {
        pushSentence(tokens, s, j, paragraph, out);
        s = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (s < to) pushSentence(tokens, s, to, paragraph, out);
}

function pushSentence(tokens: Token[], a: number, b: number, paragraph: number, out: Sentence[]): void {
  const first = tokens[a];
  const last = tokens[b - 1];
  if (!first || !last) return;
  out.push({ start: first.start, end: last.end, paragraph, tokenStart: a, tokenEnd: b });
}

const LIST_MARKER = /^(?:[-*+•‣◦▪–]|\d{1,3}[.)]|[a-z]\))[ \t]+/;
const HEADING_MARKER = /^#{1,6}[ \t]+/;

interface Line { start: number; end: number; text: string }

function lines(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let a = start;
  while (a <= end) {
    let b = text.indexOf("\n", a);
    if (b === -1 || b > end) b = end;
    let s = a;
    let e = b;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
    a = b + 1;
  }
  return out;
}

function looksLikeHeading(line: string, alone: boolean, hasNext: boolean): boolean {
  if (HEADING_MARKER.test(line)) return true;
  if (!alone || !hasNext) return false;
  if (/[.!?:;,"”'’)…]$/.test(line)) return false;
  const words = line.split(/\s+/).length;
  return words <= 12 && /^[\p{Lu}\p{Nd}]/u.test(line);
}

interface Block { para: Paragraph; contentStart: number }

function paragraphsOf(text: string): Block[] {
  const blocks: Span[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let a = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    blocks.push({ start: a, end: m.index });
    a = m.index + m[0].length;
  }
  blocks.push({ start: a, end: text.length });
  const out: Block[] = [];
  blocks.forEach((b, bi) => {
    const ls = lines(text, b.start, b.end);
    let run: Line | undefined;
    const flush = () => {
      if (run) out.push({ para: { start: run.start, end: run.end, kind: "text" }, contentStart: run.start });
      run = undefined;
    };
    for (const l of ls) {
      const list = LIST_MARKER.exec(l.text);
      if (list) {
        flush();
        out.push({ para: { start: l.start, end: l.end, kind: "list-item" }, contentStart: l.start + list[0].length });
      } else if (looksLikeHeading(l.text, ls.length === 1, bi < blocks.length - 1)) {
        flush();
        const h = HEADING_MARKER.exec(l.text);
        out.push({ para: { start: l.start, end: l.end, kind: "heading" }, contentStart: l.start + (h ? h[0].length : 0) });
      } else if (run) {
        run = { start: run.start, end: l.end, text: "" };
      } else {
        run = l;
      }
    }
    flush();
  });
  return out;
}

/** Split text into paragraphs, sentences and tokens with exact offsets into `text`. */
export function segment(text: string): Segmented {
  const tokens = tokenize(text);
  const blocks = paragraphsOf(text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let ti = 0;
  for (const { para, contentStart } of blocks) {
    const pIndex = paragraphs.length;
    paragraphs.push(para);
    while (ti < tokens.length && (tokens[ti]?.start ?? 0) < contentStart) ti++;
    let tj = ti;
    while (tj < tokens.length && (tokens[tj]?.end ?? 0) <= para.end) tj++;
    splitSentences(text, tokens, ti, tj, pIndex, sentences);
    ti = tj;
  }
  return { text, paragraphs, sentences, tokens };
}
