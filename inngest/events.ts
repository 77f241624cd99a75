import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every event Penprint sends or receives, each with a zod schema. Events carry ids and flags only,
 * never writing, emails or tokens (they leave the process when Inngest is used).
 */

/** Asks for an immediate run of a scheduled job (e.g. from an admin action), outside its schedule. */
export const jobRunRequested = eventType("penprint/job.run-requested", {
  schema: z.object({
    jobId: z.string().regex(/^[a-z0-9-]+$/),
    requestedBy: z.string().uuid().nullable(),
  }),
});

/** A writer's samples changed: their fingerprints must be rebuilt. */
export const samplesChanged = eventType("penprint/samples.changed", {
  schema: z.object({ userId: z.string().uuid() }),
});

/** A writer saved a document too long to analyse in the request: its queued analysis row awaits the job. */
export const longAnalysisRequested = eventType("penprint/analysis.long-requested", {
  schema: z.object({ analysisId: z.string().uuid(), userId: z.string().uuid() }),
});

export const events = [jobRunRequested, samplesChanged, longAnalysisRequested] as const;
