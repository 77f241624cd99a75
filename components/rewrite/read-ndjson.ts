/** A line of the stream that is not JSON: the protocol was broken, not merely cut. */
export class NdjsonLineError extends Error {
  constructor(readonly line: string) {
    super(`not a JSON line: ${line.slice(0, 80)}`);
    this.name = "NdjsonLineError";
  }
}

/**
 * Reads a newline-delimited JSON body as it arrives and yields one parsed value per line.
 *
 * Network chunks fall anywhere: in the middle of a line, or in the middle of a multi-byte UTF-8
 * character. The decoder keeps incomplete bytes until the next chunk (`stream: true`) and the
 * unfinished line is kept until its newline arrives, so every value is parsed whole and nothing
 * waits for the end of the body. A last line without a newline is still parsed at the end.
 * Stopping early (break, or an abort of the fetch) cancels the reader, which releases the body.
 */
export async function* readNdjson(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        finished = true;
        pending += decoder.decode();
        break;
      }
      pending += decoder.decode(value, { stream: true });
      let newline = pending.indexOf("\n");
      while (newline !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        const parsed = parseLine(line);
        if (parsed !== undefined) yield parsed.value;
        newline = pending.indexOf("\n");
      }
    }
    const last = parseLine(pending);
    if (last !== undefined) yield last.value;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function parseLine(raw: string): { value: unknown } | undefined {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  if (line.trim() === "") return undefined;
  try {
    return { value: JSON.parse(line) as unknown };
  } catch {
    throw new NdjsonLineError(line);
  }
}
