import { badRequest, unsupportedMediaType } from "@/lib/errors";

/** A JSON answer that no cache keeps (it is a writer's private data). */
export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store" } });
}

export const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Uploads are the raw bytes of one file; a multipart form would be stored boundary and all. */
export function refuseMultipart(contentType: string): void {
  if (/^multipart\//i.test(contentType)) {
    throw unsupportedMediaType("Send the file itself as the request body (not a form), with its name in ?filename=.", "multipart_not_supported");
  }
}

export function parseJsonBytes(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("malformed_json", text.trim() === "" ? "The request body is empty." : "The request body is not valid JSON.");
  }
}

/** A file name from a query or header: no folders, no control characters, at most 255 characters. */
export function cleanFilename(name: string | null | undefined): string | null {
  const base = name?.replace(/^.*[\\/]/, "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base ? base.slice(0, 255) : null;
}
