import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "@/db/schema";
import { cleanupExpiredAuthJob } from "@/inngest/jobs/cleanup-expired-auth";
import { startInProcessJobs, type InProcessJobs } from "@/inngest/in-process";
import type { JobDefinition } from "@/inngest/job";
import { createPgliteTestDatabase, type TestDatabase } from "@/tests/helpers/databases";
import { seedPasswordResetToken, seedSession, seedUser } from "@/tests/helpers/seed";

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { lines, logger };
}

/** A job that records each run's clock and can be held open, to exercise the scheduler itself. */
function probeJob(cron = "0 * * * *") {
  const runs: Date[] = [];
  let release: () => void = () => undefined;
  let hold = false;
  const job: JobDefinition<{ runs: number }> = {
    id: "probe",
    name: "Probe",
    cron,
    timezone: "UTC",
    run: async ({ now }) => {
      runs.push(now);
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return { runs: runs.length };
    },
  };
  return {
    job,
    runs,
    holdNextRun: () => (hold = true),
    release: () => {
      hold = false;
      release();
    },
  };
}

let database: TestDatabase;
let jobs: InProcessJobs | undefined;
beforeAll(async () => {
  database = await createPgliteTestDatabase();
});
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
  vi.useRealTimers();
});
afterAll(async () => {
  await database.drop();
});

describe("in-process scheduler", () => {
  it("fires on the cron schedule in UTC, reading the (fake) clock, without sleeping", async () => {
    vi.useFakeTimers({ now: new Date("2026-03-01T12:59:58.000Z"), toFake: ["setTimeout", "clearTimeout", "Date"] });
    const probe = probeJob();
    const { logger } = captureLogs();
    jobs = startInProcessJobs({ jobs: [probe.job], logger, getDb: async () => database.handle.db });
    expect(jobs.nextRun("probe")).toEqual(new Date("2026-03-01T13:00:00.000Z"));

    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe.runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(probe.runs.map((d) => d.toISOString())).toEqual(["2026-03-01T13:00:00.000Z"]);

    await vi.advanceTimersByTimeAsync(59 * 60_000);
    expect(probe.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probe.runs.map((d) => d.toISOString())).toEqual(["2026-03-01T13:00:00.000Z", "2026-03-01T14:00:00.000Z"]);
    expect(jobs.nextRun("probe")).toEqual(new Date("2026-03-01T15:00:00.000Z"));
  });

  it("never overlaps runs of a job, and stop() waits for the run in progress", async () => {
    const probe = probeJob();
    const { lines, logger } = captureLogs();
    jobs = startInProcessJobs({ jobs: [probe.job], logger, getDb: async () => database.handle.db });
    probe.holdNextRun();
    const first = jobs.runNow("probe");
    await vi.waitFor(() => expect(probe.runs).toHaveLength(1));
    await jobs.runNow("probe"); // returns at once: skipped
    expect(probe.runs).toHaveLength(1);
    expect(lines.some((l) => l.msg === "job skipped: the previous run is still going")).toBe(true);

    let stopped = false;
    const stopping = jobs.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    probe.release();
    await stopping;
    await first;
    expect(stopped).toBe(true);
    // After stop nothing runs any more.
    await jobs.runNow("probe");
    expect(probe.runs).toHaveLength(1);
  });

  it("runs the real cleanup job on the database with the injected clock and logs its counts", async () => {
    const db = database.handle.db;
    const now = new Date("2026-03-01T13:00:00Z");
    const user = await seedUser(db);
    await seedPasswordResetToken(db, user.id, new Date(now.getTime() - 1));
    const live = await seedSession(db, user.id, new Date(now.getTime() + 3_600_000));
    await seedSession(db, user.id, new Date(now.getTime() - 1));

    const { lines, logger } = captureLogs();
    jobs = startInProcessJobs({ jobs: [cleanupExpiredAuthJob], logger, clock: () => now, getDb: async () => db });
    expect(jobs.nextRun("cleanup-expired-auth", new Date("2026-03-01T13:20:00Z"))).toEqual(new Date("2026-03-01T14:00:00Z"));
    await jobs.runNow("cleanup-expired-auth");

    expect((await db.select().from(sessions)).map((s) => s.id)).toEqual([live.id]);
    const finished = lines.find((l) => l.msg === "job finished");
    expect(finished).toMatchObject({
      job: "cleanup-expired-auth",
      runner: "in-process",
      counts: { emailVerificationTokens: 0, passwordResetTokens: 1, sessions: 1 },
      clock: "2026-03-01T13:00:00.000Z",
    });
  });

  it("logs a failed run and keeps the schedule", async () => {
    const failing: JobDefinition = {
      id: "failing",
      name: "Failing",
      cron: "*/5 * * * *",
      timezone: "UTC",
      run: async () => {
        throw new Error("database unreachable");
      },
    };
    const { lines, logger } = captureLogs();
    jobs = startInProcessJobs({ jobs: [failing], logger, getDb: async () => database.handle.db });
    await jobs.runNow("failing");
    expect(lines.find((l) => l.msg === "job failed")).toMatchObject({ job: "failing", runner: "in-process" });
    expect(jobs.nextRun("failing", new Date("2026-03-01T13:01:00Z"))).toEqual(new Date("2026-03-01T13:05:00Z"));
  });
});
