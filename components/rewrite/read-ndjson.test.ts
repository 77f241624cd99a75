import { describe, expect, it } from "vitest";
import { NdjsonLineError, readNdjson } from "./read-ndjson";

/** A byte stream delivering `bytes` in the given chunk sizes (the rest in one last chunk). */
function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const cut of cuts) {
    chunks.push(bytes.slice(at, cut));
    at = cut;
  }
  chunks.push(bytes.slice(at));
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of readNdjson(stream)) values.push(value);
  return values;
}

const events = [
  { type: "start", model: "llama3.1:8b", mode: "voice", parts: 1 },
  { type: "delta", text: "Café " },
  { type: "delta", text: "naïve — “quoted” 😀 ok" },
  { type: "done", finishReason: "stop", outputTokens: 7, ms: 120 },
];
const body = new TextEncoder().encode(events.map((e) => JSON.stringify(e)).join("\n") + "\n");

describe("readNdjson", () => {
  it("yields every line of a body delivered in one chunk", async () => {
    expect(await collect(streamOf(body, []))).toEqual(events);
  });

  it("yields the same events whatever byte the chunks are split at (mid-line, mid-character)", async () => {
    for (let cut = 1; cut < body.length; cut++) {
      expect(await collect(streamOf(body, [cut])), `split at byte ${cut}`).toEqual(events);
    }
  });

  it("splits a multi-byte character across three chunks (the 4-byte emoji byte by byte)", async () => {
    const emoji = body.indexOf(0xf0);
    expect(emoji).toBeGreaterThan(0);
    expect(await collect(streamOf(body, [emoji + 1, emoji + 2, emoji + 3]))).toEqual(events);
  });

  it("delivers one byte at a time", async () => {
    const cuts = Array.from({ length: body.length - 1 }, (_, i) => i + 1);
    expect(await collect(streamOf(body, cuts))).toEqual(events);
  });

  it("yields an event as soon as its line is complete, before the body ends", async () => {
    const encoder = new TextEncoder();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const reader = readNdjson(stream);
    controller.enqueue(encoder.encode('{"type":"delta","text":"a"}\n{"type":"de'));
    expect((await reader.next()).value).toEqual({ type: "delta", text: "a" });
    controller.enqueue(encoder.encode('lta","text":"b"}\n'));
    expect((await reader.next()).value).toEqual({ type: "delta", text: "b" });
    controller.close();
    expect((await reader.next()).done).toBe(true);
  });

  it("accepts CRLF line ends, blank lines and a last line without a newline", async () => {
    const text = '{"a":1}\r\n\r\n{"a":2}\n\n{"a":3}';
    expect(await collect(streamOf(new TextEncoder().encode(text), [3, 9]))).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });

  it("a torn last line (body cut mid-line) is not JSON: the reader says so after the complete lines", async () => {
    const torn = new TextEncoder().encode('{"type":"delta","text":"a"}\n{"type":"del');
    const seen: unknown[] = [];
    await expect(async () => {
      for await (const value of readNdjson(streamOf(torn, [10]))) seen.push(value);
    }).rejects.toBeInstanceOf(NdjsonLineError);
    expect(seen).toEqual([{ type: "delta", text: "a" }]);
  });

  it("cancels the body when the reader stops early", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: (c) => c.enqueue(new TextEncoder().encode('{"n":1}\n')),
      cancel: () => void (cancelled = true),
    });
    for await (const value of readNdjson(stream)) {
      expect(value).toEqual({ n: 1 });
      break;
    }
    expect(cancelled).toBe(true);
  });
});
