import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getRedis, REDIS_KEY_PREFIX } from "@/lib/redis";

export interface RateLimiterSpec {
  /** Names the limit (e.g. "sign-in:ip"); keys are stored as `penprint:rl:<keyPrefix>:<key>`. */
  keyPrefix: string;
  /** Points allowed per window. */
  points: number;
  /** Window length. */
  durationSeconds: number;
  /** Once the points are spent, refuse the key for this long instead of until the window ends. */
  blockDurationSeconds?: number;
}

/**
 * A rate limiter shared by every instance through Redis when `REDIS_URL` is set, with an in-memory
 * insurance limiter that takes over at once while Redis is down (so requests are never refused or
 * delayed because of Redis); a purely in-memory limiter when Redis is not configured.
 *
 * `consume(key)` resolves with a `RateLimiterRes` when allowed and rejects with one (use its
 * `msBeforeNext` for `Retry-After`) when limited.
 */
export function createRateLimiter(spec: RateLimiterSpec, client: Redis | null = getRedis()): RateLimiterAbstract {
  if (!Number.isInteger(spec.points) || spec.points < 1) throw new Error("rate limiter: points must be a positive integer");
  if (!(spec.durationSeconds > 0)) throw new Error("rate limiter: durationSeconds must be positive");
  const common = {
    keyPrefix: `${REDIS_KEY_PREFIX}rl:${spec.keyPrefix}`,
    points: spec.points,
    duration: spec.durationSeconds,
    blockDuration: spec.blockDurationSeconds ?? 0,
  };
  const memory = new RateLimiterMemory(common);
  if (client === null) return memory;
  return new RateLimiterRedis({
    ...common,
    storeClient: client,
    // Not "ready" means reconnecting: go straight to the insurance limiter instead of waiting.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}
