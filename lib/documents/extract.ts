import { wordCount } from "@/lib/analysis";
import { AppError, payloadTooLarge, unsupportedMediaType } from "@/lib/errors";
import { decodeText } from "./decode-text";
import { detectType } from "./detect-type";
import { extractDocx } from "./extract-docx";
import { extractPdf } from "./extract-pdf";
import { MAX_DOCUMENT_BYTES } from "./limits";
import { normalizeText } from "./normalize";

export type SourceType = "txt" | "md" | "docx" | "pdf" | "paste";

export interface ExtractedDocument {
  text: string;
  sourceType: SourceType;
  wordCount: number;
}

/** Markdown is text; the name only labels it (the content decides whether it is text at all). */
const looksMarkdown = (filename: string | undefined) => /\.(md|markdown)$/i.test(filename ?? "");

/**
 * Text out of an uploaded file, its type judged from the bytes. Refusals are AppErrors:
 * 413 too large, 415 unsupported type, 422 encrypted/corrupt/badly encoded/empty.
 */
export async function extractDocument({ bytes, filename }: { bytes: Uint8Array; filename?: string }): Promise<ExtractedDocument> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw fileTooLarge();
  if (bytes.byteLength === 0) throw emptyText("This file is empty.");
  const type = detectType(bytes);
  let raw: string;
  let sourceType: SourceType;
  switch (type.kind) {
    case "pdf":
      raw = await extractPdf(bytes);
      sourceType = "pdf";
      break;
    case "docx":
      raw = await extractDocx(bytes);
      sourceType = "docx";
      break;
    case "text":
      raw = decodeText(bytes);
      sourceType = looksMarkdown(filename) ? "md" : "txt";
      break;
    case "unsupported":
      if (type.reason === "ole") {
        throw unsupportedMediaType(
          "This looks like a password-protected or old-format (.doc) Word file. Remove the password or save it as .docx, then upload it again.",
          "encrypted_or_legacy_document",
        );
      }
      throw unsupportedMediaType(`This file is ${type.label}. Upload .txt, .md, .docx or .pdf.`, "unsupported_type");
  }
  const text = normalizeText(raw);
  if (text === "") {
    throw emptyText(
      sourceType === "pdf"
        ? "No text was found in this PDF. It may be a scan (images of pages); export it with text, or paste the text."
        : "No text was found in this file.",
    );
  }
  return { text, sourceType, wordCount: wordCount(text) };
}

export const fileTooLarge = () =>
  payloadTooLarge(`Files can be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`, "file_too_large");

export const emptyText = (message: string) => new AppError({ status: 422, code: "empty_text", message });
