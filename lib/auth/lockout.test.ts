import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRedisClient, createRedisClient, waitForRedis } from "@/lib/redis";
import { createAccountLimits } from "@/lib/rate-limit";
import { runId, skipNote, testRedisUrl } from "@/tests/helpers/services";
import { createLockout, lockedMessage, LOCKOUT_SECONDS } from "./lockout";

const stores = [
  { name: "memory", skip: false },
  { name: `redis${skipNote("TEST_REDIS_URL")}`, skip: !testRedisUrl },
];

describe.each(stores)("limits and lockout on $name (the 429/423 answers are tested in accounts.test.ts)", ({ name, skip }) => {
  let redis: Redis | null = null;
  beforeAll(async () => {
    if (name.startsWith("redis") && !skip) {
      redis = createRedisClient(testRedisUrl as string);
      expect(await waitForRedis(redis, 3000)).toBe(true);
    }
  });
  afterAll(async () => {
    if (redis) await closeRedisClient(redis);
  });
  // A fresh namespace per test: runs of other helpers and earlier tests never share keys.
  const fresh = () => ({ redis, namespace: `test-${runId()}` });

  it.skipIf(skip)("answers the 6th attempt in a minute with 429 and Retry-After, per IP and per email", async () => {
    const limits = createAccountLimits(fresh());
    for (let i = 0; i < 5; i++) expect(await limits.consume("sign-in", { ip: "10.0.0.1", email: `user${i}@example.org` })).toBeNull();
    const byIp = await limits.consume("sign-in", { ip: "10.0.0.1", email: "new@example.org" });
    expect(byIp?.retryAfterMs).toBeGreaterThanOrEqual(1);
    expect(byIp?.retryAfterMs).toBeLessThanOrEqual(60_000);
    // The same email from five addresses, then a sixth.
    for (let i = 0; i < 5; i++) expect(await limits.consume("forgot-password", { ip: `10.0.1.${i}`, email: "writer@example.org" })).toBeNull();
    const byEmail = await limits.consume("forgot-password", { ip: "10.0.1.99", email: "WRITER@example.org" });
    expect(byEmail?.retryAfterMs).toBeGreaterThan(0);
    // Other actions keep their own budget.
    expect(await limits.consume("sign-up", { ip: "10.0.0.1", email: "writer@example.org" })).toBeNull();
  });

  it.skipIf(skip)("locks an email for one client after 5 failures, for 15 minutes, saying when", async () => {
    const lockout = createLockout(fresh());
    const writer = { email: "writer@example.org", ip: "10.0.0.1" };
    for (let i = 0; i < 4; i++) {
      expect(await lockout.lockedUntil(writer)).toBeNull();
      await lockout.recordFailure(writer);
    }
    expect(await lockout.lockedUntil(writer)).toBeNull();
    await lockout.recordFailure(writer);
    const until = await lockout.lockedUntil(writer);
    expect(until).not.toBeNull();
    expect(Math.round((until!.getTime() - Date.now()) / 60_000)).toBe(15);
    expect(lockedMessage(until!)).toMatch(/Try again in 1[45] minutes \(at \d\d:\d\d UTC\)/);
    // The same email from another client, and another email from this client, are not locked.
    expect(await lockout.lockedUntil({ email: "writer@example.org", ip: "192.0.2.7" })).toBeNull();
    expect(await lockout.lockedUntil({ email: "other@example.org", ip: "10.0.0.1" })).toBeNull();
  });

  it.skipIf(skip)("counts unknown emails alike, forgets failures after a success, and a reset unlocks everywhere", async () => {
    const lockout = createLockout(fresh());
    const ghost = { email: "nobody-here@example.org", ip: "10.0.0.2" };
    for (let i = 0; i < 5; i++) await lockout.recordFailure(ghost);
    expect(await lockout.lockedUntil(ghost)).not.toBeNull();

    const writer = { email: "writer@example.org", ip: "10.0.0.3" };
    for (let i = 0; i < 4; i++) await lockout.recordFailure(writer);
    await lockout.recordSuccess(writer);
    for (let i = 0; i < 4; i++) await lockout.recordFailure(writer);
    expect(await lockout.lockedUntil(writer)).toBeNull();

    const elsewhere = { email: "writer@example.org", ip: "10.0.0.4" };
    for (let i = 0; i < 5; i++) await lockout.recordFailure(elsewhere);
    await lockout.recordFailure(writer);
    expect(await lockout.lockedUntil(writer)).not.toBeNull();
    expect(await lockout.lockedUntil(elsewhere)).not.toBeNull();
    await lockout.unlock("Writer@example.org");
    expect(await lockout.lockedUntil(writer)).toBeNull();
    expect(await lockout.lockedUntil(elsewhere)).toBeNull();
    // Counting starts again from zero after the reset.
    for (let i = 0; i < 4; i++) await lockout.recordFailure(writer);
    expect(await lockout.lockedUntil(writer)).toBeNull();
  });
});

describe("lockout expiry (memory store, fake clock)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lifts the lock after 15 minutes without anyone sleeping", async () => {
    vi.useFakeTimers({ now: new Date("2026-02-01T10:00:00Z"), toFake: ["Date", "setTimeout", "clearTimeout"] });
    const lockout = createLockout({ redis: null, namespace: `test-${runId()}` });
    const writer = { email: "writer@example.org", ip: "10.0.0.1" };
    for (let i = 0; i < 5; i++) await lockout.recordFailure(writer);
    expect(lockedMessage((await lockout.lockedUntil(writer))!)).toContain("(at 10:15 UTC)");
    vi.advanceTimersByTime((LOCKOUT_SECONDS - 5) * 1000);
    expect(await lockout.lockedUntil(writer)).not.toBeNull();
    vi.advanceTimersByTime(10_000);
    expect(await lockout.lockedUntil(writer)).toBeNull();
  });
});
