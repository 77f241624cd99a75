import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOllamaPeer, type OllamaPeer } from "@/tests/helpers/ollama-peer";
import { streamRewrite, type RewriteStreamEvent } from "./rewrite-stream";

/** lib/ai's streaming path (ollama-ai-provider-v2's doStream) against the Ollama protocol peer. */

let peer: OllamaPeer;
beforeAll(async () => {
  peer = await startOllamaPeer();
});
afterAll(async () => {
  await peer.close();
});
beforeEach(() => {
  peer.requests.length = 0;
});

const PASSAGE = "It is very crucial that we do not utilize jargon. However, we cannot avoid it entirely. Additionally, it is hard.";

async function collect(options: Partial<Parameters<typeof streamRewrite>[0]> = {}) {
  const events: RewriteStreamEvent[] = [];
  for await (const e of streamRewrite({
    baseUrl: peer.url,
    model: "llama3.1:8b",
    system: "You are an editor.",
    prompt: `<passage>\n${PASSAGE}\n</passage>`,
    timeoutMs: 5_000,
    ...options,
  })) {
    events.push(e);
  }
  return events;
}
const text = (events: RewriteStreamEvent[]) => events.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("");
const terminal = (events: RewriteStreamEvent[]) => events.filter((e) => e.type !== "delta");

describe("streamRewrite against the Ollama peer", () => {
  it("streams the answer token by token while Ollama is still writing, then ends with done", async () => {
    peer.setScenario({ name: "normal", tokenDelayMs: 20, firstTokenDelayMs: 30 });
    const events: RewriteStreamEvent[] = [];
    let peerDoneAtFirstDelta: boolean | undefined;
    for await (const e of streamRewrite({ baseUrl: peer.url, model: "llama3.1:8b", system: "s", prompt: `<passage>${PASSAGE}</passage>`, timeoutMs: 5_000 })) {
      if (e.type === "delta" && peerDoneAtFirstDelta === undefined) peerDoneAtFirstDelta = peer.requests[0]?.completed;
      events.push(e);
    }
    // The first token reached us before the peer had written its last line: nothing buffered the answer.
    expect(peerDoneAtFirstDelta).toBe(false);
    const deltas = events.filter((e) => e.type === "delta");
    expect(deltas.length).toBe(peer.requests[0]?.chunksSent);
    expect(deltas.length).toBeGreaterThan(10);
    expect(text(events)).toBe("It's really key that we don't use jargon. But we can't avoid it entirely. Also, it's hard.");
    expect(terminal(events)).toEqual([{ type: "done", finishReason: "stop", outputTokens: deltas.length, ms: expect.any(Number) }]);
    // What Penprint sent is Ollama's chat request: the model, a system and a user message, streaming.
    expect(peer.requests[0]).toMatchObject({ method: "POST", path: "/api/chat", body: { model: "llama3.1:8b", stream: true } });
    const messages = (peer.requests[0]?.body as { messages: { role: string }[] }).messages.map((m) => m.role);
    expect(messages).toEqual(["system", "user"]);
  });

  it("a socket cut mid-answer ends with stream_interrupted after the deltas that did arrive", async () => {
    peer.setScenario({ name: "cut", afterTokens: 4, tokenDelayMs: 5, firstTokenDelayMs: 5 });
    const events = await collect();
    expect(events.filter((e) => e.type === "delta")).toHaveLength(4);
    expect(terminal(events)).toEqual([{ type: "error", code: "stream_interrupted", message: expect.stringContaining("stopped half-way") }]);
  });

  it("an error line in the middle of the stream ends with stream_interrupted carrying Ollama's message", async () => {
    peer.setScenario({ name: "error-midstream", afterTokens: 3, tokenDelayMs: 5, firstTokenDelayMs: 5, errorMessage: "llama runner process has terminated" });
    const events = await collect();
    expect(events.filter((e) => e.type === "delta")).toHaveLength(3);
    const [end] = terminal(events);
    expect(end).toMatchObject({ type: "error", code: "stream_interrupted" });
    expect(end?.type === "error" && end.message).toContain("llama runner process has terminated");
  });

  it("a model Ollama does not have ends with model_not_found and the pull command", async () => {
    peer.setScenario({ name: "missing-model" });
    const events = await collect({ model: "qwen2.5:7b" });
    expect(events).toEqual([{ type: "error", code: "model_not_found", message: expect.stringContaining("ollama pull qwen2.5:7b") }]);
  });

  it("a connection reset before any answer is ollama_unreachable", async () => {
    peer.setScenario({ name: "refuse" });
    const events = await collect();
    expect(events).toEqual([{ type: "error", code: "ollama_unreachable", message: expect.stringContaining("Ollama is not answering") }]);
  });

  it("nothing listening at all is ollama_unreachable too", async () => {
    const gone = await startOllamaPeer();
    const url = gone.url;
    await gone.close();
    const events = await collect({ baseUrl: url });
    expect(events).toEqual([{ type: "error", code: "ollama_unreachable", message: expect.any(String) }]);
  });

  it("headers and then silence end with timeout after the configured wait", async () => {
    peer.setScenario({ name: "stall" });
    const started = Date.now();
    const events = await collect({ timeoutMs: 300 });
    expect(events).toEqual([{ type: "error", code: "timeout", message: expect.stringContaining("did not answer") }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // The stalled request to Ollama was given up, not left open.
    await expect.poll(() => peer.requests[0]?.clientClosed).toBe(true);
  });

  it("done without any text is empty_answer", async () => {
    peer.setScenario({ name: "empty", firstTokenDelayMs: 5 });
    expect(await collect()).toEqual([{ type: "error", code: "empty_answer", message: expect.stringContaining("empty answer") }]);
  });

  it("cancelling aborts the request to Ollama: the peer sees its socket closed before it finished", async () => {
    peer.setScenario({ name: "slow", tokenDelayMs: 100, firstTokenDelayMs: 10 });
    const abort = new AbortController();
    const events: RewriteStreamEvent[] = [];
    for await (const e of streamRewrite({ baseUrl: peer.url, model: "llama3.1:8b", system: "s", prompt: PASSAGE, timeoutMs: 5_000, signal: abort.signal })) {
      events.push(e);
      if (events.length === 2) abort.abort();
    }
    expect(events.at(-1)).toEqual({ type: "cancelled" });
    await expect.poll(() => peer.requests[0]?.clientClosed).toBe(true);
    expect(peer.requests[0]?.completed).toBe(false);
    expect(peer.requests[0]?.chunksSent).toBeLessThan(5);
  });
});
