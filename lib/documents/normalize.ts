import { createHash } from "node:crypto";

/** The text we store: Unicode NFC, Unix newlines, invisible BOMs and NULs removed, outer blank lines trimmed. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\uFEFF\u0000]/g, "")
    .replace(/[ \t]+$/gm, "")
    .replace(/^\n+|\s+$/g, "");
}

/**
 * SHA-256 over the text with all whitespace runs collapsed, so the same writing pasted or uploaded
 * (different line wrapping, trailing spaces) counts as a duplicate.
 */
export function contentHash(text: string): string {
  const canonical = text.normalize("NFC").replace(/\s+/g, " ").trim();
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
