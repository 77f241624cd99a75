import type { RewriteOutcome } from "./stream-rewrite";

/** What the panel says about a rewrite that did not finish. */
export interface FailureView {
  code: string;
  /** One sentence for a person: what happened. */
  title: string;
  /** The server's own words, when they add something. */
  detail?: string;
  /** A command the writer (or their admin) can run, shown as copyable code. */
  command?: string;
  /** The rate limit's wait, in seconds. */
  retryAfterSeconds?: number;
  /** No fingerprint for this register: the plain mode is offered instead. */
  offerPlain?: boolean;
}

const TITLES: Record<string, string> = {
  ollama_unreachable: "No Ollama server answers, so rewriting is off for now.",
  model_not_found: "The rewrite model is not installed on the Ollama server.",
  timeout: "The model took too long to answer, so the rewrite was stopped.",
  stream_interrupted: "The model's answer broke off before it was finished.",
  empty_answer: "The model answered with no text.",
  internal: "Something went wrong on the server while rewriting.",
  rate_limited: "You have asked for many rewrites in the last minute.",
  text_too_long: "This passage is too long to rewrite in one go.",
  no_fingerprint: "You have no fingerprint for this kind of writing yet, so it cannot be rewritten in your voice.",
  unauthorized: "You are signed out. Sign in again to rewrite.",
};

/** `ollama pull <model>` as the server wrote it in its message. */
export function pullCommand(message: string): string | undefined {
  return message.match(/ollama pull [^\s`'"”]+/)?.[0]?.replace(/[.,;:)]+$/, "");
}

export function describeFailure(outcome: Exclude<RewriteOutcome, { kind: "done" | "cancelled" }>): FailureView {
  switch (outcome.kind) {
    case "cut":
      return { code: "connection_lost", title: "The connection to Penprint was lost before the rewrite finished." };
    case "offline":
      return { code: "offline", title: "Penprint could not be reached. Check your connection and try again." };
    case "failed":
    case "refused": {
      const code = outcome.kind === "refused" && outcome.status === 401 ? "unauthorized" : outcome.code;
      const fields = outcome.kind === "refused" && outcome.fields ? Object.values(outcome.fields).join(" ") : "";
      const detail = [outcome.message, fields].filter(Boolean).join(" ");
      const view: FailureView = {
        code,
        title: TITLES[code] ?? (outcome.kind === "refused" ? `The rewrite was refused (the server answered ${outcome.status}).` : "The rewrite failed."),
        ...(detail && detail !== TITLES[code] ? { detail } : {}),
      };
      const command = code === "model_not_found" ? pullCommand(outcome.message) : undefined;
      if (command) view.command = command;
      // Only the rate limit's wait is the writer's to wait out; a 503's Retry-After is for machines.
      if (code === "rate_limited" && outcome.kind === "refused" && outcome.retryAfterSeconds !== null) view.retryAfterSeconds = outcome.retryAfterSeconds;
      if (code === "no_fingerprint") view.offerPlain = true;
      return view;
    }
  }
}

/** "42 seconds", "2 minutes" — the wait before the limit lets the writer try again. */
export function waitWords(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
