import { getDb, type Database } from "@/db/client";
import { failAnalysis } from "@/db/queries/analyses";
import type { JsonCache } from "@/lib/cache";
import { LONG_ANALYSIS_FAILED_MESSAGE, runLongAnalysis, type StepRunner } from "@/lib/workspace/long-analysis";
import type { InngestClient } from "../client";
import { longAnalysisRequested } from "../events";

/**
 * Analyses a long document in steps (segment, score each part, combine), writing progress to its
 * row (in-process twin: lib/workspace/long-analysis-jobs.ts). Retries follow Inngest's defaults;
 * only when they are used up does `onFailure` mark the analysis failed for the writer.
 */
export function createLongAnalysisFunction(client: InngestClient, deps: { getDb?: () => Promise<Database>; cache?: JsonCache } = {}) {
  const db = () => (deps.getDb ?? getDb)();
  return client.createFunction(
    {
      id: "analyze-long-document",
      name: "Analyse a long document",
      triggers: [{ event: longAnalysisRequested }],
      // One long analysis per writer at a time: one writer's uploads cannot take every worker.
      concurrency: { key: "event.data.userId", limit: 1 },
      onFailure: async ({ event }) => {
        const { analysisId, userId } = event.data.event.data as { analysisId: string; userId: string };
        await failAnalysis({ id: analysisId, userId, error: LONG_ANALYSIS_FAILED_MESSAGE }, await db());
      },
    },
    async ({ event, step }) => {
      // Step outputs are JSON already (ranges and sentence scores), so Inngest's Jsonify changes nothing.
      const steps: StepRunner = { run: (id, work) => step.run(id, work) as Promise<never> };
      return runLongAnalysis(event.data, { step: steps, db: await db(), ...(deps.cache ? { cache: deps.cache } : {}) });
    },
  );
}
