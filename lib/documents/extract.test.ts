import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { extractDocument } from "./extract";
import { MAX_DOCUMENT_BYTES } from "./limits";
import { buildDocx, buildPdf, buildZip } from "./test-files";

const PARAGRAPHS = [
  "The harbour was quiet the morning we left, and nobody came to see us off.",
  "I remember the smell of diesel and wet rope more than any of the goodbyes.",
];

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("extractDocument", () => {
  it("reads plain UTF-8 text and labels .md files as markdown", async () => {
    const doc = await extractDocument({ bytes: utf8("# Title\r\n\r\nSome *words* here.\r\n"), filename: "notes.md" });
    expect(doc).toEqual({ text: "# Title\n\nSome *words* here.", sourceType: "md", wordCount: expect.any(Number) });
    expect(doc.wordCount).toBeGreaterThanOrEqual(4);
    expect((await extractDocument({ bytes: utf8("Plain words."), filename: "x.md.pdf" })).sourceType).toBe("txt");
  });

  it("strips a UTF-8 BOM and decodes UTF-16 with and without a BOM", async () => {
    const text = "Café – “quoted” naïve text";
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect((await extractDocument({ bytes: bom8 })).text).toBe(text);
    const le = Buffer.from(text, "utf16le");
    expect((await extractDocument({ bytes: new Uint8Array([0xff, 0xfe, ...le]) })).text).toBe(text);
    expect((await extractDocument({ bytes: new Uint8Array(le) })).text).toBe(text);
    const be = Buffer.from(le).swap16();
    expect((await extractDocument({ bytes: new Uint8Array([0xfe, 0xff, ...be]) })).text).toBe(text);
  });

  it("refuses text in a legacy encoding instead of guessing", async () => {
    const latin1 = new Uint8Array(Buffer.from("Caf\xe9 cr\xe8me br\xfbl\xe9e", "latin1"));
    const error = await refusal(extractDocument({ bytes: latin1, filename: "menu.txt" }));
    expect([error.status, error.code]).toEqual([422, "invalid_encoding"]);
  });

  it("extracts the paragraphs of a real .docx, whatever the file is called", async () => {
    const doc = await extractDocument({ bytes: await buildDocx(PARAGRAPHS), filename: "essay.txt" });
    expect(doc.sourceType).toBe("docx");
    expect(doc.text).toBe(PARAGRAPHS.join("\n\n"));
  });

  it("extracts the text of a real PDF", async () => {
    const doc = await extractDocument({ bytes: buildPdf(PARAGRAPHS), filename: "upload.bin" });
    expect(doc.sourceType).toBe("pdf");
    expect(doc.text).toContain("nobody came to see us off.");
    expect(doc.text).toContain("diesel and wet rope");
  });

  it("refuses an encrypted PDF and a corrupt one with different codes", async () => {
    const encrypted = await refusal(extractDocument({ bytes: buildPdf(PARAGRAPHS, { encrypted: true }) }));
    expect([encrypted.status, encrypted.code]).toEqual([422, "encrypted_document"]);
    const corrupt = await refusal(extractDocument({ bytes: utf8("%PDF-1.7\nthis is not really a pdf at all") }));
    expect([corrupt.status, corrupt.code]).toEqual([422, "corrupt_document"]);
  });

  it("refuses a PDF with no text layer as empty", async () => {
    const error = await refusal(extractDocument({ bytes: buildPdf([]) }));
    expect([error.status, error.code]).toEqual([422, "empty_text"]);
    expect(error.message).toMatch(/scan/);
  });

  it("refuses a truncated .docx as corrupt", async () => {
    const docx = await buildDocx(PARAGRAPHS);
    const error = await refusal(extractDocument({ bytes: docx.subarray(0, Math.floor(docx.length * 0.6)) }));
    expect([error.status, error.code]).toEqual([422, "corrupt_document"]);
  });

  it("refuses other ZIPs, images, OLE (encrypted/legacy Word) files and binary data with 415", async () => {
    const zip = await refusal(extractDocument({ bytes: await buildZip(), filename: "a.docx" }));
    expect([zip.status, zip.code]).toEqual([415, "unsupported_type"]);
    const png = await refusal(extractDocument({ bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) }));
    expect([png.status, png.message]).toEqual([415, expect.stringContaining("PNG")]);
    const ole = await refusal(extractDocument({ bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]) }));
    expect([ole.status, ole.code]).toEqual([415, "encrypted_or_legacy_document"]);
    const binary = new Uint8Array(400).map((_, i) => (i * 7) % 9);
    const bin = await refusal(extractDocument({ bytes: binary }));
    expect([bin.status, bin.code]).toEqual([415, "unsupported_type"]);
  });

  it("refuses empty and whitespace-only files, and files over 10 MB", async () => {
    expect((await refusal(extractDocument({ bytes: new Uint8Array(0) }))).code).toBe("empty_text");
    expect((await refusal(extractDocument({ bytes: utf8(" \n\r\n\t ") }))).code).toBe("empty_text");
    const big = await refusal(extractDocument({ bytes: new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61) }));
    expect([big.status, big.code]).toEqual([413, "file_too_large"]);
    // exactly at the limit is accepted
    expect((await extractDocument({ bytes: new Uint8Array(MAX_DOCUMENT_BYTES).fill(0x61) })).wordCount).toBe(1);
  });
});
