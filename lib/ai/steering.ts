import { DEFAULT_WEIGHTS, normMedian } from "@/lib/analysis/detector";
import { EXCESS_VOCABULARY, RHETORIC } from "@/lib/analysis/features/lexicons";
import type { PunctuationMark, VoiceProfile } from "./voice-profile";

/**
 * The steering prompt. In voice mode every directive comes from the writer's measured habits in
 * the chosen register (see voice-profile.ts) plus excerpts of their own writing; in plain mode,
 * from the engine's norms of human writing. The aim is "sound like me" — a faithful edit in the
 * writer's own voice — and the wording says so; it never mentions detectors.
 */

export const REWRITE_REGISTERS = ["overall", "essay", "email", "fiction", "academic", "other"] as const;
export type RewriteRegister = (typeof REWRITE_REGISTERS)[number];
export type RewriteMode = "voice" | "plain";
export type MeaningOption = "strict" | "restructure";
export type LengthOption = "shorter" | "same" | "longer";

export interface SteeringOptions {
  mode: RewriteMode;
  register: RewriteRegister;
  meaning: MeaningOption;
  length: LengthOption;
  /** Required in voice mode. */
  profile?: VoiceProfile;
}

const MARK_NAMES: Record<PunctuationMark, string> = {
  dash: "dashes (—)",
  semicolon: "semicolons",
  parenthesis: "parentheses",
  colon: "colons",
  exclamation: "exclamation marks",
  question: "questions",
};

const one = (x: number) => (x >= 10 ? Math.round(x).toString() : x.toFixed(1));
const pct = (x: number) => `${Math.round(x * 100)} %`;

function punctuationDirectives(p: VoiceProfile["punctuation"]): string[] {
  const out: string[] = [];
  for (const [mark, { writer, typical }] of Object.entries(p) as [PunctuationMark, { writer: number; typical: number }][]) {
    const name = MARK_NAMES[mark];
    if (writer < 0.05) out.push(`Avoid ${name}: this writer never uses them.`);
    else if (typical > 0 && writer >= typical * 1.6) out.push(`Use ${name} freely — about ${one(writer)} per 1,000 words, more than most writers.`);
    else if (typical > 0 && writer <= typical * 0.5) out.push(`Use ${name} sparingly — about ${one(writer)} per 1,000 words.`);
  }
  return out;
}

function contractionDirective(per100: number): string {
  if (per100 < 0.2) return "Do not use contractions (write \"do not\", \"it is\"): this writer spells them out.";
  if (per100 >= 2) return `Use contractions readily (don't, it's, I'm) — about ${one(per100)} per 100 words.`;
  return `Use contractions now and then — about ${one(per100)} per 100 words.`;
}

function vocabularyDirective(v: VoiceProfile["vocabulary"]): string {
  if (v.level === "plain") return "Keep the vocabulary plain and everyday; prefer the common word to the learned one.";
  if (v.level === "rich") return "The writer's vocabulary is rich and precise; a less common word is fine where it is the exact one.";
  return "Keep the vocabulary at a moderate level: mostly common words, a precise term where needed.";
}

export function voiceDirectives(p: VoiceProfile): string[] {
  const d: string[] = [];
  d.push(`Sentence length: most sentences ${p.sentenceLength.low}–${p.sentenceLength.high} words (median about ${p.sentenceLength.median}); mix short and long as the writer does.`);
  d.push(contractionDirective(p.contractionsPer100));
  d.push(...punctuationDirectives(p.punctuation));
  if (p.openers.conjunction >= 0.05) d.push(`Start some sentences with And, But or So (about ${pct(p.openers.conjunction)} of the writer's sentences do).`);
  else d.push("Rarely start a sentence with And, But or So.");
  if (p.openers.firstPerson >= 0.08) d.push(`The writer often opens sentences with "I" (${pct(p.openers.firstPerson)} of sentences); keep the first person where the original has it.`);
  if (p.favouredTransitions.length > 0) d.push(`Favoured ways into a sentence: ${p.favouredTransitions.map((t) => `"${t}"`).join(", ")}.`);
  if (p.avoidedTransitions.length > 0) d.push(`Never use ${p.avoidedTransitions.map((t) => `"${t}"`).join(", ")} — the writer does not.`);
  d.push(vocabularyDirective(p.vocabulary));
  return d;
}

/** The engine's list of overused words without inflections (delve, not delves, delved, delving). */
export function overusedWords(limit: number): string[] {
  const all = [...EXCESS_VOCABULARY].filter((w) => !w.includes("-"));
  return all.filter((w) => !all.some((base) => base !== w && base.length >= 4 && w.startsWith(base.replace(/e$/, "")))).slice(0, limit);
}

