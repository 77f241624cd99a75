import { describe, expect, it } from "vitest";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";
import { hashPassword, newPasswordSchema, verifyDummyPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("hashes with argon2id, salted, and verifies only the right password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
    expect(await verifyPassword({ hash: a, password: "correct horse battery" })).toBe(true);
    expect(await verifyPassword({ hash: a, password: "correct horse batterY" })).toBe(false);
    expect(await verifyPassword({ hash: "not-a-hash", password: "x" })).toBe(false);
    expect(await verifyDummyPassword("anything at all")).toBe(false);
  });

  it("accepts 10 to 256 characters and refuses common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThan(1000);
    expect(newPasswordSchema.safeParse("short-pw1").success).toBe(false);
    expect(newPasswordSchema.safeParse("x".repeat(257)).success).toBe(false);
    expect(newPasswordSchema.safeParse("quiet-otter-lamp-91").success).toBe(true);
    expect(newPasswordSchema.safeParse("a".repeat(10) + "Zq7!".repeat(61)).success).toBe(true);
    for (const common of ["password123", "qwertyuiop", "1234567890", "Password123", "basketball"]) {
      expect(isCommonPassword(common)).toBe(true);
      const result = newPasswordSchema.safeParse(common);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/too common/);
    }
  });
});
