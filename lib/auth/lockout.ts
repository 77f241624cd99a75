import type { Redis } from "ioredis";
import { RateLimiterRes } from "rate-limiter-flexible";
import { createCache, type JsonCache } from "@/lib/cache";
import { createRateLimiter } from "@/lib/rate-limiter-factory";
import { getRedis } from "@/lib/redis";
import { describeWait, keyOf } from "@/lib/rate-limit";

/**
 * Sign-in lockout: 5 failed sign-ins for one email from one client lock that email for that
 * client for 15 minutes. Keyed by (email, client), so a stranger elsewhere cannot lock a writer
 * out; counted for unknown emails too, so the answer never tells whether an account exists.
 * A password reset unlocks the email everywhere by moving it to a new key generation.
 */
export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_SECONDS = 15 * 60;

export interface Lockout {
  /** When (email, ip) is locked: until when (plain data; the caller answers 423). Null when not locked. */
  lockedUntil(subject: { email: string; ip: string | null }): Promise<Date | null>;
  /** Counts a failed sign-in; locks on the 5th. */
  recordFailure(subject: { email: string; ip: string | null }): Promise<void>;
  /** A successful sign-in forgets the failures of this client. */
  recordSuccess(subject: { email: string; ip: string | null }): Promise<void>;
  /** After a password reset: the email is unlocked for every client. */
  unlock(email: string): Promise<void>;
}

export function lockedMessage(until: Date): string {
  const wait = describeWait(until.getTime() - Date.now());
  return `Too many failed sign-ins for this email from this device. Try again in ${wait} (at ${until.toISOString().slice(11, 16)} UTC), or reset your password.`;
}

export function createLockout(
  { redis = getRedis(), namespace = "account", cache }: { redis?: Redis | null; namespace?: string; cache?: JsonCache } = {},
): Lockout {
  // duration = block = 15 min: failures older than the lock window are forgotten.
  const failures = createRateLimiter(
    { keyPrefix: `${namespace}:lockout`, points: LOCKOUT_FAILURES, durationSeconds: LOCKOUT_SECONDS },
    redis,
  );
  const generations = cache ?? createCache({ redis, namespace: `${namespace}:lockout-generation` });

  const keyFor = async ({ email, ip }: { email: string; ip: string | null }) => {
    const emailKey = keyOf(email);
    const generation = (await generations.get<number>(emailKey)) ?? 0;
    return `${emailKey}:${generation}:${keyOf(ip ?? "unknown")}`;
  };

  return {
    async lockedUntil(subject) {
      const res = await failures.get(await keyFor(subject));
      return res && res.consumedPoints > LOCKOUT_FAILURES ? new Date(Date.now() + res.msBeforeNext) : null;
    },
    async recordFailure(subject) {
      const key = await keyFor(subject);
      try {
        const res = await failures.consume(key);
        if (res.remainingPoints === 0) await failures.block(key, LOCKOUT_SECONDS);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
      }
    },
    async recordSuccess(subject) {
      await failures.delete(await keyFor(subject));
    },
    async unlock(email) {
      // Outlives every record of the old generation (they expire after LOCKOUT_SECONDS).
      await generations.set(keyOf(email), Date.now(), LOCKOUT_SECONDS + 60);
    },
  };
}

const holder = globalThis as unknown as { __penprintLockout?: Lockout };

export function getLockout(): Lockout {
  return (holder.__penprintLockout ??= createLockout());
}
