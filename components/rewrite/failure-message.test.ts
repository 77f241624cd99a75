import { describe, expect, it } from "vitest";
import { describeFailure, pullCommand, waitWords } from "./failure-message";

describe("describeFailure", () => {
  it("names a cut connection as lost, apart from the model's own failures", () => {
    expect(describeFailure({ kind: "cut" })).toEqual({ code: "connection_lost", title: "The connection to Penprint was lost before the rewrite finished." });
    expect(describeFailure({ kind: "failed", code: "stream_interrupted", message: "The rewrite stopped half-way." }).title).toMatch(/broke off/);
  });

  it("takes the `ollama pull` command out of the server's message", () => {
    const view = describeFailure({
      kind: "refused",
      status: 503,
      code: "model_not_found",
      message: "The model llama3.1:8b is not installed in Ollama. Install it with `ollama pull llama3.1:8b`, or pick another model.",
      retryAfterSeconds: 10,
    });
    expect(view.command).toBe("ollama pull llama3.1:8b");
    expect(view.retryAfterSeconds).toBeUndefined();
  });

  it("gives the rate limit's wait, offers plain mode without a fingerprint, and says signed out for a 401", () => {
    expect(describeFailure({ kind: "refused", status: 429, code: "rate_limited", message: "Too many.", retryAfterSeconds: 42 }).retryAfterSeconds).toBe(42);
    expect(describeFailure({ kind: "refused", status: 409, code: "no_fingerprint", message: "No essay fingerprint.", retryAfterSeconds: null }).offerPlain).toBe(true);
    expect(describeFailure({ kind: "refused", status: 401, code: "unauthenticated", message: "", retryAfterSeconds: null }).title).toMatch(/signed out/);
  });

  it("keeps the fields of an invalid request", () => {
    const view = describeFailure({ kind: "refused", status: 422, code: "empty_text", message: "There is no text to rewrite.", fields: { text: "Write some text." }, retryAfterSeconds: null });
    expect(view.detail).toBe("There is no text to rewrite. Write some text.");
  });
});

describe("helpers", () => {
  it("pullCommand drops trailing punctuation; waitWords reads naturally", () => {
    expect(pullCommand("run ollama pull mistral:7b.")).toBe("ollama pull mistral:7b");
    expect(pullCommand("nothing here")).toBeUndefined();
    expect(waitWords(1)).toBe("1 second");
    expect(waitWords(42)).toBe("42 seconds");
    expect(waitWords(150)).toBe("3 minutes");
  });
});
