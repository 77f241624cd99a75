import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { rateLimited } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limiter-factory";

/**
 * Rewrites per writer per minute (REWRITE_RATE_LIMIT_PER_MINUTE): each one holds a model for
 * seconds to minutes. Through Redis when configured, in memory otherwise (lib/rate-limiter-factory).
 */
const holder = globalThis as unknown as { __penprintRewriteLimiter?: { points: number; limiter: RateLimiterAbstract } };

export function rewriteLimiter(pointsPerMinute: number): RateLimiterAbstract {
  const current = holder.__penprintRewriteLimiter;
  if (current && current.points === pointsPerMinute) return current.limiter;
  const limiter = createRateLimiter({ keyPrefix: "rewrite", points: pointsPerMinute, durationSeconds: 60 });
  holder.__penprintRewriteLimiter = { points: pointsPerMinute, limiter };
  return limiter;
}

/** Spends one rewrite of the writer's minute, or throws 429 with the wait. */
export async function enforceRewriteLimit({ userId, limiter }: { userId: string; limiter: RateLimiterAbstract }): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    const ms = (rejection as { msBeforeNext?: number }).msBeforeNext ?? 1000;
    throw rateLimited(ms / 1000, "You have started many rewrites in the last minute. Please wait a moment and try again.");
  }
}
