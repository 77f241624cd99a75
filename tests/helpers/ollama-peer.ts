import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

/**
 * A protocol peer for Ollama: a real HTTP server that speaks Ollama's wire protocol
 * (docs/api.md of ollama/ollama) so tests and benches exercise Penprint's real client code —
 * the AI SDK provider, fetch, sockets, NDJSON framing and timing — without a model.
 *
 *  - `GET /api/tags`   → `{ models: [{ name, model, modified_at, size, digest, details }] }`
 *  - `POST /api/chat`  → NDJSON stream of `{ model, created_at, message: { role, content }, done:false }`
 *                        then `{ ..., done:true, done_reason, total_duration, load_duration,
 *                        prompt_eval_count, prompt_eval_duration, eval_count, eval_duration }`;
 *                        one JSON object when `stream:false`.
 *  - `POST /api/embed` → `{ model, embeddings: [[...]], total_duration, load_duration, prompt_eval_count }`
 *  - errors as Ollama sends them: `{"error":"model \"x\" not found, try pulling it first"}` with 404,
 *    and `{"error":"..."}` as a line in the middle of a stream.
 *
 * Test-only control endpoints (so a peer started by another process — Playwright's web server,
 * the bench — can be steered):
 *  - `POST /__peer/scenario` with a JSON scenario (see {@link PeerScenario}) → 204
 *  - `GET /__peer/requests` → `{ requests: PeerRequest[] }` (what Penprint sent, and whether the
 *    client closed the socket before the answer was complete)
 *  - `POST /__peer/reset` → 204: scenario back to `normal`, request log emptied
 */

export type PeerScenarioName =
  | "normal"
  | "slow"
  | "missing-model"
  | "cut"
  | "error-midstream"
  | "empty"
  | "stall"
  | "refuse";

export interface PeerScenario {
  name: PeerScenarioName;
  /** The assistant's whole answer; by default a light rewording of the passage it was sent. */
  reply?: string;
  /** Gap between streamed chunks (default 25 ms; 200 ms for `slow`). */
  tokenDelayMs?: number;
  /** Wait before the first chunk, as prompt evaluation does (default 150 ms). */
  firstTokenDelayMs?: number;
  /** `cut` / `error-midstream`: chunks sent before the failure (default 5). */
  afterTokens?: number;
  /** `missing-model`: the one model that is absent (default: every model is absent). */
  model?: string;
  /** `error-midstream`: the error text Ollama sends. */
  errorMessage?: string;
}

export interface PeerRequest {
  method: string;
  path: string;
  body: unknown;
  scenario: PeerScenarioName;
  startedAt: number;
  /** Chunks written for a streamed chat. */
  chunksSent: number;
  /** True once the peer finished its answer (or deliberately broke it). */
  completed: boolean;
  /** True when the client closed the socket before the answer was complete (an abort). */
  clientClosed: boolean;
}

export interface OllamaPeerOptions {
  port?: number;
  host?: string;
  scenario?: PeerScenario | PeerScenarioName;
  /** Models /api/tags lists; the first ones a typical install would have. */
  models?: string[];
}

export interface OllamaPeer {
  url: string;
  port: number;
  setScenario(scenario: PeerScenario | PeerScenarioName): void;
  readonly requests: PeerRequest[];
  close(): Promise<void>;
}

export const PEER_DEFAULT_MODELS = ["llama3.1:8b", "mistral:7b", "nomic-embed-text:latest"];
const EMBED_DIMENSIONS = 256;

function normaliseScenario(s: PeerScenario | PeerScenarioName): PeerScenario {
  return typeof s === "string" ? { name: s } : { ...s };
}

// ---------------------------------------------------------------------------------------------
// Deterministic content

const REWORDINGS: Array<[RegExp, string]> = [
  [/\bdo not\b/g, "don't"],
  [/\bDo not\b/g, "Don't"],
  [/\bdoes not\b/g, "doesn't"],
  [/\bis not\b/g, "isn't"],
  [/\bare not\b/g, "aren't"],
  [/\bcannot\b/g, "can't"],
  [/\bit is\b/g, "it's"],
  [/\bIt is\b/g, "It's"],
  [/\bI am\b/g, "I'm"],
  [/\bwe are\b/g, "we're"],
  [/\bWe are\b/g, "We're"],
  [/\butilize\b/g, "use"],
  [/\bUtilize\b/g, "Use"],
  [/\bAdditionally,\s*/g, "Also, "],
  [/\bFurthermore,\s*/g, "And "],
  [/\bMoreover,\s*/g, "What's more, "],
  [/\bHowever,\s*/g, "But "],
  [/\bTherefore,\s*/g, "So "],
  [/\bIn conclusion,\s*/g, "All told, "],
  [/\bdelve into\b/g, "dig into"],
  [/\bleverage\b/g, "use"],
  [/\bcrucial\b/g, "key"],
  [/\bvery\b/g, "really"],
  [/\bcommence\b/g, "start"],
  [/\bbegin\b/g, "start"],
  [/\bnumerous\b/g, "many"],
  [/\bapproximately\b/g, "about"],
  [/\bin order to\b/g, "to"],
];

