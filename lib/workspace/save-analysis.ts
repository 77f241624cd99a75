import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { createAnalysis, isReadyAnalysis, type ReadyAnalysis } from "@/db/queries/analyses";
import { analyze, ENGINE_VERSION, wordCount, type Analysis } from "@/lib/analysis";
import { createCache, type JsonCache } from "@/lib/cache";
import { registerUserCacheCleaner } from "@/lib/auth/user-caches";
import { AppError } from "@/lib/errors";

/** Longest text analysed inside a request; longer ones are analysed by a background job (long-analysis.ts). */
export const MAX_SYNC_ANALYSIS_WORDS = 20_000;
/**
 * Longest text analysed at all: 200,000 words (about 1.2 MB of text, within the 4 MB request body;
 * the job takes about 2 s of one core and stores about 8 MB of results for it).
 */
export const MAX_ANALYSIS_WORDS = 200_000;
/** How long a computed result is kept in the cache. */
export const ANALYSIS_CACHE_TTL_SECONDS = 24 * 3600;

export const textHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

let sharedCache: JsonCache | undefined;
/** The process's cache of computed analyses (Redis when configured). */
export const getAnalysisCache = () => (sharedCache ??= createCache({ namespace: "analysis" }));

// Deleting an account clears the writer's cached results too (keys start with the user id).
registerUserCacheCleaner("analysis", (userId) => getAnalysisCache().deleteByPrefix(`${userId}:`));

/** Cache key: user + text hash + engine version, so an engine update never serves stale results. */
export const analysisCacheKey = ({ userId, hash }: { userId: string; hash: string }) => `${userId}:${hash}:${ENGINE_VERSION}`;

/** The engine's analysis of a text for a writer, from the cache when it was computed before. */
export async function analyzeCached(
  { userId, text, cache = getAnalysisCache() }: { userId: string; text: string; cache?: JsonCache },
): Promise<{ analysis: Analysis; hash: string; cached: boolean }> {
  const hash = textHash(text);
  const key = analysisCacheKey({ userId, hash });
  const hit = (await cache.get(key)) as unknown as Analysis | undefined;
  if (hit && hit.engineVersion === ENGINE_VERSION) return { analysis: hit, hash, cached: true };
  const analysis = analyze(text);
  // The report is plain data (numbers, strings, arrays), so it round-trips through JSON.
  await cache.set(key, JSON.parse(JSON.stringify(analysis)) as Parameters<JsonCache["set"]>[1], ANALYSIS_CACHE_TTL_SECONDS);
  return { analysis, hash, cached: false };
}

export function refuseEmpty(text: string): void {
  if (text.trim() === "") throw new AppError({ status: 422, code: "empty_text", message: "There is no text to analyse.", fields: { text: "Write or paste some text first." } });
}

/** The title given, else the text's first words. */
export const analysisTitle = ({ title, text }: { title?: string | null; text: string }) =>
  title?.trim() || text.trim().split(/\s+/).slice(0, 8).join(" ").slice(0, 80);

/** Texts over MAX_ANALYSIS_WORDS are refused (413) before any work. */
export function refuseTooLong(words: number): void {
  if (words > MAX_ANALYSIS_WORDS) {
    throw new AppError({
      status: 413,
      code: "text_too_long",
      message: `This text has ${words.toLocaleString("en-US")} words; Penprint analyses at most ${MAX_ANALYSIS_WORDS.toLocaleString("en-US")} at a time. Split it and save each part.`,
    });
  }
}

/**
 * Runs the engine on the server and stores text, engine version and results for the writer, so
 * the analysis reopens exactly as it was even after the engine changes.
 */
export async function saveAnalysis(
  { userId, text, title, cache, db }: { userId: string; text: string; title?: string | null; cache?: JsonCache; db?: Database },
): Promise<{ row: ReadyAnalysis; cached: boolean }> {
  refuseEmpty(text);
  if (wordCount(text) > MAX_SYNC_ANALYSIS_WORDS) {
    throw new AppError({
      status: 413,
      code: "text_too_long",
      message: `Texts over ${MAX_SYNC_ANALYSIS_WORDS.toLocaleString("en-US")} words are analysed in the background, not in one request.`,
    });
  }
  const { analysis, hash, cached } = await analyzeCached({ userId, text, ...(cache ? { cache } : {}) });
  const row = await createAnalysis(
    {
      userId,
      title: analysisTitle({ title, text }),
      text,
      textHash: hash,
      engineVersion: analysis.engineVersion,
      verdict: analysis.verdict,
      aiProbability: analysis.aiProbability,
      wordCount: analysis.words,
      result: analysis,
      saved: true,
    },
    db,
  );
  if (!isReadyAnalysis(row)) throw new Error("a saved analysis came back without its result");
  return { row, cached };
}