/** Directives toward ordinary human prose, from the medians of the engine's human norms. */
export function plainDirectives(): string[] {
  const levels = DEFAULT_WEIGHTS.quantileLevels;
  const median = (name: string) => {
    const norm = DEFAULT_WEIGHTS.norms[name];
    return norm ? normMedian(norm, levels) : undefined;
  };
  const mean = median("sentence_length_mean");
  const spread = median("sentence_length_spread");
  const contractions = median("contraction_rate");
  const transitions = median("transition_rate");
  const d: string[] = [];
  if (mean !== undefined && spread !== undefined) {
    d.push(`Vary sentence length the way people do: around ${Math.round(mean)} words on average, with some much shorter and some longer (lengths typically vary by about ${Math.round(spread * 100)} %).`);
  }
  if (contractions !== undefined) d.push(`Use contractions where they sound natural (people write about ${one(contractions)} per 100 words).`);
  if (transitions !== undefined) d.push(`Use few connective words like "moreover", "furthermore", "additionally" (people use about ${transitions.toFixed(2)} per sentence); let the order of ideas carry the logic.`);
  d.push(`Avoid words that machine-written text overuses: ${overusedWords(30).join(", ")}.`);
  d.push(`Avoid stock phrases: ${RHETORIC.slice(0, 12).map((p) => `"${p}"`).join(", ")}.`);
  d.push("Prefer concrete, specific wording over abstract summary; do not add a concluding summary sentence.");
  return d;
}

const MEANING: Record<MeaningOption, string> = {
  strict: "Keep the meaning exactly: the same claims, facts, names, numbers and order of ideas. Change wording and sentence shape only.",
  restructure: "Keep the meaning, but you may reorder, merge or split sentences and paragraphs where that reads better. Do not add or drop facts.",
};

const LENGTH: Record<LengthOption, string> = {
  shorter: "Make it about a quarter shorter by cutting repetition and padding, not content.",
  same: "Keep it about the same length as the original.",
  longer: "Make it somewhat longer (about a quarter) by spelling out what is implied, without inventing facts.",
};

// How each register is named in the prompt: "their own …" and "a piece of …".
const REGISTER_NAMES: Record<RewriteRegister, [string, string]> = {
  overall: ["writing", "a piece of writing"],
  essay: ["essay", "an essay"],
  email: ["email", "an email"],
  fiction: ["fiction", "a piece of fiction"],
  academic: ["academic writing", "a piece of academic writing"],
  other: ["writing", "a piece of writing"],
};

// Plain-mode prompts depend only on the options (36 of them): built once each.
const plainPrompts = new Map<string, string>();

export function buildSystemPrompt(o: SteeringOptions): string {
  if (o.mode === "plain") {
    const key = `${o.register}|${o.meaning}|${o.length}`;
    let prompt = plainPrompts.get(key);
    if (prompt === undefined) {
      prompt = composeSystemPrompt(o);
      plainPrompts.set(key, prompt);
    }
    return prompt;
  }
  return composeSystemPrompt(o);
}

function composeSystemPrompt(o: SteeringOptions): string {
  const lines: string[] = [];
  if (o.mode === "voice") {
    if (!o.profile) throw new Error("voice mode needs the writer's profile");
    lines.push(
      `You are an editor helping a writer revise their own ${REGISTER_NAMES[o.register][0]} so that it sounds like them — their rhythm, punctuation and word choice, as measured from their own samples.`,
      "",
      "The writer's habits:",
      ...voiceDirectives(o.profile).map((d) => `- ${d}`),
    );
    if (o.profile.excerpts.length > 0) {
      lines.push("", "Passages the writer wrote themselves (match this voice; do not copy their content):");
      o.profile.excerpts.forEach((e, i) => lines.push(`<example ${i + 1}>`, e, `</example ${i + 1}>`));
    }
  } else {
    lines.push(
      `You are an editor making ${REGISTER_NAMES[o.register][1]} read like natural, human prose rather than machine-generated text, while keeping it the writer's.`,
      "",
      "Guidelines:",
      ...plainDirectives().map((d) => `- ${d}`),
    );
  }
  lines.push(
    "",
    "The task:",
    `- ${MEANING[o.meaning]}`,
    `- ${LENGTH[o.length]}`,
    "- Keep paragraph breaks as blank lines.",
    "- Answer with the rewritten passage only: no title, no preface, no notes, no quotation marks around it.",
  );
  return lines.join("\n");
}

/** The user message: the passage, marked so that nothing around it is taken as text to rewrite. */
export function buildUserPrompt(passage: string): string {
  return `Rewrite the passage between the tags.\n<passage>\n${passage}\n</passage>`;
}
