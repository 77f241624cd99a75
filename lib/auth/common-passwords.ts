import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Passwords people pick most often, from zxcvbn-ts's common list (about 49,000 leaked passwords,
 * ranked). Only entries that pass the length rule matter, so only those are kept in memory.
 */
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) {
    const list = dictionary["passwords-common"];
    common = new Set(Array.isArray(list) ? list.filter((p): p is string => typeof p === "string" && p.length >= 8).map((p) => p.toLowerCase()) : []);
  }
  return common;
}

/** True for a password on the common list (compared case-insensitively, so "Password123" counts). */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}
