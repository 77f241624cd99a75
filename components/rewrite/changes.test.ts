import { describe, expect, it } from "vitest";
import { applyChanges, changeIds, diffSegments, previewSegments } from "./changes";

const original = "The results were, in essence, quite significant. Moreover, it is important to note that we met on Tuesday.\n\nThen we left.";
const rewrite = "The results mattered. I'd add that we met on Tuesday.\n\nThen we went home, tired.";

describe("diffSegments", () => {
  it("gives back the rewrite with every change accepted and the original with none", () => {
    const segments = diffSegments(original, rewrite);
    expect(applyChanges(segments, new Set(changeIds(segments)))).toBe(rewrite);
    expect(applyChanges(segments, new Set())).toBe(original);
  });

  it("merges changes separated only by whitespace into one change", () => {
    const segments = diffSegments("The quick brown fox", "A slow brown fox");
    expect(segments).toEqual([
      { kind: "change", id: 0, removed: "The quick", added: "A slow" },
      { kind: "same", text: " brown fox" },
    ]);
  });

  it("keeps changes apart where real words separate them, and each one can be taken alone", () => {
    const segments = diffSegments("I think the plan is good and cheap.", "I believe the plan is good and quick.");
    const ids = changeIds(segments);
    expect(ids).toEqual([0, 1]);
    expect(applyChanges(segments, new Set([0]))).toBe("I believe the plan is good and cheap.");
    expect(applyChanges(segments, new Set([1]))).toBe("I think the plan is good and quick.");
  });

  it("numbers changes in reading order and handles identical texts and empty sides", () => {
    expect(diffSegments("same text", "same text")).toEqual([{ kind: "same", text: "same text" }]);
    expect(diffSegments("", "new")).toEqual([{ kind: "change", id: 0, removed: "", added: "new" }]);
    expect(applyChanges(diffSegments("old words", ""), new Set([0]))).toBe("");
  });

  it("falls back to one whole-passage change when the diff would take too long, still exact both ways", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(" ");
    const b = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(" ");
    const segments = diffSegments(a, b, 1);
    const ids = changeIds(segments);
    expect(applyChanges(segments, new Set(ids))).toBe(b);
    expect(applyChanges(segments, new Set())).toBe(a);
  });
});

describe("previewSegments", () => {
  it("keeps the original not yet reached apart instead of showing it as deleted", () => {
    const { segments, ahead } = previewSegments("The cat sat on the mat and looked out.", "The cat sat on a");
    expect(ahead).toContain("mat and looked out.");
    expect(segments.map((s) => (s.kind === "same" ? s.text : s.added)).join("")).toBe("The cat sat on a");
  });

  it("has nothing ahead once the rewrite has reached the end", () => {
    expect(previewSegments("one two three", "one two three").ahead).toBe("");
  });
});