/** The passage Penprint asked to rewrite: inside <passage>…</passage> when marked, else the whole message. */
export function passageOf(content: string): string {
  const marked = /<passage>\s*([\s\S]*?)\s*<\/passage>/.exec(content);
  return (marked?.[1] ?? content).trim();
}

/** A light, deterministic rewording so a diff shows real changes. */
export function defaultRewrite(passage: string): string {
  let out = passage;
  for (const [pattern, replacement] of REWORDINGS) out = out.replace(pattern, replacement);
  if (out === passage && passage.length > 0) {
    // Nothing matched: still change something visible — drop the first sentence's opener word
    // "The"/"This" or, failing that, swap the final full stop for an exclamation of certainty.
    out = /^(The|This) /.test(out) ? out.replace(/^(The|This) /, "That ") : out.replace(/\.$/, " — really.");
  }
  return out;
}

/** Splits an answer into token-like pieces the way a model streams them (leading space kept). */
export function tokenise(reply: string): string[] {
  return reply.match(/\s*\S+|\s+$/g) ?? [];
}

function fnv1a(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashed bag-of-words embedding, L2-normalised like Ollama's: shared words → high cosine. */
export function peerEmbedding(text: string): number[] {
  const v = new Array<number>(EMBED_DIMENSIONS).fill(0);
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  for (const w of words) {
    const h = fnv1a(w, 0);
    v[h % EMBED_DIMENSIONS]! += (fnv1a(w, 7) & 1) === 0 ? 1 : -1;
  }
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => Number((x / norm).toFixed(6)));
}

// ---------------------------------------------------------------------------------------------
// Server

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function digestOf(name: string): string {
  let hex = "";
  for (let i = 0; hex.length < 64; i++) hex += fnv1a(name, i).toString(16).padStart(8, "0");
  return hex.slice(0, 64);
}

