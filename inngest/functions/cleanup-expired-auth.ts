import { deleteExpiredAuthRecords, type ExpiredAuthRecordCounts } from "@/db/queries/maintenance";
import type { InngestClient } from "../client";
import { createJobFunction } from "../function-from-job";
import type { JobDefinition, JobDependencies } from "../job";

/** Hourly: expired verification/reset tokens and ended sessions are deleted. */
export const cleanupExpiredAuthJob: JobDefinition<{ [K in keyof ExpiredAuthRecordCounts]: number }> = {
  id: "cleanup-expired-auth",
  name: "Delete expired tokens and sessions",
  cron: "0 * * * *",
  timezone: "UTC",
  run: ({ now, db }) => deleteExpiredAuthRecords({ now, db }),
};

export function createCleanupExpiredAuthFunction(client: InngestClient, deps: JobDependencies = {}) {
  return createJobFunction(client, cleanupExpiredAuthJob, deps);
}
