import { z } from "zod";
import { analyze, type Verdict } from "@/lib/analysis";
import { compareText } from "@/lib/analysis/compare";
import type { Register } from "@/lib/analysis/fingerprint";
import type { AiConfig } from "./config";
import { pullCommand } from "./errors";
import { cosine, embedTexts, EmbedModelMissing } from "./ollama";
import { REWRITE_REGISTERS, type RewriteRegister } from "./steering";
import { loadFingerprint } from "./writer-voice";

/**
 * POST /api/v1/rewrite/score: the engine's verdict on the original and the rewrite side by side
 * (machine likelihood, match to the writer's fingerprint of the register), and — with
 * OLLAMA_EMBED_MODEL — whether the meaning survived: cosine similarity of the two texts'
 * embeddings from Ollama's /api/embed.
 */

/**
 * Below this cosine the meaning is flagged as drifted. Sentence-embedding models (nomic-embed-text,
 * all-minilm, mxbai-embed-large) put faithful paraphrases of a paragraph well above 0.85 and
 * rewrites that drop or change claims below it; 0.8 leaves room for restructuring.
 */
export const MEANING_DRIFT_THRESHOLD = 0.8;

const text = z.string({ message: "Send the text." }).max(400_000, { message: "The text is too long to score at once." });
export const scoreRequestSchema = z.object({
  original: text.refine((t) => t.trim().length > 0, { message: "The original is empty." }),
  rewrite: text.refine((t) => t.trim().length > 0, { message: "The rewrite is empty." }),
  register: z.enum(REWRITE_REGISTERS, { message: `Choose one of ${REWRITE_REGISTERS.join(", ")}.` }),
});
export type ScoreRequest = z.infer<typeof scoreRequestSchema>;

export interface TextScore {
  aiProbability: number;
  verdict: Verdict;
  /** Probability that the writer of the fingerprint wrote it; null without a fingerprint. */
  voiceMatch: number | null;
}

export interface ScoreResult {
  original: TextScore;
  rewrite: TextScore;
  meaning: { similarity: number; drifted: boolean; model: string } | null;
  meaningNote?: string;
}

async function meaningCheck(
  { original, rewrite, config }: { original: string; rewrite: string; config: AiConfig },
): Promise<Pick<ScoreResult, "meaning" | "meaningNote">> {
  const model = config.embedModel;
  if (!model) {
    return { meaning: null, meaningNote: "Meaning was not checked: set OLLAMA_EMBED_MODEL (for example nomic-embed-text) to compare the rewrite's meaning with the original." };
  }
  try {
    const [a, b] = await embedTexts({ baseUrl: config.baseUrl, model, input: [original, rewrite] });
    const similarity = Math.round(cosine(a ?? [], b ?? []) * 1000) / 1000;
    return { meaning: { similarity, drifted: similarity < MEANING_DRIFT_THRESHOLD, model } };
  } catch (error) {
    if (error instanceof EmbedModelMissing) {
      return { meaning: null, meaningNote: `Meaning was not checked: the embedding model ${model} is not installed. Run \`${pullCommand(model)}\`.` };
    }
    return { meaning: null, meaningNote: "Meaning was not checked: Ollama did not answer the embedding request." };
  }
}

export async function scoreRewrite(
  { userId, input, config }: { userId: string; input: ScoreRequest; config: AiConfig },
): Promise<ScoreResult> {
  const register: RewriteRegister = input.register;
  const found = await loadFingerprint({ userId, register, ...(config.db ? { db: config.db } : {}) });
  const options = register === "overall" ? {} : { register: register as Register };
  const score = (t: string): TextScore => {
    const a = analyze(t, { sentenceReasons: 0 });
    return {
      aiProbability: a.aiProbability,
      verdict: a.verdict,
      voiceMatch: found ? compareText(t, found.fingerprint, options).matchProbability : null,
    };
  };
  const [meaning] = await Promise.all([meaningCheck({ original: input.original, rewrite: input.rewrite, config })]);
  return { original: score(input.original), rewrite: score(input.rewrite), ...meaning };
}
