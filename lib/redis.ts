import { Redis, type RedisOptions } from "ioredis";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * One ioredis client for the process, on `REDIS_URL`.
 *
 * Fallback contract (the README documents it): Redis is optional. When `REDIS_URL` is unset,
 * `getRedis()` returns null; while Redis is down, commands fail fast (no offline queue) and
 * `isRedisUsable()` is false. Callers then use an in-process substitute:
 * - rate limits: `createRateLimiter` (lib/rate-limiter-factory.ts) keeps an in-memory insurance limiter;
 * - caches: `lib/cache.ts` keeps an in-process LRU map;
 * - anything else: `withRedisFallback({ redis, fallback })` below.
 * In-process state is per instance, so limits are per instance while Redis is away.
 */

export type RedisHealth = {
  status: "ok" | "down" | "disabled";
  latencyMs?: number;
  error?: string;
  fallback?: "in-process";
};

/** Timeouts keep a request from hanging on a dead Redis; the client keeps reconnecting behind the scenes. */
export const redisClientOptions: RedisOptions = {
  connectTimeout: 2_000,
  commandTimeout: 1_000,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  // Back off up to 5 s between reconnects, forever: Redis coming back is picked up without a restart.
  retryStrategy: (attempt: number) => Math.min(attempt * 250, 5_000),
};

/** Every Penprint key starts with this, so a shared Redis stays tidy. */
export const REDIS_KEY_PREFIX = "penprint:";

type Tracked = { client: Redis; lastError?: string };
const tracked = new WeakMap<Redis, Tracked>();

/** Creates a client with Penprint's options; it connects in the background and logs state changes once. */
export function createRedisClient(url: string, overrides: RedisOptions = {}): Redis {
  const client = new Redis(url, { ...redisClientOptions, ...overrides });
  const entry: Tracked = { client };
  tracked.set(client, entry);
  let wasReady = false;
  let warned = false;
  client.on("ready", () => {
    entry.lastError = undefined;
    warned = false;
    if (!wasReady) logger.info("redis connected");
    else logger.info("redis reconnected");
    wasReady = true;
  });
  // Without a listener ioredis prints every failed reconnect; log the first failure of each outage only.
  client.on("error", (error: Error) => {
    entry.lastError = describeError(error);
    if (!warned) {
      warned = true;
      logger.warn({ error: entry.lastError }, "redis unavailable; using the in-process fallback until it returns");
    }
  });
  return client;
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

const holder = globalThis as unknown as { __penprintRedis?: Redis };

/** The process-wide client, created on first use; null when `REDIS_URL` is not configured. */
export function getRedis(): Redis | null {
  if (holder.__penprintRedis) return holder.__penprintRedis;
  const url = getEnv().REDIS_URL;
  if (!url) return null;
  holder.__penprintRedis = createRedisClient(url);
  return holder.__penprintRedis;
}

/** True when commands can be sent now (connected and ready). */
export function isRedisUsable(client: Redis | null = getRedis()): client is Redis {
  return client !== null && client.status === "ready";
}

/** Waits for the first connection, at most `timeoutMs`; false when it did not come. */
export async function waitForRedis(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === "ready") return true;
  if (client.status === "end" || client.status === "close" || client.status === "reconnecting") return false;
  return new Promise<boolean>((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      client.off("ready", onReady);
      client.off("end", onEnd);
      client.off("error", onEnd);
      resolve(ready);
    };
    const onReady = () => done(true);
    const onEnd = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.once("ready", onReady);
    client.once("end", onEnd);
    client.once("error", onEnd);
  });
}

/** For `/health`: pings Redis and reports latency, or why it is down and that the fallback is in use. */
export async function getRedisStatus(client: Redis | null = getRedis()): Promise<RedisHealth> {
  if (client === null) return { status: "disabled", fallback: "in-process" };
  const entry = tracked.get(client);
  // Right after start the first connection may still be on its way; give it the connect timeout.
  await waitForRedis(client, Number(client.options.connectTimeout ?? redisClientOptions.connectTimeout));
  if (client.status !== "ready") {
    return { status: "down", error: entry?.lastError ?? `not connected (${client.status})`, fallback: "in-process" };
  }
  const started = process.hrtime.bigint();
  try {
    await client.ping();
    const latencyMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    return { status: "ok", latencyMs };
  } catch (error) {
    return { status: "down", error: describeError(error), fallback: "in-process" };
  }
}

/**
 * Runs `redis(client)` when Redis is usable, else (or when the call fails) `fallback()`.
 * Use it for work that has an in-process substitute; the failure is logged at debug level only,
 * because the client already logs the outage once.
 */
export async function withRedisFallback<T>(
  {
    redis,
    fallback,
    operation,
  }: { redis: (client: Redis) => Promise<T>; fallback: () => T | Promise<T>; operation: string },
  client: Redis | null = getRedis(),
): Promise<T> {
  if (!isRedisUsable(client)) return fallback();
  try {
    return await redis(client);
  } catch (error) {
    logger.debug({ operation, error: describeError(error) }, "redis call failed; used the in-process fallback");
    return fallback();
  }
}

/** Closes the process-wide client (SIGTERM, tests). */
export async function closeRedis(): Promise<void> {
  const client = holder.__penprintRedis;
  delete holder.__penprintRedis;
  if (!client) return;
  await closeRedisClient(client);
}

/** Closes a client politely when connected, or stops its reconnect loop when not. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === "ready") {
    await client.quit().catch(() => client.disconnect());
  } else {
    client.disconnect();
  }
}
