import { getInngest, type InngestClient } from "./client";
import { createJobFunction } from "./function-from-job";
import type { JobDependencies } from "./job";
import { jobs } from "./jobs";

export { jobs };

/** The Inngest functions of all jobs, for `serve()`. */
export function getInngestFunctions(client: InngestClient = getInngest(), deps: JobDependencies = {}) {
  return jobs.map((job) => createJobFunction(client, job, deps));
}
