import { streamText } from "ai";
import { classifyOllamaError, rewriteErrorMessage, type RewriteErrorCode } from "./errors";
import { ollamaProvider } from "./ollama";

/**
 * One model answer streamed as Penprint's events, through the AI SDK's real path (`streamText`
 * over ollama-ai-provider-v2). Every answer ends with exactly one terminal event: `done` when
 * Ollama sent its final `done` line, otherwise `error` with the reason. Deltas are yielded the
 * moment the SDK hands them over.
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
  let finish: { reason: string; outputTokens: number } | undefined;
  try {
    const result = streamText({
      model: ollamaProvider(options.baseUrl)(options.model),
      system: options.system,
      prompt: options.prompt,
      abortSignal: upstream.signal,
      // A refused connection is retried by default with back-off; here it must fail at once.
      maxRetries: 0,
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      // Errors arrive as `error` parts below; without this the SDK also logs them to the console.
      onError: () => {},
    });
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") {
        arm();
        if (part.text.length > 0) {
          sawText = true;
          yield { type: "delta", text: part.text };
        }
      } else if (part.type === "error") {
        failure ??= part.error;
      } else if (part.type === "finish") {
        finish = { reason: part.finishReason, outputTokens: part.totalUsage.outputTokens ?? 0 };
      }
    }
  } catch (error) {
    failure ??= error;
  } finally {
    clearTimeout(timer);
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
