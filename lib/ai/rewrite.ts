import { z } from "zod";
import { conflict, invalid, payloadTooLarge } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AiConfig } from "./config";
import { rewriteErrorMessage } from "./errors";
import { rewriteRequests, rewriteTimeToFirstToken, rewriteTokensPerSecond } from "./metrics";
import { checkModelInstalled, selectedModel } from "./models";
import { paragraphGroups } from "./paragraph-groups";
import { enforceRewriteLimit } from "./rate-limit";
import { streamRewrite, type RewriteStreamEvent } from "./rewrite-stream";
import { buildSystemPrompt, buildUserPrompt, REWRITE_REGISTERS, type RewriteMode } from "./steering";
import { loadVoiceProfile } from "./writer-voice";

/**
 * POST /api/v1/rewrite: checks everything that can be refused before the first byte (input,
 * fingerprint, limit, Ollama and the model) as ordinary JSON errors, then answers 200 with an
 * NDJSON stream — `start`, `delta`s as they arrive, and exactly one terminal `done` or `error`.
 * A body without a terminal event means the connection to Penprint itself was cut.
 */

export const rewriteRequestSchema = z.object({
  text: z.string({ message: "Send the text to rewrite." }).max(400_000, { message: "The text is too long to send at once." }),
  register: z.enum(REWRITE_REGISTERS, { message: `Choose one of ${REWRITE_REGISTERS.join(", ")}.` }),
  mode: z.enum(["voice", "plain"], { message: "Choose voice or plain." }),
  meaning: z.enum(["strict", "restructure"], { message: "Choose strict or restructure." }),
  length: z.enum(["shorter", "same", "longer"], { message: "Choose shorter, same or longer." }),
});
export type RewriteRequest = z.infer<typeof rewriteRequestSchema>;

export type RewriteEvent =
  | { type: "start"; model: string; mode: RewriteMode; parts: number }
  | { type: "delta"; text: string }
  | { type: "done"; finishReason: "stop" | "length"; outputTokens: number; ms: number }
  | { type: "error"; code: string; message: string };

export const NDJSON_HEADERS = {
  "content-type": "application/x-ndjson; charset=utf-8",
  "cache-control": "no-store",
  // Reverse proxies (nginx) must pass each line on at once.
  "x-accel-buffering": "no",
} as const;

const count = (outcome: string) => rewriteRequests().inc({ outcome });

export async function startRewrite(
  { userId, input, signal, config }: { userId: string; input: RewriteRequest; signal?: AbortSignal; config: AiConfig },
): Promise<Response> {
  const began = performance.now();
  // Cancelling: the writer's request ends (signal) or the response body is cancelled — either way the
  // request to Ollama is aborted.
  const cancel = new AbortController();
  const onAbort = () => cancel.abort();
  const callModel = (model: string, system: string, group: string) =>
    streamRewrite({ baseUrl: config.baseUrl, model, system, prompt: buildUserPrompt(group), signal: cancel.signal, timeoutMs: config.timeoutMs });

  let groups: string[];
  let system: string;
  let model: string;
  let first: AsyncGenerator<RewriteStreamEvent>;
  let firstEvent: Promise<IteratorResult<RewriteStreamEvent>>;
  try {
    const grouped = paragraphGroups(input.text, config.maxWords);
    if (!grouped.ok && grouped.reason === "empty") {
      throw invalid({ text: "Write or select some text to rewrite." }, "There is no text to rewrite.", "empty_text");
    }
    if (!grouped.ok) {
      throw payloadTooLarge(
        `One paragraph has ${grouped.paragraphWords} words; a paragraph can have at most ${config.maxWords} words to be rewritten. Split it into shorter paragraphs.`,
        "text_too_long",
      );
    }
    groups = grouped.groups;
    const db = config.db ? { db: config.db } : {};
    const [profile, picked] = await Promise.all([
      input.mode === "voice" ? loadVoiceProfile({ userId, register: input.register, ...db }) : undefined,
      selectedModel({ userId, defaultModel: config.defaultModel, ...db }),
    ]);
    if (input.mode === "voice" && !profile) {
      throw conflict(
        "no_fingerprint",
        input.register === "overall"
          ? "You have no fingerprint yet, so there is no voice to steer by. Add writing samples first, or use plain mode to make the text read less machine-like."
          : `You have no ${input.register} fingerprint yet. Add ${input.register} samples, choose another register, or use plain mode to make the text read less machine-like.`,
      );
    }
    system = buildSystemPrompt({ mode: input.mode, register: input.register, meaning: input.meaning, length: input.length, ...(profile ? { profile } : {}) });
    await enforceRewriteLimit({ userId, limiter: config.limiter });
    model = picked;
    // The first model call starts now, so that Ollama's prompt evaluation overlaps our check of
    // /api/tags; if the check fails, the call is aborted and the writer gets the JSON error.
    signal?.addEventListener("abort", onAbort, { once: true });
    first = callModel(model, system, groups[0] ?? "");
    firstEvent = first.next();
    try {
      await checkModelInstalled({ model, baseUrl: config.baseUrl, ...(signal ? { signal } : {}) });
    } catch (error) {
      cancel.abort();
      signal?.removeEventListener("abort", onAbort);
      void firstEvent.then(() => first.return(undefined));
      throw error;
    }
  } catch (error) {
    count((error as { code?: string }).code ?? "internal");
    throw error;
  }

  const encoder = new TextEncoder();
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: RewriteEvent) => {
        if (!closed) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        signal?.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // already cancelled by the client
        }
      };
      /** The events of one group's call; the first group's call is already under way. */
      async function* eventsOf(i: number): AsyncGenerator<RewriteStreamEvent> {
        if (i > 0) {
          yield* callModel(model, system, groups[i] ?? "");
          return;
        }
        const head = await firstEvent;
        if (head.done) return;
        yield head.value;
        yield* first;
      }
      void (async () => {
        send({ type: "start", model, mode: input.mode, parts: groups.length });
        let firstTokenAt: number | undefined;
        let outputTokens = 0;
        let finishReason: "stop" | "length" = "stop";
        try {
          for (let i = 0; i < groups.length; i++) {
            if (i > 0) send({ type: "delta", text: "\n\n" });
            for await (const event of eventsOf(i)) {
              if (event.type === "delta") {
                if (firstTokenAt === undefined) {
                  firstTokenAt = performance.now();
                  rewriteTimeToFirstToken().observe((firstTokenAt - began) / 1000);
                }
                send(event);
              } else if (event.type === "done") {
                outputTokens += event.outputTokens;
                if (event.finishReason === "length") finishReason = "length";
              } else if (event.type === "cancelled") {
                count("cancelled");
                return;
              } else {
                count(event.code);
                send(event);
                return;
              }
            }
          }
          const end = performance.now();
          if (firstTokenAt !== undefined && end > firstTokenAt && outputTokens > 0) {
            rewriteTokensPerSecond().observe(outputTokens / ((end - firstTokenAt) / 1000));
          }
          count("done");
          send({ type: "done", finishReason, outputTokens, ms: Math.round(end - began) });
        } catch (error) {
          logger.error({ err: error instanceof Error ? { type: error.name, message: error.message } : String(error) }, "rewrite stream failed");
          count("internal");
          send({ type: "error", code: "internal", message: rewriteErrorMessage("internal") });
        } finally {
          close();
        }
      })();
    },
    cancel() {
      closed = true;
      cancel.abort();
    },
  });
  return new Response(stream, { status: 200, headers: NDJSON_HEADERS });
}
