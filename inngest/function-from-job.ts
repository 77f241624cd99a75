import type { InngestClient } from "./client";
import { jobRunRequested } from "./events";
import { inngestCron, runJob, type JobDefinition, type JobDependencies } from "./job";

/**
 * The Inngest function of a job: its cron (plus an on-demand event), one run at a time (a tick that
 * finds the previous run still going is skipped, as in-process), and the job's work in one step so
 * a retry after a crash does not repeat a finished run.
 */
export function createJobFunction<Result extends Record<string, number>>(
  client: InngestClient,
  job: JobDefinition<Result>,
  deps: JobDependencies = {},
) {
  return client.createFunction(
    {
      id: job.id,
      name: job.name,
      triggers: [{ cron: inngestCron(job) }, { event: jobRunRequested, if: `event.data.jobId == "${job.id}"` }],
      singleton: { mode: "skip" },
      retries: 2,
    },
    async ({ step }) => step.run(job.id, () => runJob(job, "inngest", deps)),
  );
}
