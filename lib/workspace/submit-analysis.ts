import type { Database } from "@/db/client";
import { createAnalysis, type ReadyAnalysis } from "@/db/queries/analyses";
import type { Analysis } from "@/db/schema";
import { ENGINE_VERSION, wordCount } from "@/lib/analysis";
import type { JsonCache } from "@/lib/cache";
import { requestLongAnalysis } from "./long-analysis-jobs";
import { MAX_SYNC_ANALYSIS_WORDS, analysisTitle, refuseEmpty, refuseTooLong, saveAnalysis, textHash } from "./save-analysis";

export type SubmittedAnalysis = { kind: "ready"; row: ReadyAnalysis } | { kind: "queued"; row: Analysis };

/**
 * Saving an analysis: up to MAX_SYNC_ANALYSIS_WORDS the engine runs in the request and the result
 * is stored at once; longer texts (up to MAX_ANALYSIS_WORDS) are stored as a queued row and
 * analysed by a background job whose progress the writer can follow.
 */
export async function submitAnalysis(
  { userId, text, title, cache, db }: { userId: string; text: string; title?: string | null; cache?: JsonCache; db?: Database },
): Promise<SubmittedAnalysis> {
  refuseEmpty(text);
  const words = wordCount(text);
  refuseTooLong(words);
  if (words <= MAX_SYNC_ANALYSIS_WORDS) {
    const { row } = await saveAnalysis({ userId, text, ...(title ? { title } : {}), ...(cache ? { cache } : {}), ...(db ? { db } : {}) });
    return { kind: "ready", row };
  }
  const row = await createAnalysis(
    {
      userId,
      title: analysisTitle({ title, text }),
      text,
      textHash: textHash(text),
      engineVersion: ENGINE_VERSION,
      wordCount: words,
      saved: true,
      status: "queued",
      progress: 0,
    },
    db,
  );
  await requestLongAnalysis({ analysisId: row.id, userId, ...(db ? { db } : {}) });
  return { kind: "queued", row };
}
