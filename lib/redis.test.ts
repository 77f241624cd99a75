import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCache } from "@/lib/cache";
import { resetEnvForTests } from "@/lib/env";
import { createRateLimiter } from "@/lib/rate-limiter-factory";
import {
  closeRedis,
  closeRedisClient,
  createRedisClient,
  getRedis,
  getRedisStatus,
  isRedisUsable,
  waitForRedis,
  withRedisFallback,
} from "@/lib/redis";
import { closedLocalPort, runId, skipNote, testRedisUrl } from "@/tests/helpers/services";
import { startTcpProxy } from "@/tests/helpers/tcp-proxy";

const run = runId();

describe("without REDIS_URL", () => {
  const saved = { REDIS_URL: process.env.REDIS_URL, PENPRINT_DATA_DIR: process.env.PENPRINT_DATA_DIR };
  const dataDir = mkdtempSync(path.join(tmpdir(), "penprint-redis-"));
  afterAll(async () => {
    await closeRedis();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvForTests();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("has no client, reports disabled with the in-process fallback, and limits in memory", async () => {
    delete process.env.REDIS_URL;
    process.env.PENPRINT_DATA_DIR = dataDir;
    resetEnvForTests();
    await closeRedis();
    expect(getRedis()).toBeNull();
    expect(isRedisUsable()).toBe(false);
    expect(await getRedisStatus()).toEqual({ status: "disabled", fallback: "in-process" });

    const limiter = createRateLimiter({ keyPrefix: `t${run}`, points: 2, durationSeconds: 60 });
    expect(limiter).toBeInstanceOf(RateLimiterMemory);
    await limiter.consume("k");
    await limiter.consume("k");
    await expect(limiter.consume("k")).rejects.toBeInstanceOf(RateLimiterRes);
  });

  it.runIf(testRedisUrl)(`keeps one client for REDIS_URL on globalThis${skipNote("TEST_REDIS_URL")}`, async () => {
    process.env.REDIS_URL = testRedisUrl;
    process.env.PENPRINT_DATA_DIR = dataDir;
    resetEnvForTests();
    await closeRedis();
    const first = getRedis();
    expect(first).not.toBeNull();
    expect(getRedis()).toBe(first);
    expect((await getRedisStatus()).status).toBe("ok");
    await closeRedis();
  });
});

describe("while Redis is down (client on a closed local port)", () => {
  let client: Redis;
  beforeAll(async () => {
    client = createRedisClient(`redis://127.0.0.1:${await closedLocalPort()}`);
  });
  afterAll(async () => {
    await closeRedisClient(client);
  });

  it("reports down with the reason and the fallback", async () => {
    const status = await getRedisStatus(client);
    expect(status.status).toBe("down");
    expect(status.fallback).toBe("in-process");
    expect(status.error).toMatch(/ECONNREFUSED|connect/i);
    expect(isRedisUsable(client)).toBe(false);
  });

  it("fails fast and uses the fallback instead of queueing", async () => {
    const started = Date.now();
    const value = await withRedisFallback(
      { operation: "test", redis: async (redis) => `redis:${await redis.get("x")}`, fallback: () => "local" },
      client,
    );
    expect(value).toBe("local");
    // A direct command is refused at once (no offline queue), not after a timeout.
    await expect(client.get("x")).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("limits with the in-memory insurance limiter", async () => {
    const limiter = createRateLimiter({ keyPrefix: `down${run}`, points: 3, durationSeconds: 60 }, client);
    for (let i = 0; i < 3; i += 1) await limiter.consume("ip-1");
    const refused = await limiter.consume("ip-1").then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
    // Another key has its own budget.
    await expect(limiter.consume("ip-2")).resolves.toBeInstanceOf(RateLimiterRes);
  });

  it("caches in process with TTLs on an injected clock", async () => {
    let now = 1_000_000;
    const cache = createCache({ redis: client, namespace: `down${run}`, now: () => now });
    await cache.set("a", { n: 1, list: ["x"] }, 10);
    expect(await cache.get("a")).toEqual({ n: 1, list: ["x"] });
    now += 9_000;
    expect(await cache.get("a")).toEqual({ n: 1, list: ["x"] });
    now += 2_000;
    expect(await cache.get("a")).toBeUndefined();
    await cache.set("b", 2, 10);
    await cache.delete("b");
    expect(await cache.get("b")).toBeUndefined();
  });
});

describe.runIf(testRedisUrl)(`with Redis at TEST_REDIS_URL${skipNote("TEST_REDIS_URL")}`, () => {
  let client: Redis;
  let second: Redis;
  const prefix = `penprint:*${run}*`;
  beforeAll(async () => {
    client = createRedisClient(testRedisUrl ?? "");
    second = createRedisClient(testRedisUrl ?? "");
    expect(await waitForRedis(client, 2_000)).toBe(true);
    expect(await waitForRedis(second, 2_000)).toBe(true);
  });
  afterEach(async () => {
    const keys = await client.keys(prefix);
    if (keys.length > 0) await client.del(...keys);
  });
  afterAll(async () => {
    await closeRedisClient(client);
    await closeRedisClient(second);
  });

  it("reports ok with a latency", async () => {
    const status = await getRedisStatus(client);
    expect(status.status).toBe("ok");
    expect(status.latencyMs).toBeGreaterThanOrEqual(0);
    expect(status.error).toBeUndefined();
  });

  it("runs the Redis branch of withRedisFallback", async () => {
    await client.set(`penprint:t:${run}`, "from-redis");
    const value = await withRedisFallback(
      { operation: "test", redis: async (redis) => (await redis.get(`penprint:t:${run}`)) ?? "missing", fallback: () => "local" },
      client,
    );
    expect(value).toBe("from-redis");
  });

  it("shares limits between instances through Redis, with the window's TTL on the key", async () => {
    const spec = { keyPrefix: `shared${run}`, points: 2, durationSeconds: 30 };
    const a = createRateLimiter(spec, client);
    const b = createRateLimiter(spec, second);
    await a.consume("user-1");
    await b.consume("user-1");
    await expect(a.consume("user-1")).rejects.toBeInstanceOf(RateLimiterRes);
    const ttl = await client.pttl(`penprint:rl:shared${run}:user-1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it("blocks for blockDurationSeconds once the points are spent", async () => {
    const limiter = createRateLimiter({ keyPrefix: `block${run}`, points: 1, durationSeconds: 1, blockDurationSeconds: 120 }, client);
    await limiter.consume("ip");
    const refused = await limiter.consume("ip").then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(60_000);
  });

  it("caches JSON in Redis, visible to another client, with the TTL set", async () => {
    const writer = createCache({ redis: client, namespace: `c${run}` });
    const reader = createCache({ redis: second, namespace: `c${run}` });
    await writer.set("k", { ok: true }, 60);
    expect(await reader.get("k")).toEqual({ ok: true });
    const ttl = await client.pttl(`penprint:cache:c${run}:k`);
    expect(ttl).toBeGreaterThan(50_000);
    await reader.delete("k");
    expect(await writer.get("k")).toBeUndefined();
  });
});

describe.runIf(testRedisUrl)(`when Redis goes away and comes back${skipNote("TEST_REDIS_URL")}`, () => {
  it("falls back during the outage and uses Redis again after reconnecting by itself", async () => {
    const target = new URL(testRedisUrl ?? "redis://127.0.0.1:6379");
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const client = createRedisClient(viaProxy.toString());
    try {
      expect(await waitForRedis(client, 2_000)).toBe(true);
      const limiter = createRateLimiter({ keyPrefix: `outage${run}`, points: 1, durationSeconds: 60 }, client);
      await limiter.consume("k"); // counted in Redis

      const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
      await proxy.cut();
      await closed;
      expect((await getRedisStatus(client)).status).toBe("down");
      // Redis already holds the spent point, but while it is away the insurance limiter decides.
      await expect(limiter.consume("k")).resolves.toBeInstanceOf(RateLimiterRes);

      const ready = new Promise<void>((resolve) => client.once("ready", () => resolve()));
      await proxy.restore();
      await ready;
      expect((await getRedisStatus(client)).status).toBe("ok");
      // Back on Redis: the point spent before the outage counts again.
      await expect(limiter.consume("k")).rejects.toBeInstanceOf(RateLimiterRes);
    } finally {
      await closeRedisClient(client);
      await proxy.close();
      const direct = createRedisClient(testRedisUrl ?? "");
      if (await waitForRedis(direct, 2_000)) {
        const keys = await direct.keys(`penprint:*${run}*`);
        if (keys.length > 0) await direct.del(...keys);
      }
      await closeRedisClient(direct);
    }
  });
});
