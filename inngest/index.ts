import { getInngest, type InngestClient } from "./client";
import { createJobFunction } from "./function-from-job";
import { createLongAnalysisFunction } from "./functions/analyze-long-document";
import { createFingerprintRebuildFunction } from "./functions/rebuild-fingerprints";
import type { JobDependencies } from "./job";
import { jobs } from "./jobs";

export { jobs };

/** Every Inngest function, for `serve()`: the scheduled jobs and the event-driven ones. */
export function getInngestFunctions(client: InngestClient = getInngest(), deps: JobDependencies = {}) {
  return [
    ...jobs.map((job) => createJobFunction(client, job, deps)),
    createFingerprintRebuildFunction(client, deps),
    createLongAnalysisFunction(client, deps),
  ];
}
