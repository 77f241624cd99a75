import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailVerificationTokens, passwordResetTokens, sessions } from "@/db/schema";
import { createInngestClient } from "@/inngest/client";
import { cleanupExpiredAuthJob, createCleanupExpiredAuthFunction } from "@/inngest/functions/cleanup-expired-auth";
import { inngestCron } from "@/inngest/job";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import {
  seedEmailVerificationToken,
  seedPasswordResetToken,
  seedSession,
  seedUser,
} from "@/tests/helpers/seed";

const now = new Date("2026-03-01T13:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

it("is scheduled hourly in UTC, declared once for both schedulers", () => {
  expect(inngestCron(cleanupExpiredAuthJob)).toBe("TZ=UTC 0 * * * *");
  const fn = createCleanupExpiredAuthFunction(createInngestClient({}));
  const [config] = fn["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "penprint" });
  expect(config?.triggers).toContainEqual({ cron: "TZ=UTC 0 * * * *" });
});

describe.each(testEngines)("cleanup-expired-auth on $title", ({ skip, create }) => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (!skip) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.skipIf(skip)("deletes expired tokens and ended sessions through the Inngest function, keeping live ones", async () => {
    const db = database!.handle.db;
    const user = await seedUser(db);
    const keep = {
      verification: await seedEmailVerificationToken(db, user.id, at(HOUR)),
      reset: await seedPasswordResetToken(db, user.id, at(1)),
      live: await seedSession(db, user.id, at(30 * DAY)),
      recentlyRevoked: await seedSession(db, user.id, at(30 * DAY), at(-6 * DAY)),
    };
    await seedEmailVerificationToken(db, user.id, at(-1));
    await seedEmailVerificationToken(db, user.id, now); // expiring exactly now is expired
    await seedPasswordResetToken(db, user.id, at(-DAY));
    await seedSession(db, user.id, at(-HOUR));
    await seedSession(db, user.id, at(30 * DAY), at(-8 * DAY));

    const t = new InngestTestEngine({
      function: createCleanupExpiredAuthFunction(createInngestClient({}), {
        clock: () => now,
        getDb: async () => db,
      }),
    });
    const { result, error } = await t.execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 0 * * * *" } }],
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({ emailVerificationTokens: 2, passwordResetTokens: 1, sessions: 2 });

    expect((await db.select().from(emailVerificationTokens)).map((r) => r.id)).toEqual([keep.verification.id]);
    expect((await db.select().from(passwordResetTokens)).map((r) => r.id)).toEqual([keep.reset.id]);
    expect((await db.select().from(sessions)).map((r) => r.id).sort()).toEqual(
      [keep.live.id, keep.recentlyRevoked.id].sort(),
    );

    // An on-demand run an hour later (the event trigger) finds the other two tokens expired, nothing else.
    const later = new InngestTestEngine({
      function: createCleanupExpiredAuthFunction(createInngestClient({}), { clock: () => at(HOUR), getDb: async () => db }),
    });
    const second = await later.execute({
      events: [{ name: "penprint/job.run-requested", data: { jobId: "cleanup-expired-auth", requestedBy: null } }],
    });
    expect(second.error).toBeUndefined();
    expect(second.result).toEqual({ emailVerificationTokens: 1, passwordResetTokens: 1, sessions: 0 });
  });
});
