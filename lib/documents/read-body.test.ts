import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "./read-body";

/** A stream that counts how many chunks were pulled, to prove reading stops at the limit. */
function chunkStream(chunks: number, size: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(65));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("readBodyLimited", () => {
  it("reads a body within the limit", async () => {
    const { stream } = chunkStream(4, 10);
    const bytes = await readBodyLimited({ body: stream, maxBytes: 40 });
    expect(bytes.byteLength).toBe(40);
  });

  it("stops pulling as soon as the limit is passed (413)", async () => {
    const { stream, pulled } = chunkStream(1000, 10);
    const error = await readBodyLimited({ body: stream, maxBytes: 35 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(pulled()).toBeLessThan(10);
  });

  it("refuses early on a declared length over the limit", async () => {
    const { stream, pulled } = chunkStream(1000, 10);
    const error = await readBodyLimited({ body: stream, maxBytes: 35, declaredLength: "10000" }).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(1);
  });
});
