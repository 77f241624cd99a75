import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RewriteEvent, RewriteRequest } from "./rewrite-protocol";
import { streamRewrite } from "./stream-rewrite";

/**
 * streamRewrite against a real HTTP server that answers as the rewrite route does (the path picks
 * the behaviour), so each ending — done, stream error, refusal, cut connection, abort — travels
 * over a real socket.
 */
let server: Server;
let base = "";
const line = (event: object) => `${JSON.stringify(event)}\n`;

function ndjson(res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/x-ndjson" });
  res.flushHeaders();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    switch (req.url) {
      case "/done":
        ndjson(res);
        res.write(line({ type: "start", model: "m", mode: "voice", parts: 1 }));
        res.write(line({ type: "delta", text: "Hello " }));
        res.write('{"type":"delta","te');
        setTimeout(() => res.end(`xt":"world"}\n${line({ type: "done", finishReason: "stop", outputTokens: 2, ms: 5 })}`), 20);
        return;
      case "/stream-error":
        ndjson(res);
        res.write(line({ type: "delta", text: "Hel" }));
        res.end(line({ type: "error", code: "timeout", message: "The model took too long." }));
        return;
      case "/ends-early":
        ndjson(res);
        res.end(line({ type: "delta", text: "Hel" }));
        return;
      case "/cut":
        ndjson(res);
        res.write(line({ type: "delta", text: "Hel" }));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      case "/limited":
        res.writeHead(429, { "content-type": "application/json", "retry-after": "42" });
        res.end(JSON.stringify({ error: { code: "rate_limited", message: "Too many rewrites." } }));
        return;
      case "/slow":
        ndjson(res);
        res.write(line({ type: "delta", text: "Hel" }));
        return; // never ends: the client aborts
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const request: RewriteRequest = { text: "Hello world", register: "overall", mode: "voice", meaning: "strict", length: "same" };

async function run(path: string, controller = new AbortController(), origin = base) {
  const events: RewriteEvent[] = [];
  const outcome = await streamRewrite(request, { signal: controller.signal, onEvent: (e) => events.push(e), url: `${origin}${path}` });
  return { outcome, events };
}

describe("streamRewrite", () => {
  it("passes every event on and ends with done", async () => {
    const { outcome, events } = await run("/done");
    expect(events.map((e) => (e.type === "delta" ? e.text : e.type))).toEqual(["start", "Hello ", "world", "done"]);
    expect(outcome).toEqual({ kind: "done", finishReason: "stop", outputTokens: 2, ms: 5 });
  });

  it("reports the stream's own error event", async () => {
    expect((await run("/stream-error")).outcome).toEqual({ kind: "failed", code: "timeout", message: "The model took too long." });
  });

  it("tells a body that ends without a terminal event from a finished one", async () => {
    const { outcome, events } = await run("/ends-early");
    expect(outcome).toEqual({ kind: "cut" });
    expect(events).toEqual([{ type: "delta", text: "Hel" }]);
  });

  it("reports a connection destroyed mid-stream as cut", async () => {
    expect((await run("/cut")).outcome).toEqual({ kind: "cut" });
  });

  it("reads a refusal's code, message and Retry-After", async () => {
    expect((await run("/limited")).outcome).toEqual({ kind: "refused", status: 429, code: "rate_limited", message: "Too many rewrites.", retryAfterSeconds: 42 });
  });

  it("ends as cancelled when the writer aborts mid-stream", async () => {
    const controller = new AbortController();
    const events: RewriteEvent[] = [];
    const outcome = streamRewrite(request, {
      signal: controller.signal,
      url: `${base}/slow`,
      onEvent: (e) => {
        events.push(e);
        controller.abort();
      },
    });
    expect(await outcome).toEqual({ kind: "cancelled" });
    expect(events).toHaveLength(1);
  });

  it("reports offline when nothing answers", async () => {
    expect((await run("", new AbortController(), "http://127.0.0.1:1")).outcome).toEqual({ kind: "offline" });
  });
});
