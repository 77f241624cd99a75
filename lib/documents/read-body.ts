import { payloadTooLarge } from "@/lib/errors";

/**
 * Reads a request body stream into memory, stopping (and cancelling the upload) as soon as it
 * passes `maxBytes`, so a client cannot make the server buffer more than the limit.
 */
export async function readBodyLimited(
  { body, maxBytes, declaredLength, tooLarge = () => payloadTooLarge(`The upload can be at most ${Math.floor(maxBytes / 1024 / 1024)} MB.`) }:
  { body: ReadableStream<Uint8Array> | null; maxBytes: number; declaredLength?: string | null; tooLarge?: () => Error },
): Promise<Uint8Array> {
  const declared = declaredLength ? Number(declaredLength) : NaN;
  if (Number.isFinite(declared) && declared > maxBytes) {
    await body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
