import type { InngestClient } from "../client";
import { createJobFunction } from "../function-from-job";
import type { JobDependencies } from "../job";
import { createPurgeUnsavedAnalysesJob } from "../jobs/purge-unsaved-analyses";

/** The daily retention purge as an Inngest function (`TZ=UTC 30 3 * * *`); the work is the job's. */
export function createPurgeUnsavedAnalysesFunction(
  client: InngestClient,
  deps: JobDependencies & { retentionDays?: () => number } = {},
) {
  const { retentionDays, ...rest } = deps;
  return createJobFunction(client, createPurgeUnsavedAnalysesJob(retentionDays), rest);
}
