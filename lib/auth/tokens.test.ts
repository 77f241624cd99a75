import { describe, expect, it } from "vitest";
import { expiryFrom, generateToken, hashToken, isTokenShaped, RESET_TOKEN_TTL_MS, VERIFICATION_TOKEN_TTL_MS } from "./tokens";

describe("email tokens", () => {
  it("are 32 random bytes, stored as a SHA-256 hash", () => {
    const { token, tokenHash } = generateToken();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(isTokenShaped(token)).toBe(true);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).not.toContain(token);
    const many = new Set(Array.from({ length: 1000 }, () => generateToken().token));
    expect(many.size).toBe(1000);
  });

  it("refuses strings that cannot be tokens and reads expiry from the clock", () => {
    expect(isTokenShaped("abc")).toBe(false);
    expect(isTokenShaped(`${"a".repeat(42)}=`)).toBe(false);
    expect(isTokenShaped(undefined)).toBe(false);
    const now = new Date("2026-03-01T12:00:00Z");
    expect(expiryFrom(() => now, VERIFICATION_TOKEN_TTL_MS).toISOString()).toBe("2026-03-02T12:00:00.000Z");
    expect(expiryFrom(() => now, RESET_TOKEN_TTL_MS).toISOString()).toBe("2026-03-01T13:00:00.000Z");
  });
});
