import type { z } from "zod";
import type { analysisListQuerySchema } from "@/app/api/v1/analyses/schema";
import { listAnalyses } from "@/db/queries/analyses";

export type HistoryQuery = z.output<typeof analysisListQuerySchema>;

/** The writer's saved analyses matching the history filters (shared by the history page and the API). */
export function listHistory({ userId, query }: { userId: string; query: HistoryQuery }) {
  // `to` names a day: include all of it.
  const to = query.to ? new Date(query.to.getTime() + 24 * 3600 * 1000) : undefined;
  return listAnalyses({
    userId,
    ...(query.q ? { search: query.q } : {}),
    ...(query.verdict ? { verdicts: Array.isArray(query.verdict) ? query.verdict : [query.verdict] } : {}),
    ...(query.min !== undefined ? { minProbability: query.min } : {}),
    ...(query.max !== undefined ? { maxProbability: query.max } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(to ? { to } : {}),
    limit: query.limit,
    offset: query.offset,
  });
}
