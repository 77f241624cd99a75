import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { createAnalysis, isReadyAnalysis, type ReadyAnalysis } from "@/db/queries/analyses";
import { analyze, ENGINE_VERSION, wordCount, type Analysis } from "@/lib/analysis";
import { createCache, type JsonCache } from "@/lib/cache";
import { registerUserCacheCleaner } from "@/lib/auth/user-caches";
import { AppError } from "@/lib/errors";

/** Longest text analysed inside a request; longer ones belong to a background job (not built yet). */
export const MAX_SYNC_ANALYSIS_WORDS = 20_000;
/** How long a computed result is kept in the cache. */
export const ANALYSIS_CACHE_TTL_SECONDS = 24 * 3600;

export const textHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

let sharedCache: JsonCache | undefined;
const analysisCache = () => (sharedCache ??= createCache({ namespace: "analysis" }));

// Deleting an account clears the writer's cached results too (keys start with the user id).
registerUserCacheCleaner("analysis", (userId) => analysisCache().deleteByPrefix(`${userId}:`));

/** Cache key: user + text hash + engine version, so an engine update never serves stale results. */
export const analysisCacheKey = ({ userId, hash }: { userId: string; hash: string }) => `${userId}:${hash}:${ENGINE_VERSION}`;

/** The engine's analysis of a text for a writer, from the cache when it was computed before. */
export async function analyzeCached(
  { userId, text, cache = analysisCache() }: { userId: string; text: string; cache?: JsonCache },
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

/**
 * Runs the engine on the server and stores text, engine version and results for the writer, so
 * the analysis reopens exactly as it was even after the engine changes.
 */
export async function saveAnalysis(
  { userId, text, title, cache, db }: { userId: string; text: string; title?: string | null; cache?: JsonCache; db?: Database },
): Promise<{ row: ReadyAnalysis; cached: boolean }> {
  if (text.trim() === "") throw new AppError({ status: 422, code: "empty_text", message: "There is no text to analyse.", fields: { text: "Write or paste some text first." } });
  if (wordCount(text) > MAX_SYNC_ANALYSIS_WORDS) {
    throw new AppError({
      status: 413,
      code: "text_too_long",
      message: `Texts over ${MAX_SYNC_ANALYSIS_WORDS.toLocaleString("en-US")} words cannot be saved yet; split the text and save each part.`,
    });
  }
  const { analysis, hash, cached } = await analyzeCached({ userId, text, ...(cache ? { cache } : {}) });
  const row = await createAnalysis(
    {
      userId,
      title: title?.trim() || text.trim().split(/\s+/).slice(0, 8).join(" ").slice(0, 80),
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
