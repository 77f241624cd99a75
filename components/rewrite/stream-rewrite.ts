import { readNdjson } from "./read-ndjson";
import { toRewriteEvent, type RewriteEvent, type RewriteRequest } from "./rewrite-protocol";

/** How a rewrite request ended; every way is told apart, so the panel can say which. */
export type RewriteOutcome =
  /** The server's terminal `done` event arrived. */
  | { kind: "done"; finishReason: string; outputTokens: number | null; ms: number }
  /** The writer cancelled (the fetch was aborted; the server aborts Ollama). */
  | { kind: "cancelled" }
  /** Refused before streaming began: a JSON error answer. */
  | { kind: "refused"; status: number; code: string; message: string; fields?: Record<string, string>; retryAfterSeconds: number | null }
  /** The stream's own terminal `error` event. */
  | { kind: "failed"; code: string; message: string }
  /** The body ended, or the connection broke, without a terminal event. */
  | { kind: "cut" }
  /** No answer from Penprint at all (offline, server down). */
  | { kind: "offline" };

const isAbort = (error: unknown, signal: AbortSignal) => signal.aborted || (error instanceof Error && error.name === "AbortError");

/**
 * Sends a rewrite request and passes each event to `onEvent` as it arrives; resolves with how the
 * request ended. It never throws: an abort, a cut connection and a refusal are outcomes.
 */
export async function streamRewrite(
  request: RewriteRequest,
  { signal, onEvent, url = "/api/v1/rewrite" }: { signal: AbortSignal; onEvent: (event: RewriteEvent) => void; url?: string },
): Promise<RewriteOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify(request),
      signal,
    });
  } catch (error) {
    return isAbort(error, signal) ? { kind: "cancelled" } : { kind: "offline" };
  }

  if (!response.ok || !response.body) return refusal(response);

  try {
    for await (const value of readNdjson(response.body)) {
      const event = toRewriteEvent(value);
      if (!event) continue;
      onEvent(event);
      if (event.type === "done") return { kind: "done", finishReason: event.finishReason, outputTokens: event.outputTokens, ms: event.ms };
      if (event.type === "error") return { kind: "failed", code: event.code, message: event.message };
    }
    return signal.aborted ? { kind: "cancelled" } : { kind: "cut" };
  } catch (error) {
    return isAbort(error, signal) ? { kind: "cancelled" } : { kind: "cut" };
  }
}

async function refusal(response: Response): Promise<RewriteOutcome> {
  const retryAfter = Number(response.headers.get("retry-after"));
  type ErrorBody = { error?: { code?: string; message?: string; fields?: Record<string, string> } };
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  return {
    kind: "refused",
    status: response.status,
    code: body?.error?.code ?? `http_${response.status}`,
    message: body?.error?.message ?? "",
    ...(body?.error?.fields ? { fields: body.error.fields } : {}),
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  };
}
