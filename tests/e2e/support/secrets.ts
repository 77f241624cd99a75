import { randomBytes } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { secretsFile } from "./paths";

/**
 * Every password, token and piece of writing a browser test sends must be recorded here: after the
 * suite, the log scan (tests/e2e/log-scan) fails if any of them appears in the server's logs.
 * One value per line, appended atomically, so parallel workers can share the file.
 */
export function recordSecret(value: string): string {
  if (value.length < 8) throw new Error("secrets must be at least 8 characters, or the log scan would match noise");
  if (/[\r\n]/.test(value)) throw new Error("record multi-line writing one line at a time");
  mkdirSync(path.dirname(secretsFile), { recursive: true });
  appendFileSync(secretsFile, `${value}\n`);
  return value;
}

/** A fresh random secret (recorded), e.g. uniqueSecret("password") → "password-3f9c…". */
export function uniqueSecret(label: string): string {
  return recordSecret(`${label}-${randomBytes(12).toString("hex")}`);
}
