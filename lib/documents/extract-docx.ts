import mammoth from "mammoth";
import { AppError } from "@/lib/errors";

/** Plain text of a .docx (paragraphs separated by blank lines), via mammoth. */
export async function extractDocx(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (error) {
    throw new AppError({
      status: 422,
      code: "corrupt_document",
      message: "This Word document could not be read; it may be damaged. Open it in Word, save it again as .docx and retry.",
      cause: error,
    });
  }
}
