import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, getActiveSession, revokeAllSessions } from "@/db/queries/sessions";
import { createUser } from "@/db/queries/users";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { checkSession } from "./session-check";
import { SESSION_MAX_AGE_MS } from "./session-policy";

const DAY = 24 * 3_600_000;

describe.each(testEngines)("session check on $title", ({ title, skip, create }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (!skip) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.skipIf(skip)(`${title}: slides a used session to 30 days, ends an unused one after 30 days, and a revoked one at once`, async () => {
    const db = database.handle.db;
    const t0 = new Date("2026-06-01T00:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const user = (await createUser({ email: "slide@example.org", passwordHash: "h" }, db))!.user;
    const used = await createSession({ userId: user.id, expiresAt: at(SESSION_MAX_AGE_MS), now: t0 }, db);
    const idle = await createSession({ userId: user.id, expiresAt: at(SESSION_MAX_AGE_MS), now: t0 }, db);

    // Used every 20 days: alive at day 60, long after the first 30 days.
    for (const day of [20, 40, 60]) {
      expect((await checkSession({ db, userId: user.id, sessionId: used.id, now: at(day * DAY) }))?.email).toBe("slide@example.org");
    }
    const row = await getActiveSession({ userId: user.id, sessionId: used.id, now: at(60 * DAY) }, db);
    expect(row?.session.expiresAt.toISOString()).toBe(at(60 * DAY + SESSION_MAX_AGE_MS).toISOString());
    // Not used for 30 days: over.
    expect(await checkSession({ db, userId: user.id, sessionId: idle.id, now: at(30 * DAY + 1) })).toBeNull();
    // Another user's id with this session id: nothing.
    expect(await checkSession({ db, userId: "00000000-0000-4000-8000-000000000000", sessionId: used.id, now: at(60 * DAY) })).toBeNull();
    // Revoked (sign out everywhere, password change, reset): the very next read fails.
    await revokeAllSessions({ userId: user.id, now: at(61 * DAY) }, db);
    expect(await checkSession({ db, userId: user.id, sessionId: used.id, now: at(61 * DAY) })).toBeNull();
  });
});
