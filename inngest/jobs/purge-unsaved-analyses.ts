import { deleteUnsavedAnalysesOlderThan } from "@/db/queries/maintenance";
import { getEnv } from "@/lib/env";
import type { JobDefinition } from "../job";

/** Daily at 03:30 UTC: unsaved analyses and failed or abandoned analysis jobs older than ANALYSIS_RETENTION_DAYS are deleted. */
export function createPurgeUnsavedAnalysesJob(
  retentionDays: () => number = () => getEnv().ANALYSIS_RETENTION_DAYS,
): JobDefinition<{ analyses: number; jobs: number }> {
  return {
    id: "purge-unsaved-analyses",
    name: "Delete unsaved analyses past the retention period",
    cron: "30 3 * * *",
    timezone: "UTC",
    run: ({ now, db }) => deleteUnsavedAnalysesOlderThan({ now, retentionDays: retentionDays(), db }),
  };
}

export const purgeUnsavedAnalysesJob = createPurgeUnsavedAnalysesJob();
