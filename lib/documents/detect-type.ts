/**
 * What a file is, judged from its bytes (never its name): a PDF, a Word .docx (a ZIP holding
 * word/document.xml), plain text, or something we refuse with a reason.
 */
export type DetectedType =
  | { kind: "pdf" }
  | { kind: "docx" }
  | { kind: "text" }
  | { kind: "unsupported"; reason: "ole" | "zip" | "binary"; label: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

// Well-known binary formats people drop by mistake, named so the refusal can say what it saw.
const BINARY_SIGNATURES: { label: string; bytes: number[]; offset?: number }[] = [
  { label: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { label: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { label: "a GIF image", bytes: ascii("GIF8") },
  { label: "a WebP image", bytes: ascii("WEBP"), offset: 8 },
  { label: "a gzip archive", bytes: [0x1f, 0x8b] },
  { label: "an RTF document", bytes: ascii("{\\rtf") },
  { label: "a 7-Zip archive", bytes: ascii("7z\xbc\xaf") },
  { label: "an executable", bytes: ascii("\x7fELF") },
  { label: "an executable", bytes: ascii("MZ") },
];

const PDF = ascii("%PDF-");
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// OLE2 compound file: legacy .doc, and also what Word writes for a password-protected .docx.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DOCX_PART = ascii("word/document.xml");

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function detectType(bytes: Uint8Array): DetectedType {
  // PDF readers accept the header within the first KB (after junk); so do we.
  if (startsWith(bytes, PDF) || contains(bytes.subarray(0, 1024), PDF)) return { kind: "pdf" };
  if (startsWith(bytes, ZIP)) {
    // ZIP entry names are stored uncompressed in the local and central headers.
    return contains(bytes, DOCX_PART) ? { kind: "docx" } : { kind: "unsupported", reason: "zip", label: "a ZIP archive that is not a Word document" };
  }
  if (startsWith(bytes, OLE)) return { kind: "unsupported", reason: "ole", label: "a password-protected or legacy (.doc) Word file" };
  for (const sig of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig.bytes, sig.offset ?? 0)) return { kind: "unsupported", reason: "binary", label: sig.label };
  }
  return { kind: "text" };
}
