import { getInngest, type InngestClient } from "./client";
import { createJobFunction } from "./function-from-job";
import { cleanupExpiredAuthJob } from "./functions/cleanup-expired-auth";
import type { JobDefinition, JobDependencies } from "./job";

/** Every scheduled job: served to Inngest when it is configured, run in-process otherwise. */
export const jobs: JobDefinition[] = [cleanupExpiredAuthJob];

/** The Inngest functions of all jobs, for `serve()`. */
export function getInngestFunctions(client: InngestClient = getInngest(), deps: JobDependencies = {}) {
  return jobs.map((job) => createJobFunction(client, job, deps));
}
