import { classifyOllamaError, rewriteErrorMessage, type RewriteErrorCode } from "./errors";
import { ollamaProvider } from "./ollama";

/**
 * One model answer streamed as Penprint's events, through the AI SDK provider's stream
 * (ollama-ai-provider-v2's `doStream`, the language-model interface `streamText` itself calls).
 * `streamText` on top added about 6 ms before the first token (prompt standardisation, telemetry,
 * stream transforms) and nothing used here; measured with the Ollama peer, `doStream` reads as
 * fast as a bare fetch. Every answer ends with exactly one terminal event: `done` when Ollama sent
 * its final `done` line, otherwise `error` with the reason. Deltas are yielded the moment the
 * provider hands them over.
 */

export type RewriteStreamEvent =
  | { type: "delta"; text: string }
  | { type: "done"; finishReason: "stop" | "length"; outputTokens: number; ms: number }
  | { type: "error"; code: RewriteErrorCode; message: string }
  | { type: "cancelled" };

export interface StreamRewriteOptions {
  baseUrl: string;
  model: string;
  system: string;
  prompt: string;
  /** Aborted when the writer cancels (the request to Ollama is aborted with it). */
  signal?: AbortSignal;
  /** Longest wait for the first token and between two tokens (model loading is slow). */
  timeoutMs: number;
  temperature?: number;
}

export async function* streamRewrite(options: StreamRewriteOptions): AsyncGenerator<RewriteStreamEvent> {
  const started = performance.now();
  const upstream = new AbortController();
  let timedOut = false;
  let cancelled = false;
  const onCancel = () => {
    cancelled = true;
    upstream.abort(options.signal?.reason);
  };
  if (options.signal?.aborted) {
    yield { type: "cancelled" };
    return;
  }
  options.signal?.addEventListener("abort", onCancel, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      upstream.abort(new Error("timeout"));
    }, options.timeoutMs);
  };
  arm();

  let sawText = false;
  let failure: unknown;
  let reader: { cancel(): Promise<void> } | undefined;
  let finish: { reason: string; outputTokens: number } | undefined;
  try {
    const model = ollamaProvider(options.baseUrl)(options.model);
    // Errors before the stream (refused connection, unknown model) are thrown here; the provider does
    // not retry, so an unreachable Ollama fails at once.
    const { stream } = await model.doStream({
      prompt: [
        { role: "system", content: options.system },
        { role: "user", content: [{ type: "text", text: options.prompt }] },
      ],
      abortSignal: upstream.signal,
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
    });
    const parts = stream.getReader();
    reader = parts;
    for (;;) {
      const { done, value: part } = await parts.read();
      if (done) break;
      if (part.type === "text-delta") {
        arm();
        if (part.delta.length > 0) {
          sawText = true;
          yield { type: "delta", text: part.delta };
        }
      } else if (part.type === "error") {
        failure ??= part.error;
      } else if (part.type === "finish") {
        finish = { reason: part.finishReason.unified, outputTokens: part.usage.outputTokens.total ?? 0 };
      }
    }
  } catch (error) {
    failure ??= error;
  } finally {
    clearTimeout(timer);
    // Also when the consumer stops early (the generator's return()): the request to Ollama ends.
    void reader?.cancel().catch(() => {});
    options.signal?.removeEventListener("abort", onCancel);
  }

  if (cancelled) {
    yield { type: "cancelled" };
    return;
  }
  if (timedOut) {
    yield { type: "error", code: "timeout", message: rewriteErrorMessage("timeout", { timeoutSeconds: Math.round(options.timeoutMs / 1000) }) };
    return;
  }
  if (failure !== undefined) {
    const { code, upstream: said } = classifyOllamaError(failure, { sawOutput: sawText });
    yield { type: "error", code, message: rewriteErrorMessage(code, { model: options.model, upstream: said }) };
    return;
  }
  if (!finish || (finish.reason !== "stop" && finish.reason !== "length")) {
    // The body ended without Ollama's final `done` line: the connection was cut.
    yield { type: "error", code: "stream_interrupted", message: rewriteErrorMessage("stream_interrupted") };
    return;
  }
  if (!sawText) {
    yield { type: "error", code: "empty_answer", message: rewriteErrorMessage("empty_answer") };
    return;
  }
  yield { type: "done", finishReason: finish.reason, outputTokens: finish.outputTokens, ms: Math.round(performance.now() - started) };
}
