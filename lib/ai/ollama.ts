import { createOllama } from "ollama-ai-provider-v2";
import { OllamaStreamError } from "./errors";

export { listInstalledModels, sameModel, type InstalledModel } from "./tags";

/**
 * Penprint's one way to Ollama. `baseUrl` is the server root (OLLAMA_BASE_URL); the provider gets
 * `baseUrl + "/api"`. Chat goes through the AI SDK provider; the model list (tags.ts) and
 * embeddings are plain fetches to `/api/tags` and `/api/embed` (the provider has no tags call, and
 * one JSON POST needs no SDK).
 */

const root = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

export class EmbedModelMissing extends Error {
  constructor(readonly model: string) {
    super(`embedding model ${model} is not installed`);
    this.name = "EmbedModelMissing";
  }
}

/** Embeddings of several texts in one call (POST /api/embed). */
export async function embedTexts(
  { baseUrl, model, input, timeoutMs = 30_000 }: { baseUrl: string; model: string; input: string[]; timeoutMs?: number },
): Promise<number[][]> {
  const response = await fetch(`${root(baseUrl)}/api/embed`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ model, input }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status === 404) {
    await response.body?.cancel();
    throw new EmbedModelMissing(model);
  }
  if (!response.ok) {
    const text = await response.text();
    throw new Error(`HTTP ${response.status} from /api/embed: ${text.slice(0, 200)}`);
  }
  const body = (await response.json()) as { embeddings?: number[][] };
  if (!Array.isArray(body.embeddings) || body.embeddings.length !== input.length) throw new Error("/api/embed answered without embeddings");
  return body.embeddings;
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Ollama ends a failing stream with an `{"error": "…"}` line, which the provider's line schema
 * drops (with a console warning) so the answer would just look short. This pass-through turns that
 * line into a stream error carrying Ollama's text. Complete lines are forwarded as they arrive; only
 * a partial last line waits for its end, so nothing is held back longer than the line takes.
 */
export function surfaceStreamErrors(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let tail = "";
  const check = (line: string) => {
    if (!line.startsWith('{"error"')) return;
    try {
      const parsed = JSON.parse(line) as { error?: unknown };
      if (typeof parsed.error === "string") throw new OllamaStreamError(parsed.error);
    } catch (error) {
      if (error instanceof OllamaStreamError) throw error;
    }
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const text = tail + decoder.decode(chunk, { stream: true });
        const end = text.lastIndexOf("\n");
        if (end < 0) {
          tail = text;
          return;
        }
        const complete = text.slice(0, end + 1);
        tail = text.slice(end + 1);
        for (const line of complete.split("\n")) check(line.trim());
        controller.enqueue(encoder.encode(complete));
      },
      flush(controller) {
        const rest = tail + decoder.decode();
        check(rest.trim());
        if (rest) controller.enqueue(encoder.encode(rest));
      },
    }),
  );
}

const streamingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!response.ok || !response.body || !url.endsWith("/chat")) return response;
  return new Response(surfaceStreamErrors(response.body), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

/** The AI SDK provider for an Ollama server root. */
export function ollamaProvider(baseUrl: string) {
  return createOllama({ baseURL: `${root(baseUrl)}/api`, fetch: streamingFetch });
}
