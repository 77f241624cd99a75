import type { Logger } from "pino";
import { getDb, type Database } from "@/db/client";
import { logger as rootLogger } from "@/lib/logger";

/**
 * A scheduled job, declared once and run by both schedulers: the Inngest function built from it
 * (when INNGEST_SIGNING_KEY is set) and the in-process scheduler (when it is not).
 */
export interface JobDefinition<Result extends Record<string, number> = Record<string, number>> {
  /** Stable id: the Inngest function id and the in-process job name. */
  id: string;
  name: string;
  /** Five-field cron expression, evaluated in `timezone`. */
  cron: string;
  timezone: "UTC";
  /** Returns counts (rows deleted, items processed) for the run's log line. */
  run(context: JobContext): Promise<Result>;
}

export interface JobContext {
  /** The run's clock: every time rule inside a job compares with this, never with Date.now(). */
  now: Date;
  db: Database;
  logger: Logger;
}

/** What a scheduler hands a job; tests inject their own clock and database. */
export interface JobDependencies {
  clock?: () => Date;
  getDb?: () => Promise<Database>;
  logger?: Logger;
}

/** Inngest's form of the schedule: the timezone goes in front (`TZ=UTC 0 * * * *`). */
export function inngestCron(job: Pick<JobDefinition, "cron" | "timezone">): string {
  return `TZ=${job.timezone} ${job.cron}`;
}

/** Runs a job once with the given dependencies and logs its outcome and counts. */
export async function runJob<Result extends Record<string, number>>(
  job: JobDefinition<Result>,
  runner: "inngest" | "in-process",
  deps: JobDependencies = {},
): Promise<Result> {
  const now = (deps.clock ?? (() => new Date()))();
  const log = (deps.logger ?? rootLogger).child({ job: job.id, runner });
  const started = process.hrtime.bigint();
  try {
    const db = await (deps.getDb ?? getDb)();
    const counts = await job.run({ now, db, logger: log });
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    log.info({ counts, clock: now.toISOString(), durationMs }, "job finished");
    return counts;
  } catch (error) {
    log.error({ err: error, clock: now.toISOString() }, "job failed");
    throw error;
  }
}
