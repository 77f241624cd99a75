import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limiter-factory";
import { rebuildFingerprints } from "@/lib/workspace/rebuild-fingerprints";
import { addSampleFromText } from "@/lib/workspace/samples";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { startOllamaPeer, type OllamaPeer } from "@/tests/helpers/ollama-peer";
import type { AiConfig } from "./config";
import { rewriteRequests } from "./metrics";
import { modelsOverview, saveModelChoice } from "./models";
import { startRewrite, type RewriteEvent, type RewriteRequest } from "./rewrite";
import { MEANING_DRIFT_THRESHOLD, scoreRewrite } from "./score";
import { CASUAL, CASUAL_PARAGRAPHS, FORMAL_PARAGRAPHS } from "./test-texts";

/**
 * The rewrite services as the route handlers call them — with a real writer in a real database and
 * the Ollama protocol peer — from the pre-stream refusals to the NDJSON events on the wire.
 * (The routes add only requireUser(), which tests/e2e cover through real sign-in.)
 */

const request = (over: Partial<RewriteRequest> = {}): RewriteRequest => ({
  text: "It is very crucial that we do not utilize jargon. However, we cannot avoid it entirely.",
  register: "overall",
  mode: "plain",
  meaning: "strict",
  length: "same",
  ...over,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function readEvents(response: Response): Promise<RewriteEvent[]> {
  const text = await response.text();
  return text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as RewriteEvent);
}

/**
 * The first model call starts alongside the /api/tags check, so a call aborted by a 503 may reach the
 * peer late, during the next test: those refused requests carry REFUSED_TEXT and are left out here.
 */
const REFUSED_TEXT = "This request is refused before its stream.";
const chats = (peer: OllamaPeer) =>
  peer.requests.filter((r) => r.path === "/api/chat" && !JSON.stringify(r.body).includes(REFUSED_TEXT));
const systemOf = (peer: OllamaPeer, i = 0) => (chats(peer)[i]?.body as { messages: { content: string }[] } | undefined)?.messages[0]?.content ?? "";

async function outcomeCount(outcome: string): Promise<number> {
  const metric = await rewriteRequests().get();
  return metric.values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
}

describe.each(testEngines)("rewrite services on $title with the Ollama peer", ({ skip, create }) => {
  let database: TestDatabase;
  let db: Database;
  let peer: OllamaPeer;
  let casualWriter: string;
  let formalWriter: string;
  let newcomer: string;
  let config: AiConfig;

  const newUser = async (email: string) => {
    const created = await createUser({ email, passwordHash: "x" }, db);
    if (!created) throw new Error("no user");
    return created.user.id;
  };

  beforeAll(async () => {
    if (skip) return;
    database = await create();
    db = database.handle.db;
    peer = await startOllamaPeer();
    casualWriter = await newUser("casual@example.test");
    formalWriter = await newUser("formal@example.test");
    newcomer = await newUser("new@example.test");
    for (const text of CASUAL_PARAGRAPHS) await addSampleFromText({ userId: casualWriter, register: "essay", text, db });
    for (const text of FORMAL_PARAGRAPHS) await addSampleFromText({ userId: formalWriter, register: "academic", text, db });
    await rebuildFingerprints({ userId: casualWriter, db });
    await rebuildFingerprints({ userId: formalWriter, db });
  });
  afterAll(async () => {
    if (skip) return;
    await peer.close();
    await database.drop();
  });
  beforeEach(() => {
    if (skip) return;
    peer.setScenario({ name: "normal", tokenDelayMs: 5, firstTokenDelayMs: 10 });
    peer.requests.length = 0;
    config = {
      baseUrl: peer.url,
      defaultModel: "llama3.1:8b",
      embedModel: "nomic-embed-text:latest",
      timeoutMs: 5_000,
      maxWords: 2_000,
      limiter: createRateLimiter({ keyPrefix: `test-rewrite-${Math.random()}`, points: 10, durationSeconds: 60 }, null),
      db,
    };
  });

  describe.skipIf(skip)("refusals before the stream (JSON errors)", () => {
    it("422 empty_text for blank text, with the field", async () => {
      const error = await refusal(startRewrite({ userId: newcomer, input: request({ text: " \n\n " }), config }));
      expect(error).toMatchObject({ status: 422, code: "empty_text", fields: { text: expect.any(String) } });
    });

    it("413 text_too_long when one paragraph alone is over REWRITE_MAX_WORDS", async () => {
      const error = await refusal(startRewrite({ userId: newcomer, input: request({ text: CASUAL }), config: { ...config, maxWords: 60 } }));
      expect(error).toMatchObject({ status: 413, code: "text_too_long" });
      expect(error.message).toMatch(/at most 60 words/);
      expect(peer.requests).toHaveLength(0);
    });

    it("409 no_fingerprint in voice mode without a fingerprint of the register, suggesting plain mode", async () => {
      const error = await refusal(startRewrite({ userId: newcomer, input: request({ mode: "voice", register: "essay" }), config }));
      expect(error).toMatchObject({ status: 409, code: "no_fingerprint" });
      expect(error.message).toMatch(/plain mode/);
    });

    it("a writer cannot be steered by another writer's fingerprint: only the caller's is read", async () => {
      // The formal writer has an academic fingerprint; the casual writer has none, so 409 — never the other's.
      const error = await refusal(startRewrite({ userId: casualWriter, input: request({ mode: "voice", register: "academic" }), config }));
      expect(error.code).toBe("no_fingerprint");
      expect(peer.requests).toHaveLength(0);
    });

    it("429 rate_limited with a wait once the writer's rewrites per minute are spent", async () => {
      const limited = { ...config, limiter: createRateLimiter({ keyPrefix: `test-limit-${Math.random()}`, points: 2, durationSeconds: 60 }, null) };
      for (let i = 0; i < 2; i++) await (await startRewrite({ userId: newcomer, input: request(), config: limited })).text();
      const error = await refusal(startRewrite({ userId: newcomer, input: request(), config: limited }));
      expect(error).toMatchObject({ status: 429, code: "rate_limited" });
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      // Another writer has their own budget.
      const other = await startRewrite({ userId: casualWriter, input: request(), config: limited });
      expect(other.status).toBe(200);
      expect((await readEvents(other)).at(-1)?.type).toBe("done");
    });

    it("503 ollama_unreachable with Retry-After when Ollama does not answer", async () => {
      peer.setScenario("refuse");
      const before = await outcomeCount("ollama_unreachable");
      const error = await refusal(startRewrite({ userId: newcomer, input: request({ text: REFUSED_TEXT }), config }));
      expect(error).toMatchObject({ status: 503, code: "ollama_unreachable" });
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(await outcomeCount("ollama_unreachable")).toBe(before + 1);
    });

    it("503 model_not_found with the pull command when the writer's pick was removed from Ollama", async () => {
      await saveModelChoice({ userId: newcomer, model: "mistral:7b", baseUrl: peer.url, db });
      peer.setScenario({ name: "missing-model", model: "mistral:7b" });
      const error = await refusal(startRewrite({ userId: newcomer, input: request({ text: REFUSED_TEXT }), config }));
      expect(error).toMatchObject({ status: 503, code: "model_not_found" });
      expect(error.message).toContain("`ollama pull mistral:7b`");
      peer.setScenario("normal");
      await saveModelChoice({ userId: newcomer, model: "", baseUrl: peer.url, db });
    });
  });

  describe.skipIf(skip)("the NDJSON stream", () => {
    it("answers 200 NDJSON: start, deltas as the model writes them, then done", async () => {
      peer.setScenario({ name: "normal", tokenDelayMs: 15, firstTokenDelayMs: 20 });
      const response = await startRewrite({ userId: newcomer, input: request(), config });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("x-accel-buffering")).toBe("no");

      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      const events: RewriteEvent[] = [];
      let peerCompletedAtFirstDelta: boolean | undefined;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const event = JSON.parse(buffer.slice(0, nl)) as RewriteEvent;
          buffer = buffer.slice(nl + 1);
          if (event.type === "delta" && peerCompletedAtFirstDelta === undefined) peerCompletedAtFirstDelta = chats(peer)[0]?.completed;
          events.push(event);
        }
      }
      expect(peerCompletedAtFirstDelta).toBe(false);
      expect(events[0]).toEqual({ type: "start", model: "llama3.1:8b", mode: "plain", parts: 1 });
      const text = events.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("");
      expect(text).toBe("It's really key that we don't use jargon. But we can't avoid it entirely.");
      expect(events.at(-1)).toEqual({ type: "done", finishReason: "stop", outputTokens: chats(peer)[0]?.chunksSent, ms: expect.any(Number) });
      // Plain mode: human-norm guidance, none of any writer's samples.
      const system = systemOf(peer);
      expect(system).toContain("natural, human prose");
      expect(system).not.toContain("<example");
    });

    it("voice mode steers by the caller's own fingerprint and excerpts only", async () => {
      const events = await readEvents(await startRewrite({ userId: casualWriter, input: request({ mode: "voice", register: "essay" }), config }));
      expect(events[0]).toMatchObject({ type: "start", mode: "voice" });
      expect(events.at(-1)?.type).toBe("done");
      const system = systemOf(peer);
      expect(system).toContain("Use contractions readily");
      expect(system).toContain("<example 1>");
      expect(CASUAL_PARAGRAPHS.some((p) => system.includes(p))).toBe(true);
      for (const p of FORMAL_PARAGRAPHS) expect(system).not.toContain(p.slice(0, 50));
    });

    it("a text over REWRITE_MAX_WORDS is rewritten paragraph group by group in one stream", async () => {
      const events = await readEvents(await startRewrite({ userId: newcomer, input: request({ text: CASUAL }), config: { ...config, maxWords: 100 } }));
      expect(events[0]).toMatchObject({ type: "start", parts: 4 });
      expect(chats(peer)).toHaveLength(4);
      // Each model call saw only its own group.
      const userMessages = chats(peer).map((r) => (r.body as { messages: { role: string; content: string }[] }).messages[1]?.content ?? "");
      expect(userMessages[0]).toContain(CASUAL_PARAGRAPHS[0]!.slice(0, 40));
      expect(userMessages[0]).not.toContain(CASUAL_PARAGRAPHS[1]!.slice(0, 40));
      const text = events.flatMap((e) => (e.type === "delta" ? [e.text] : [])).join("");
      expect(text.split("\n\n")).toHaveLength(4);
      expect(events.at(-1)).toMatchObject({ type: "done", finishReason: "stop" });
    });

    it("a failure mid-stream ends the body with one error event after the deltas", async () => {
      peer.setScenario({ name: "error-midstream", afterTokens: 3, tokenDelayMs: 5, firstTokenDelayMs: 5 });
      const before = await outcomeCount("stream_interrupted");
      const events = await readEvents(await startRewrite({ userId: newcomer, input: request(), config }));
      expect(events.filter((e) => e.type === "delta")).toHaveLength(3);
      expect(events.at(-1)).toMatchObject({ type: "error", code: "stream_interrupted" });
      expect(events.filter((e) => e.type === "done" || e.type === "error")).toHaveLength(1);
      expect(await outcomeCount("stream_interrupted")).toBe(before + 1);
    });

    it("an empty answer and a stall end with empty_answer and timeout events", async () => {
      peer.setScenario({ name: "empty", firstTokenDelayMs: 5 });
      expect((await readEvents(await startRewrite({ userId: newcomer, input: request(), config }))).at(-1)).toMatchObject({ type: "error", code: "empty_answer" });
      peer.setScenario("stall");
      const events = await readEvents(await startRewrite({ userId: newcomer, input: request(), config: { ...config, timeoutMs: 200 } }));
      expect(events.map((e) => e.type)).toEqual(["start", "error"]);
      expect(events.at(-1)).toMatchObject({ code: "timeout" });
    });

    it("cancelling the response aborts the request to Ollama and is counted as cancelled", async () => {
      peer.setScenario({ name: "slow", tokenDelayMs: 100, firstTokenDelayMs: 10 });
      const before = await outcomeCount("cancelled");
      const abort = new AbortController();
      const response = await startRewrite({ userId: newcomer, input: request(), config, signal: abort.signal });
      const reader = response.body!.getReader();
      await reader.read(); // start
      await reader.read(); // first delta
      await reader.cancel();
      await expect.poll(() => chats(peer)[0]?.clientClosed).toBe(true);
      expect(chats(peer)[0]?.completed).toBe(false);
      await expect.poll(() => outcomeCount("cancelled")).toBe(before + 1);
    });

    it("the request's own abort signal (the client went away) aborts Ollama too", async () => {
      peer.setScenario({ name: "slow", tokenDelayMs: 100, firstTokenDelayMs: 10 });
      const abort = new AbortController();
      const response = await startRewrite({ userId: newcomer, input: request(), config, signal: abort.signal });
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      abort.abort();
      await expect.poll(() => chats(peer)[0]?.clientClosed).toBe(true);
      // The body ends without a terminal event: nothing is sent after a cancel.
      let rest = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        rest += new TextDecoder().decode(value);
      }
      expect(rest).not.toMatch(/"type":"(done|error)"/);
    });
  });

  describe.skipIf(skip)("score", () => {
    const original = CASUAL_PARAGRAPHS[0]!;
    const rewrite = original.replace("I didn't plan", "I never planned").replace("somebody had to", "someone had to");

    it("scores both texts with the engine, matches them to the caller's fingerprint, and checks meaning by embeddings", async () => {
      const result = await scoreRewrite({ userId: casualWriter, input: { original, rewrite, register: "essay" }, config });
      expect(result.original.aiProbability).toBeGreaterThanOrEqual(0);
      expect(result.original.aiProbability).toBeLessThanOrEqual(1);
      expect(["human", "ai", "mixed", "uncertain"]).toContain(result.rewrite.verdict);
      expect(result.original.voiceMatch).toEqual(expect.any(Number));
      expect(result.rewrite.voiceMatch).toEqual(expect.any(Number));
      expect(result.meaning).toEqual({ similarity: expect.any(Number), drifted: false, model: "nomic-embed-text:latest" });
      expect(result.meaning!.similarity).toBeGreaterThan(MEANING_DRIFT_THRESHOLD);
      expect(peer.requests.find((r) => r.path === "/api/embed")?.body).toEqual({ model: "nomic-embed-text:latest", input: [original, rewrite] });
    });

    it("flags drifted meaning when the rewrite says something else", async () => {
      const result = await scoreRewrite({ userId: casualWriter, input: { original, rewrite: FORMAL_PARAGRAPHS[0]!, register: "essay" }, config });
      expect(result.meaning?.drifted).toBe(true);
      expect(result.meaning!.similarity).toBeLessThan(MEANING_DRIFT_THRESHOLD);
    });

    it("voiceMatch is null without a fingerprint of the register (never another writer's)", async () => {
      const result = await scoreRewrite({ userId: casualWriter, input: { original, rewrite, register: "academic" }, config });
      expect(result.original.voiceMatch).toBeNull();
      expect(result.rewrite.voiceMatch).toBeNull();
    });

    it("without OLLAMA_EMBED_MODEL, or with it not pulled, meaning is null with a note saying why", async () => {
      const noEmbed: AiConfig = { ...config };
      delete noEmbed.embedModel;
      const unset = await scoreRewrite({ userId: newcomer, input: { original, rewrite, register: "overall" }, config: noEmbed });
      expect(unset.meaning).toBeNull();
      expect(unset.meaningNote).toMatch(/OLLAMA_EMBED_MODEL/);
      const missing = await scoreRewrite({ userId: newcomer, input: { original, rewrite, register: "overall" }, config: { ...config, embedModel: "all-minilm" } });
      expect(missing.meaning).toBeNull();
      expect(missing.meaningNote).toContain("`ollama pull all-minilm`");
    });
  });

  describe.skipIf(skip)("models", () => {
    it("lists Ollama's models with the writer's selection, and follows a new pick", async () => {
      const overview = await modelsOverview({ userId: newcomer, baseUrl: peer.url, defaultModel: "llama3.1:8b", db });
      expect(overview.models.map((m) => m.name)).toEqual(["llama3.1:8b", "mistral:7b", "nomic-embed-text:latest"]);
      expect(overview.models[0]).toEqual({ name: "llama3.1:8b", sizeBytes: expect.any(Number), modifiedAt: expect.stringMatching(/^\d{4}-/) });
      expect(overview).toMatchObject({ selected: "llama3.1:8b", defaultModel: "llama3.1:8b", selectedAvailable: true });
      await saveModelChoice({ userId: newcomer, model: "mistral:7b", baseUrl: peer.url, db });
      expect(await modelsOverview({ userId: newcomer, baseUrl: peer.url, defaultModel: "llama3.1:8b", db })).toMatchObject({ selected: "mistral:7b", selectedAvailable: true });
      // The next rewrite uses the new pick at once.
      await readEvents(await startRewrite({ userId: newcomer, input: request(), config }));
      expect((chats(peer).at(-1)?.body as { model: string }).model).toBe("mistral:7b");
      peer.setScenario({ name: "missing-model", model: "mistral:7b" });
      expect(await modelsOverview({ userId: newcomer, baseUrl: peer.url, defaultModel: "llama3.1:8b", db })).toMatchObject({ selected: "mistral:7b", selectedAvailable: false });
      peer.setScenario("normal");
      await saveModelChoice({ userId: newcomer, model: "", baseUrl: peer.url, db });
    });

    it("saves a pick only when Ollama has it installed; empty goes back to the default", async () => {
      expect(await saveModelChoice({ userId: newcomer, model: "mistral:7b", baseUrl: peer.url, db })).toEqual({ model: "mistral:7b" });
      const error = await refusal(saveModelChoice({ userId: newcomer, model: "phi3:mini", baseUrl: peer.url, db }));
      expect(error).toMatchObject({ status: 422, fields: { model: expect.stringContaining("ollama pull phi3:mini") } });
      expect((await modelsOverview({ userId: newcomer, baseUrl: peer.url, defaultModel: "llama3.1:8b", db })).selected).toBe("mistral:7b");
      expect(await saveModelChoice({ userId: newcomer, model: "", baseUrl: peer.url, db })).toEqual({ model: null });
      expect((await modelsOverview({ userId: newcomer, baseUrl: peer.url, defaultModel: "llama3.1:8b", db })).selected).toBe("llama3.1:8b");
    });

    it("503 ollama_unreachable when Ollama does not answer", async () => {
      peer.setScenario("refuse");
      await refusal(saveModelChoice({ userId: newcomer, model: "mistral:7b", baseUrl: peer.url, db })).then((e) => expect(e.code).toBe("ollama_unreachable"));
      const error = await refusal(modelsOverview({ userId: newcomer, baseUrl: peer.url, defaultModel: "llama3.1:8b", db }));
      expect(error).toMatchObject({ status: 503, code: "ollama_unreachable" });
    });
  });
});
