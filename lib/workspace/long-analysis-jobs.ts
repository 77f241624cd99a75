import { getDb, type Database } from "@/db/client";
import { failAnalysis } from "@/db/queries/analyses";
import { getInngest, isInngestConfigured } from "@/inngest/client";
import { longAnalysisRequested } from "@/inngest/events";
import type { JsonCache } from "@/lib/cache";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { LONG_ANALYSIS_FAILED_MESSAGE, runLongAnalysis, type LongAnalysisOutcome, type StepRunner } from "./long-analysis";

/**
 * Starts the background analysis of a long document. With Inngest configured it sends an event
 * (ids only) handled by inngest/functions/analyze-long-document.ts; without it the same
 * `runLongAnalysis` runs in this process, one document at a time (the work is CPU-bound).
 */

/** In-process steps simply run in order (nothing to resume: a restart re-runs the job, see ensureLongAnalysis). */
const inProcessSteps: StepRunner = { run: (_id, work) => work() };

interface InProcessQueue {
  tail: Promise<unknown>;
  pending: Set<string>;
}
const holder = globalThis as unknown as { __penprintLongAnalyses?: InProcessQueue };
const queue = (holder.__penprintLongAnalyses ??= { tail: Promise.resolve(), pending: new Set() });

/** Runs the job in this process after those queued before it; failures mark the row failed. */
export function analyseInProcess(
  { analysisId, userId, db, cache }: { analysisId: string; userId: string; db?: Database; cache?: JsonCache },
): Promise<LongAnalysisOutcome | "failed"> {
  queue.pending.add(analysisId);
  const run = queue.tail.then(async () => {
    const conn = db ?? (await getDb());
    try {
      const { outcome } = await runLongAnalysis({ analysisId, userId }, { step: inProcessSteps, db: conn, ...(cache ? { cache } : {}) });
      return outcome;
    } catch (error) {
      logger.error({ err: error, analysisId }, "long analysis failed");
      await failAnalysis({ id: analysisId, userId, error: LONG_ANALYSIS_FAILED_MESSAGE }, conn).catch(() => false);
      return "failed" as const;
    } finally {
      queue.pending.delete(analysisId);
    }
  });
  queue.tail = run.catch(() => undefined);
  return run;
}

/** Asks for the analysis of a queued row. A failure to reach Inngest fails the row and answers 503. */
export async function requestLongAnalysis({ analysisId, userId, db }: { analysisId: string; userId: string; db?: Database }): Promise<void> {
  if (!isInngestConfigured()) {
    void analyseInProcess({ analysisId, userId, ...(db ? { db } : {}) });
    return;
  }
  try {
    await getInngest().send(longAnalysisRequested.create({ analysisId, userId }));
  } catch (error) {
    logger.error({ err: error, analysisId }, "could not send the long analysis event");
    await failAnalysis({ id: analysisId, userId, error: "The background job service could not be reached. Try saving again in a minute." }, db);
    throw new AppError({ status: 503, code: "jobs_unavailable", message: "Long documents cannot be analysed right now; try again in a minute.", retryAfterSeconds: 60 });
  }
}

/**
 * In-process mode keeps its queue in memory, so a restart forgets the jobs it had: a status check
 * that finds a pending row with no job behind it starts the job again (the steps are idempotent).
 */
export function ensureLongAnalysis({ analysisId, userId, status }: { analysisId: string; userId: string; status: string }): void {
  if (isInngestConfigured() || (status !== "queued" && status !== "running") || queue.pending.has(analysisId)) return;
  void analyseInProcess({ analysisId, userId });
}

/** Resolves when every in-process long analysis queued so far has finished (tests, shutdown). */
export const whenLongAnalysesIdle = (): Promise<void> => queue.tail.then(() => undefined);
