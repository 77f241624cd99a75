import { Cron } from "croner";
import { logger as rootLogger } from "@/lib/logger";
import { jobs as allJobs } from "./jobs";
import { runJob, type JobDefinition, type JobDependencies } from "./job";

/**
 * Runs the scheduled jobs inside the app process when Inngest is not configured (embedded mode, or
 * services mode without INNGEST_SIGNING_KEY), on the same cron schedules as the Inngest functions.
 * A run never overlaps the previous run of the same job: a tick that finds it still going is skipped.
 * With several app instances each runs the jobs; they are idempotent deletes, so that is harmless.
 */

export interface InProcessJobs {
  /** Stops the schedules and waits for runs in progress. */
  stop(): Promise<void>;
  /** Runs a job now (unless it is running already); resolves when it has finished. */
  runNow(jobId: string): Promise<void>;
  /** When the job's schedule fires next, from `from` (default now). */
  nextRun(jobId: string, from?: Date): Date | null;
}

export interface InProcessOptions extends JobDependencies {
  jobs?: JobDefinition[];
}

export function startInProcessJobs(options: InProcessOptions = {}): InProcessJobs {
  const { jobs = allJobs, ...deps } = options;
  const log = (deps.logger ?? rootLogger).child({ component: "jobs" });
  let stopped = false;

  const scheduled = jobs.map((job) => {
    let running: Promise<void> | undefined;
    const execute = async (): Promise<void> => {
      if (stopped) return;
      if (running) {
        log.warn({ job: job.id }, "job skipped: the previous run is still going");
        return;
      }
      // runJob logs success and failure; a failed run waits for the next tick.
      running = runJob(job, "in-process", deps).then(
        () => undefined,
        () => undefined,
      );
      try {
        await running;
      } finally {
        running = undefined;
      }
    };
    // unref: the schedule alone never keeps the process alive (the HTTP server does).
    const cron = new Cron(job.cron, { timezone: job.timezone, protect: true, unref: true }, execute);
    return { job, cron, execute, current: () => running };
  });

  log.info(
    { jobs: scheduled.map(({ job, cron }) => ({ id: job.id, cron: job.cron, timezone: job.timezone, nextRun: cron.nextRun()?.toISOString() })) },
    "in-process jobs scheduled (Inngest is not configured)",
  );

  const find = (jobId: string) => {
    const entry = scheduled.find(({ job }) => job.id === jobId);
    if (!entry) throw new Error(`unknown job: ${jobId}`);
    return entry;
  };

  return {
    async stop() {
      stopped = true;
      for (const { cron } of scheduled) cron.stop();
      await Promise.all(scheduled.map(({ current }) => current()));
    },
    runNow: (jobId) => find(jobId).execute(),
    nextRun: (jobId, from) => find(jobId).cron.nextRun(from ?? null),
  };
}
