import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { closeRedisClient, createRedisClient, waitForRedis } from "@/lib/redis";
import { createAccountLimits } from "@/lib/rate-limit";
import { runId, skipNote, testRedisUrl } from "@/tests/helpers/services";
import { createLockout, LOCKOUT_SECONDS } from "./lockout";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const stores = [
  { name: "memory", skip: false },
  { name: `redis${skipNote("TEST_REDIS_URL")}`, skip: !testRedisUrl },
];

describe.each(stores)("limits and lockout on $name", ({ name, skip }) => {
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
    for (let i = 0; i < 5; i++) await limits.consume("sign-in", { ip: "10.0.0.1", email: `user${i}@example.org` });
    const byIp = await refusal(limits.consume("sign-in", { ip: "10.0.0.1", email: "new@example.org" }));
    expect(byIp.status).toBe(429);
    expect(byIp.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(byIp.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The same email from five addresses, then a sixth.
    for (let i = 0; i < 5; i++) await limits.consume("forgot-password", { ip: `10.0.1.${i}`, email: "writer@example.org" });
    const byEmail = await refusal(limits.consume("forgot-password", { ip: "10.0.1.99", email: "WRITER@example.org" }));
    expect(byEmail.status).toBe(429);
    // Other actions keep their own budget.
    await limits.consume("sign-up", { ip: "10.0.0.1", email: "writer@example.org" });
  });

  it.skipIf(skip)("locks an email for one client after 5 failures, for 15 minutes, saying when", async () => {
    const lockout = createLockout(fresh());
    const writer = { email: "writer@example.org", ip: "10.0.0.1" };
    for (let i = 0; i < 4; i++) {
      await lockout.assertNotLocked(writer);
      await lockout.recordFailure(writer);
    }
    await lockout.assertNotLocked(writer);
    await lockout.recordFailure(writer);
    const error = await refusal(lockout.assertNotLocked(writer));
    expect(error.status).toBe(423);
    expect(error.code).toBe("account_locked");
    expect(error.message).toMatch(/Try again in 1[45] minutes \(at \d\d:\d\d UTC\)/);
    // The same email from another client, and another email from this client, are not locked.
    await lockout.assertNotLocked({ email: "writer@example.org", ip: "192.0.2.7" });
    await lockout.assertNotLocked({ email: "other@example.org", ip: "10.0.0.1" });
  });

  it.skipIf(skip)("counts unknown emails alike, forgets failures after a success, and a reset unlocks everywhere", async () => {
    const lockout = createLockout(fresh());
    const ghost = { email: "nobody-here@example.org", ip: "10.0.0.2" };
    for (let i = 0; i < 5; i++) await lockout.recordFailure(ghost);
    expect((await refusal(lockout.assertNotLocked(ghost))).status).toBe(423);

    const writer = { email: "writer@example.org", ip: "10.0.0.3" };
    for (let i = 0; i < 4; i++) await lockout.recordFailure(writer);
    await lockout.recordSuccess(writer);
    for (let i = 0; i < 4; i++) await lockout.recordFailure(writer);
    await lockout.assertNotLocked(writer);

    const elsewhere = { email: "writer@example.org", ip: "10.0.0.4" };
    for (let i = 0; i < 5; i++) await lockout.recordFailure(elsewhere);
    await lockout.recordFailure(writer);
    expect((await refusal(lockout.assertNotLocked(writer))).status).toBe(423);
    expect((await refusal(lockout.assertNotLocked(elsewhere))).status).toBe(423);
    await lockout.unlock("Writer@example.org");
    await lockout.assertNotLocked(writer);
    await lockout.assertNotLocked(elsewhere);
    // Counting starts again from zero after the reset.
    for (let i = 0; i < 4; i++) await lockout.recordFailure(writer);
    await lockout.assertNotLocked(writer);
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
    const error = await refusal(lockout.assertNotLocked(writer));
    expect(error.message).toContain("(at 10:15 UTC)");
    vi.advanceTimersByTime((LOCKOUT_SECONDS - 5) * 1000);
    expect((await refusal(lockout.assertNotLocked(writer))).status).toBe(423);
    vi.advanceTimersByTime(10_000);
    await lockout.assertNotLocked(writer);
  });
});
