import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "./clock";

/**
 * Email tokens: 32 random bytes, sent base64url-encoded in a link; only their SHA-256 is stored.
 * A fast hash suffices here: the token has 256 bits of entropy, so there is nothing to brute-force.
 */
export const VERIFICATION_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;
export const INVITE_TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** Whether a string could be one of our tokens (anything else is refused before a database look-up). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

export function expiryFrom(clock: Clock, ttlMs: number): Date {
  return new Date(clock().getTime() + ttlMs);
}
