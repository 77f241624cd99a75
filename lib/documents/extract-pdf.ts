import { extractText, getDocumentProxy } from "unpdf";
import { AppError } from "@/lib/errors";

/** Text of every page of a PDF, pages separated by blank lines, via unpdf (PDF.js). */
export async function extractPdf(bytes: Uint8Array): Promise<string> {
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(data, { isEvalSupported: false, stopAtErrors: false });
  } catch (error) {
    throw pdfError(error);
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text.map((page) => page.trim()).filter(Boolean).join("\n\n");
  } catch (error) {
    throw pdfError(error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function pdfError(error: unknown): AppError {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new AppError({
      status: 422,
      code: "encrypted_document",
      message: "This PDF is password-protected. Remove the password (or export an unprotected copy) and upload it again.",
      cause: error,
    });
  }
  return new AppError({
    status: 422,
    code: "corrupt_document",
    message: "This PDF could not be read; it may be damaged. Export it again and retry.",
    cause: error,
  });
}
