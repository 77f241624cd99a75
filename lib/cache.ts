import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { getRedis, REDIS_KEY_PREFIX, withRedisFallback } from "@/lib/redis";

/**
 * A small JSON cache with TTLs: Redis when configured and up, otherwise an in-process LRU map
 * (per instance, bounded). Values that fell back to the local map while Redis was down are not
 * copied to Redis when it returns; a cache may always miss, so callers must recompute on a miss.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CacheOptions {
  /** Redis client; defaults to the process-wide one (null = no Redis). */
  redis?: Redis | null;
  /** Most entries the in-process map keeps. */
  maxEntries?: number;
  /** Namespace inside `penprint:cache:`, so features (and test runs) never collide. */
  namespace?: string;
  /** Clock for the in-process TTLs, in milliseconds (tests inject one). */
  now?: () => number;
}

export interface JsonCache {
  get<T extends Json>(key: string): Promise<T | undefined>;
  set(key: string, value: Json, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Deletes every entry whose key starts with `keyPrefix` (e.g. all of one writer's entries). */
  deleteByPrefix(keyPrefix: string): Promise<void>;
}

export function createCache(options: CacheOptions = {}): JsonCache {
  const client = options.redis === undefined ? getRedis() : options.redis;
  const prefix = `${REDIS_KEY_PREFIX}cache:${options.namespace ?? "default"}:`;
  const local = new LRUCache<string, string>({
    max: options.maxEntries ?? 1_000,
    // Read the clock on every check (no cached timestamp), so injected clocks work exactly.
    ttlResolution: 0,
    ...(options.now ? { perf: { now: options.now } } : {}),
  });
  const parse = <T>(raw: string | null | undefined): T | undefined => {
    if (raw === null || raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  };

  return {
    async get<T extends Json>(key: string) {
      const raw = await withRedisFallback(
        { operation: "cache.get", redis: (redis) => redis.get(prefix + key), fallback: () => local.get(key) ?? null },
        client,
      );
      return parse<T>(raw);
    },
    async set(key, value, ttlSeconds) {
      if (!(ttlSeconds > 0)) throw new Error("cache: ttlSeconds must be positive");
      const raw = JSON.stringify(value);
      await withRedisFallback(
        {
          operation: "cache.set",
          redis: async (redis) => {
            await redis.set(prefix + key, raw, "PX", Math.round(ttlSeconds * 1000));
          },
          fallback: () => {
            local.set(key, raw, { ttl: ttlSeconds * 1000 });
          },
        },
        client,
      );
    },
    async delete(key) {
      // Both places: an entry may have been written locally during an outage.
      local.delete(key);
      await withRedisFallback(
        {
          operation: "cache.delete",
          redis: async (redis) => {
            await redis.del(prefix + key);
          },
          fallback: () => undefined,
        },
        client,
      );
    },
    async deleteByPrefix(keyPrefix) {
      for (const key of [...local.keys()]) if (key.startsWith(keyPrefix)) local.delete(key);
      await withRedisFallback(
        {
          operation: "cache.deleteByPrefix",
          redis: async (redis) => {
            // SCAN, not KEYS: never blocks Redis on a large keyspace. Glob characters in the prefix are escaped.
            const pattern = `${prefix}${keyPrefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
            let cursor = "0";
            do {
              const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
              cursor = next;
              if (keys.length > 0) await redis.del(...keys);
            } while (cursor !== "0");
          },
          fallback: () => undefined,
        },
        client,
      );
    },
  };
}
