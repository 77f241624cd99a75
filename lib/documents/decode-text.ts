import { AppError, unsupportedMediaType } from "@/lib/errors";

/**
 * Bytes of a plain-text file as a string: UTF-8 (with or without BOM) or UTF-16 (with a BOM, or
 * without one when the NUL pattern makes it unmistakable). Anything else is refused, because
 * guessing a legacy code page silently corrupts a writer's punctuation.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), "utf-16be");
  const bomless = bomlessUtf16(bytes);
  if (bomless) return utf16(bytes, bomless);
  return utf8(bytes);
}

/** UTF-16 without a BOM shows as NUL in every other byte for Latin text. */
function bomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return "utf-16be";
  return null;
}

function utf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError({
      status: 422,
      code: "invalid_encoding",
      message: "This file is not valid UTF-8 text. Save it as UTF-8 (or as .docx or .pdf) and upload it again.",
    });
  }
  refuseBinary(text);
  return text;
}

function utf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  if (bytes.length % 2 !== 0) throw brokenUtf16();
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw brokenUtf16();
  }
  refuseBinary(text);
  return text;
}

const brokenUtf16 = () =>
  new AppError({ status: 422, code: "invalid_encoding", message: "This UTF-16 text file is damaged. Save it as UTF-8 and upload it again." });

// Control characters other than tab, newline, carriage return and form feed mean binary data.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

function refuseBinary(text: string): void {
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls > Math.max(2, text.length / 1000)) {
    throw unsupportedMediaType("This file does not look like text, a .docx or a PDF.", "unsupported_type");
  }
}
