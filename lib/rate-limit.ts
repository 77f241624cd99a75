import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { createRateLimiter } from "@/lib/rate-limiter-factory";
import { getRedis } from "@/lib/redis";

/**
 * Request limits of the account endpoints: 5 per minute per client address and per email on
 * sign-in, sign-up and forgot-password (plus resends and resets), shared through Redis, in memory
 * without it. Checked before anything else: a limited request does no other work.
 */

export type LimitedAction = "sign-in" | "sign-up" | "forgot-password" | "reset-password" | "resend-verification" | "change-email";

const ACTIONS: LimitedAction[] = ["sign-in", "sign-up", "forgot-password", "reset-password", "resend-verification", "change-email"];
export const LIMIT_POINTS = 5;
export const LIMIT_WINDOW_SECONDS = 60;

/** Emails never appear in Redis keys: a short SHA-256 stands for them. */
export function keyOf(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase(), "utf8").digest("hex").slice(0, 32);
}

export interface AccountLimits {
  /**
   * Spends one attempt for the address and for the email (or user id); when either is used up, says
   * how long to wait. (Plain data, not a thrown error: this object is shared on globalThis by every
   * bundle of the app, and each bundle has its own copy of the error classes.)
   */
  consume(action: LimitedAction, subject: { ip: string | null; email?: string; userId?: string }): Promise<{ retryAfterMs: number } | null>;
}

export function createAccountLimits(
  { redis = getRedis(), namespace = "account" }: { redis?: Redis | null; namespace?: string } = {},
): AccountLimits {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiter = (action: LimitedAction, by: "ip" | "subject") => {
    const name = `${action}:${by}`;
    let found = limiters.get(name);
    if (!found) {
      found = createRateLimiter(
        { keyPrefix: `${namespace}:${name}`, points: LIMIT_POINTS, durationSeconds: LIMIT_WINDOW_SECONDS },
        redis,
      );
      limiters.set(name, found);
    }
    return found;
  };
  for (const action of ACTIONS) {
    limiter(action, "ip");
    limiter(action, "subject");
  }

  return {
    async consume(action, { ip, email, userId }) {
      const checks: [RateLimiterAbstract, string][] = [[limiter(action, "ip"), keyOf(ip ?? "unknown")]];
      const subject = email ?? userId;
      if (subject) checks.push([limiter(action, "subject"), keyOf(subject)]);
      for (const [rl, key] of checks) {
        try {
          await rl.consume(key);
        } catch (rejection) {
          if (rejection instanceof RateLimiterRes) return { retryAfterMs: Math.max(1, rejection.msBeforeNext) };
          throw rejection;
        }
      }
      return null;
    },
  };
}

export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

const holder = globalThis as unknown as { __penprintAccountLimits?: AccountLimits };

/** The process-wide limits (one set of limiters per process, on REDIS_URL when configured). */
export function getAccountLimits(): AccountLimits {
  return (holder.__penprintAccountLimits ??= createAccountLimits());
}
