/**
 * The browser's side of the rewrite contract with `POST /api/v1/rewrite` and its companions:
 * the request, the NDJSON events of a streamed answer and the JSON of the other endpoints.
 */

export const REWRITE_REGISTERS = ["overall", "essay", "email", "fiction", "academic", "other"] as const;
export type RewriteRegister = (typeof REWRITE_REGISTERS)[number];

export interface RewriteRequest {
  text: string;
  register: RewriteRegister;
  mode: "voice" | "plain";
  meaning: "strict" | "restructure";
  length: "shorter" | "same" | "longer";
}

export type StreamErrorCode = "stream_interrupted" | "timeout" | "ollama_unreachable" | "model_not_found" | "empty_answer" | "internal";

export type RewriteEvent =
  | { type: "start"; model: string; mode: string; parts: number }
  | { type: "delta"; text: string }
  | { type: "done"; finishReason: string; outputTokens: number | null; ms: number }
  | { type: "error"; code: StreamErrorCode | string; message: string };

/** One parsed NDJSON value as a rewrite event, or null when it is not one (ignored, not fatal). */
export function toRewriteEvent(value: unknown): RewriteEvent | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case "start":
      return { type: "start", model: String(v.model ?? ""), mode: String(v.mode ?? ""), parts: typeof v.parts === "number" ? v.parts : 1 };
    case "delta":
      return typeof v.text === "string" ? { type: "delta", text: v.text } : null;
    case "done":
      return {
        type: "done",
        finishReason: String(v.finishReason ?? ""),
        outputTokens: typeof v.outputTokens === "number" ? v.outputTokens : null,
        ms: typeof v.ms === "number" ? v.ms : 0,
      };
    case "error":
      return { type: "error", code: String(v.code ?? "internal"), message: typeof v.message === "string" ? v.message : "" };
    default:
      return null;
  }
}

export interface TextScore {
  aiProbability: number;
  verdict: string;
  voiceMatch: number | null;
}

export interface RewriteScores {
  original: TextScore;
  rewrite: TextScore;
  meaning: { similarity: number; drifted: boolean; model: string } | null;
  meaningNote?: string;
}

export interface ModelsAnswer {
  models: { name: string; sizeBytes: number; modifiedAt: string }[];
  selected: string;
  defaultModel: string;
  selectedAvailable: boolean;
}
