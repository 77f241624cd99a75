import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { analyses, type AnalysisStatus } from "@/db/schema";
import { createInngestClient } from "@/inngest/client";
import { createPurgeUnsavedAnalysesFunction } from "@/inngest/functions/purge-unsaved-analyses";
import { inngestCron } from "@/inngest/job";
import { purgeUnsavedAnalysesJob } from "@/inngest/jobs/purge-unsaved-analyses";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { seedUser } from "@/tests/helpers/seed";

const now = new Date("2026-03-01T03:30:00Z");
const DAY = 24 * 3_600_000;

async function seedAnalysis(db: Database, userId: string, ageDays: number, saved: boolean, status: AnalysisStatus = "ready") {
  const common = { userId, title: `${ageDays}d ${status}`, text: "t", textHash: "h", engineVersion: "1", wordCount: 1, saved, createdAt: new Date(now.getTime() - ageDays * DAY) };
  const [row] = await db
    .insert(analyses)
    .values(
      status === "ready"
        ? { ...common, verdict: "human", aiProbability: 0.2, result: {} }
        : { ...common, status, progress: status === "queued" ? 0 : 0.5, error: status === "failed" ? "broke" : null },
    )
    .returning();
  if (!row) throw new Error("analysis insert returned no row");
  return row;
}

it("is scheduled daily at 03:30 UTC", () => {
  expect(inngestCron(purgeUnsavedAnalysesJob)).toBe("TZ=UTC 30 3 * * *");
});

describe.each(testEngines)("purge-unsaved-analyses on $title", ({ skip, create }) => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (!skip) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.skipIf(skip)("deletes unsaved analyses past the retention period and keeps saved and recent ones", async () => {
    const db = database!.handle.db;
    const user = await seedUser(db);
    const kept = [
      await seedAnalysis(db, user.id, 29, false),
      await seedAnalysis(db, user.id, 100, true),
      await seedAnalysis(db, user.id, 0, false),
    ];
    await seedAnalysis(db, user.id, 30, false);
    await seedAnalysis(db, user.id, 45, false);

    const t = new InngestTestEngine({
      function: createPurgeUnsavedAnalysesFunction(createInngestClient({}), {
        clock: () => now,
        getDb: async () => db,
        retentionDays: () => 30,
      }),
    });
    const { result, error } = await t.execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 30 3 * * *" } }],
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ analyses: 2, jobs: 0 });
    const left = await db.select({ id: analyses.id }).from(analyses);
    expect(left.map((r) => r.id).sort()).toEqual(kept.map((r) => r.id).sort());

    // A shorter retention reaches the 29-day-old one too, never the saved one.
    const stricter = new InngestTestEngine({
      function: createPurgeUnsavedAnalysesFunction(createInngestClient({}), {
        clock: () => now,
        getDb: async () => db,
        retentionDays: () => 7,
      }),
    });
    // An event without the job id fails its schema and runs nothing.
    expect((await stricter.execute()).error).toMatchObject({ name: "EventValidationError" });
    const rerun = await stricter.execute({
      events: [{ name: "penprint/job.run-requested", data: { jobId: "purge-unsaved-analyses", requestedBy: null } }],
    });
    expect(rerun.result).toEqual({ analyses: 1, jobs: 0 });
    expect((await db.select({ saved: analyses.saved }).from(analyses)).map((r) => r.saved).sort()).toEqual([false, true]);
  });
});

describe.each(testEngines)("purge of analysis job intermediates on $title", ({ skip, create }) => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (!skip) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.skipIf(skip)("deletes failed and abandoned long-document jobs past the retention period, never finished saved ones", async () => {
    const db = database!.handle.db;
    const user = await seedUser(db);
    const kept = [
      await seedAnalysis(db, user.id, 100, true, "ready"),
      await seedAnalysis(db, user.id, 29, true, "failed"),
      await seedAnalysis(db, user.id, 1, true, "running"),
      await seedAnalysis(db, user.id, 0, true, "queued"),
    ];
    await seedAnalysis(db, user.id, 30, true, "failed");
    await seedAnalysis(db, user.id, 31, true, "running");
    await seedAnalysis(db, user.id, 90, true, "queued");

    const t = new InngestTestEngine({
      function: createPurgeUnsavedAnalysesFunction(createInngestClient({}), { clock: () => now, getDb: async () => db, retentionDays: () => 30 }),
    });
    const { result, error } = await t.execute({ events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 30 3 * * *" } }] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ analyses: 0, jobs: 3 });
    const left = await db.select({ id: analyses.id }).from(analyses);
    expect(left.map((r) => r.id).sort()).toEqual(kept.map((r) => r.id).sort());
  });
});
