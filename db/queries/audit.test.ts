import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../schema";
import { listAuditEventsForUser, recordAuditEvent } from "./audit";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { seedUser } from "@/tests/helpers/seed";

describe.each(testEngines)("audit events on $title", ({ skip, create }) => {
  let database: TestDatabase | undefined;
  const db = () => database!.handle.db;
  beforeAll(async () => {
    if (!skip) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.skipIf(skip)("records events and lists only the asking user's, newest first", async () => {
    const alice = await seedUser(db());
    const bob = await seedUser(db());
    await recordAuditEvent(
      { userId: alice.id, action: "sample.create", targetType: "sample", targetId: "s1", ip: "10.0.0.1", requestId: "r1", metadata: { status: 201 } },
      db(),
    );
    await recordAuditEvent({ userId: bob.id, action: "sample.create", ip: "10.0.0.2" }, db());
    await recordAuditEvent({ userId: alice.id, action: "sample.delete", targetType: "sample", targetId: "s1", ip: null }, db());
    await recordAuditEvent({ userId: null, action: "POST /api/auth/signin", ip: "10.0.0.3" }, db());

    const aliceEvents = await listAuditEventsForUser({ userId: alice.id }, db());
    expect(aliceEvents.map((e) => e.action)).toEqual(["sample.delete", "sample.create"]);
    expect(aliceEvents.every((e) => e.userId === alice.id)).toBe(true);
    expect(aliceEvents[1]).toMatchObject({
      targetType: "sample",
      targetId: "s1",
      ip: "10.0.0.1",
      requestId: "r1",
      metadata: { status: 201 },
    });
    expect(aliceEvents[0]).toMatchObject({ ip: null, requestId: null, metadata: null });

    const bobEvents = await listAuditEventsForUser({ userId: bob.id }, db());
    expect(bobEvents.map((e) => [e.userId, e.action])).toEqual([[bob.id, "sample.create"]]);

    // Anonymous events (user unknown) are kept but belong to nobody's list.
    expect(await db().$count(auditEvents)).toBe(4);
  });

  it.skipIf(skip)("pages with limit and before, never crossing into another user's events", async () => {
    const carol = await seedUser(db());
    const dave = await seedUser(db());
    const base = Date.UTC(2026, 0, 1);
    // Interleaved timestamps, inserted directly so each has a known created_at.
    for (let i = 0; i < 6; i += 1) {
      await db()
        .insert(auditEvents)
        .values({ userId: i % 2 === 0 ? carol.id : dave.id, action: `step.${i}`, ip: null, createdAt: new Date(base + i * 60_000) });
    }
    const firstPage = await listAuditEventsForUser({ userId: carol.id, limit: 2 }, db());
    expect(firstPage.map((e) => e.action)).toEqual(["step.4", "step.2"]);
    const secondPage = await listAuditEventsForUser({ userId: carol.id, limit: 2, before: firstPage[1]!.createdAt }, db());
    expect(secondPage.map((e) => e.action)).toEqual(["step.0"]);
    const davePage = await listAuditEventsForUser({ userId: dave.id, before: new Date(base + 4 * 60_000) }, db());
    expect(davePage.map((e) => e.action)).toEqual(["step.3", "step.1"]);
  });
});
