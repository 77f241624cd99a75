import { APICallError } from "ai";
import { isDependencyUnreachable } from "@/lib/errors";

/**
 * The failures a rewrite can end with, named once for the stream's terminal `error` event, the
 * pre-stream JSON errors and the metrics. Every message is for the writer and says what to do;
 * the original text is never touched by a failed rewrite.
 */
export type RewriteErrorCode =
  | "stream_interrupted"
  | "timeout"
  | "ollama_unreachable"
  | "model_not_found"
  | "empty_answer"
  | "internal";

export const pullCommand = (model: string) => `ollama pull ${model}`;

export function rewriteErrorMessage(code: RewriteErrorCode, detail: { model?: string; timeoutSeconds?: number; upstream?: string } = {}): string {
  switch (code) {
    case "ollama_unreachable":
      return "Ollama is not answering, so rewriting is unavailable right now. Check that Ollama is running and that OLLAMA_BASE_URL points at it; your text is unchanged.";
    case "model_not_found":
      return `The model ${detail.model ?? ""} is not installed in Ollama. Install it with \`${pullCommand(detail.model ?? "<model>")}\`, or pick another model in Settings.`;
    case "timeout":
      return `The model did not answer within ${detail.timeoutSeconds ?? "the allowed"} seconds. It may still be loading; try again in a moment. Your text is unchanged.`;
    case "stream_interrupted":
      return `The rewrite stopped half-way${detail.upstream ? ` (Ollama said: ${detail.upstream})` : ""}. Your text is unchanged; try again.`;
    case "empty_answer":
      return "The model returned an empty answer. Try again, or try another model in Settings. Your text is unchanged.";
    case "internal":
      return "Something went wrong on our side while rewriting. Your text is unchanged; please try again.";
  }
}

/** Ollama's own error text, e.g. `model "x" not found, try pulling it first`. */
function upstreamText(body: string | undefined): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === "string") return parsed.error;
    if (parsed.error && typeof parsed.error === "object" && typeof (parsed.error as { message?: unknown }).message === "string") {
      return (parsed.error as { message: string }).message;
    }
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200);
}

/** Raised by our fetch wrapper when Ollama writes an `{"error": …}` line in the middle of a stream. */
export class OllamaStreamError extends Error {
  constructor(readonly upstream: string) {
    super(`Ollama stream error: ${upstream}`);
    this.name = "OllamaStreamError";
  }
}

export interface ClassifiedError {
  code: RewriteErrorCode;
  upstream?: string;
}

/**
 * Maps what the AI SDK and fetch throw to our codes. `sawOutput` separates a connection that failed
 * before any token (Ollama is down: unreachable) from one that broke during the answer (interrupted).
 */
export function classifyOllamaError(error: unknown, { sawOutput }: { sawOutput: boolean }): ClassifiedError {
  if (error instanceof OllamaStreamError) return { code: "stream_interrupted", upstream: error.upstream };
  if (APICallError.isInstance(error)) {
    const upstream = upstreamText(error.responseBody);
    if (error.statusCode === 404 && /not found/i.test(upstream ?? "")) return { code: "model_not_found", upstream };
    if (error.statusCode === undefined) return sawOutput ? { code: "stream_interrupted" } : { code: "ollama_unreachable" };
    return sawOutput ? { code: "stream_interrupted", upstream } : { code: "internal", upstream };
  }
  if (sawOutput) return { code: "stream_interrupted" };
  if (isDependencyUnreachable(error) || (error instanceof TypeError && /fetch failed|terminated/i.test(error.message))) {
    return { code: "ollama_unreachable" };
  }
  return { code: "internal" };
}
