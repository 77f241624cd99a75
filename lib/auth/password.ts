import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

/**
 * Password rules and hashing. argon2id with OWASP's minimum settings (19 MiB, 2 passes, 1 lane);
 * the parameters live in each hash, so raising them later still verifies older hashes.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A new password: length 10–256 characters and not on the common-passwords list. */
export const newPasswordSchema = z
  .string({ message: "Enter a password." })
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` })
  .refine((password) => !isCommonPassword(password), {
    message: "This password is too common; pick one that others are unlikely to use.",
  });

/** A password typed to sign in: only bounded, so a megabyte of input is not hashed. */
export const existingPasswordSchema = z
  .string({ message: "Enter your password." })
  .min(1, { message: "Enter your password." })
  .max(PASSWORD_MAX_LENGTH, { message: "That password is too long." });

export async function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

/** False for a wrong password and for a malformed stored hash (never throws on user input). */
export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash, so that an unknown email costs the same argon2 work as a
 * known one (no account enumeration through timing).
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hash(`dummy-${Math.random()}`, argon2Options);
  await verifyPassword({ hash: await dummyHash, password });
  return false;
}