function tagEntry(name: string) {
  const embed = name.includes("embed");
  return {
    name,
    model: name,
    modified_at: "2026-10-02T09:14:27.512093871Z",
    size: embed ? 274302450 : name.startsWith("mistral") ? 4113301824 : 4920753328,
    digest: digestOf(name),
    details: {
      parent_model: "",
      format: "gguf",
      family: embed ? "nomic-bert" : "llama",
      families: [embed ? "nomic-bert" : "llama"],
      parameter_size: embed ? "137M" : name.startsWith("mistral") ? "7.2B" : "8.0B",
      quantization_level: embed ? "F16" : "Q4_K_M",
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

const notFound = (model: string) => ({ error: `model "${model}" not found, try pulling it first` });

export async function startOllamaPeer(opts: OllamaPeerOptions = {}): Promise<OllamaPeer> {
  let scenario = normaliseScenario(opts.scenario ?? "normal");
  const models = opts.models ?? PEER_DEFAULT_MODELS;
  const requests: PeerRequest[] = [];
  const sockets = new Set<Socket>();

  const listedModels = () => {
    if (scenario.name !== "missing-model") return models;
    return scenario.model ? models.filter((m) => m !== scenario.model) : [];
  };
  const hasModel = (m: unknown) => typeof m === "string" && listedModels().includes(m);

  const server = createServer((req, res) => {
    void handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(err) });
      else res.destroy();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://peer");
    const path = url.pathname;

    // Control endpoints answer whatever the scenario (even `refuse`).
    if (path === "/__peer/scenario" && req.method === "POST") {
      scenario = normaliseScenario(JSON.parse(await readBody(req)) as PeerScenario);
      res.writeHead(204).end();
      return;
    }
    if (path === "/__peer/requests" && req.method === "GET") {
      sendJson(res, 200, { requests });
      return;
    }
    if (path === "/__peer/reset" && req.method === "POST") {
      scenario = { name: "normal" };
      requests.length = 0;
      res.writeHead(204).end();
      return;
    }

    const raw = req.method === "POST" ? await readBody(req) : "";
    let body: unknown = undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const current = scenario;
    const record: PeerRequest = {
      method: req.method ?? "GET",
      path,
      body,
      scenario: current.name,
      startedAt: Date.now(),
      chunksSent: 0,
      completed: false,
      clientClosed: false,
    };
    requests.push(record);
    res.on("close", () => {
      if (!record.completed) record.clientClosed = true;
    });

    if (current.name === "refuse") {
      // Connection reset before any byte of an answer, as when Ollama is not listening or crashes.
      record.completed = true;
      req.socket.destroy();
      return;
    }

    if (path === "/" && req.method === "GET") {
      record.completed = true;
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end("Ollama is running");
      return;
    }
    if (path === "/api/version" && req.method === "GET") {
      record.completed = true;
      sendJson(res, 200, { version: "0.12.6" });
      return;
    }
    if (path === "/api/tags" && req.method === "GET") {
      record.completed = true;
      sendJson(res, 200, { models: listedModels().map(tagEntry) });
      return;
    }
    if (path === "/api/embed" && req.method === "POST") {
      const b = (body ?? {}) as { model?: string; input?: string | string[] };
      record.completed = true;
      if (!b.model) return sendJson(res, 400, { error: "model is required" });
      if (!hasModel(b.model)) return sendJson(res, 404, notFound(b.model));
      const inputs = Array.isArray(b.input) ? b.input : [b.input ?? ""];
      sendJson(res, 200, {
        model: b.model,
        embeddings: inputs.map(peerEmbedding),
        total_duration: 14143917,
        load_duration: 1019500,
        prompt_eval_count: inputs.reduce((n, t) => n + tokenise(t).length, 0),
      });
      return;
    }
    if (path === "/api/chat" && req.method === "POST") {
      await chat(res, record, current, body);
      return;
    }
    record.completed = true;
    res.writeHead(404, { "Content-Type": "text/plain" }).end("404 page not found");
  }

  async function chat(res: ServerResponse, record: PeerRequest, s: PeerScenario, body: unknown) {
    const b = (body ?? {}) as {
      model?: string;
      stream?: boolean;
      messages?: Array<{ role: string; content: string }>;
    };
    if (!b.model) {
      record.completed = true;
      return sendJson(res, 400, { error: "model is required" });
    }
    if (!hasModel(b.model)) {
      record.completed = true;
      return sendJson(res, 404, notFound(b.model));
    }
    const model = b.model;
    const messages = b.messages ?? [];
    const lastUser = [...messages].reverse().find((m) => m.role === "user");
    const reply =
      s.name === "empty" ? "" : (s.reply ?? defaultRewrite(passageOf(lastUser?.content ?? "")));
    const tokens = tokenise(reply);
    const tokenDelay = s.tokenDelayMs ?? (s.name === "slow" ? 200 : 25);
    const firstDelay = s.firstTokenDelayMs ?? 150;
    const started = process.hrtime.bigint();
    const promptTokens = messages.reduce((n, m) => n + tokenise(m.content ?? "").length, 0);
    const stats = (evalCount: number) => {
      const total = Number(process.hrtime.bigint() - started);
      return {
        total_duration: total,
        load_duration: 2_154_458,
        prompt_eval_count: promptTokens,
        prompt_eval_duration: firstDelay * 1_000_000,
        eval_count: evalCount,
        eval_duration: Math.max(0, total - firstDelay * 1_000_000),
      };
    };
    const createdAt = () => new Date().toISOString();

    if (b.stream === false) {
      await sleep(firstDelay + tokenDelay * tokens.length);
      if (res.destroyed) return;
      record.completed = true;
      return sendJson(res, 200, {
        model,
        created_at: createdAt(),
        message: { role: "assistant", content: reply },
        done_reason: "stop",
        done: true,
        ...stats(tokens.length),
      });
    }

    res.writeHead(200, { "Content-Type": "application/x-ndjson" });
    // Headers go out now, as Ollama's do, before the first token exists.
    res.flushHeaders();
    if (s.name === "stall") return; // headers, then silence until someone hangs up
    await sleep(firstDelay);

    const breakAt =
      s.name === "cut" || s.name === "error-midstream"
        ? Math.min(s.afterTokens ?? 5, Math.max(0, tokens.length - 1))
        : Infinity;
    for (let i = 0; i < tokens.length; i++) {
      if (i > 0) await sleep(tokenDelay);
      if (res.destroyed) return;
      if (i === breakAt) {
        record.completed = true;
        if (s.name === "cut") {
          res.socket?.destroy();
          return;
        }
        res.end(
          JSON.stringify({
            error: s.errorMessage ?? "an error was encountered while running the model: unexpected EOF",
          }) + "\n",
        );
        return;
      }
      res.write(
        JSON.stringify({
          model,
          created_at: createdAt(),
          message: { role: "assistant", content: tokens[i] },
          done: false,
        }) + "\n",
      );
      record.chunksSent++;
    }
    if (res.destroyed) return;
    record.completed = true;
    res.end(
      JSON.stringify({
        model,
        created_at: createdAt(),
        message: { role: "assistant", content: "" },
        done_reason: "stop",
        done: true,
        ...stats(tokens.length),
      }) + "\n",
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("ollama peer has no port");
  const host = opts.host ?? "127.0.0.1";

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    setScenario(s) {
      scenario = normaliseScenario(s);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
