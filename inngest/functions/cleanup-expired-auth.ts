import type { InngestClient } from "../client";
import { createJobFunction } from "../function-from-job";
import type { JobDependencies } from "../job";
import { cleanupExpiredAuthJob } from "../jobs/cleanup-expired-auth";

export { cleanupExpiredAuthJob };

/** The hourly cleanup as an Inngest function (`TZ=UTC 0 * * * *`); the work is the job's. */
export function createCleanupExpiredAuthFunction(client: InngestClient, deps: JobDependencies = {}) {
  return createJobFunction(client, cleanupExpiredAuthJob, deps);
}
