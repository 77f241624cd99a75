import { describe, expect, it } from "vitest";
import { buildFingerprint } from "@/lib/analysis/fingerprint";
import { matchVoice } from "./voice-match";
import { EMAIL, ESSAY, FICTION } from "./test-texts";

describe("matchVoice", () => {
  it("compares a draft with the fingerprint and ranks its sentences from least like the writer", () => {
    const fingerprint = buildFingerprint([
      { id: "a", text: ESSAY },
      { id: "b", text: FICTION },
    ]);
    const draft = `${EMAIL}\n\nFurthermore, it is crucial to leverage synergies; moreover, stakeholders must delve into pivotal, transformative paradigms.`;
    const { result, leastLike } = matchVoice({ text: draft, fingerprint });
    expect(result.matchProbability).toBeGreaterThanOrEqual(0);
    expect(result.matchProbability).toBeLessThanOrEqual(1);
    expect(["match", "no-match", "uncertain"]).toContain(result.verdict);
    expect(leastLike.length).toBeGreaterThan(0);
    expect(leastLike.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < leastLike.length; i++) expect(leastLike[i]!.score).toBeGreaterThanOrEqual(leastLike[i - 1]!.score);
    for (const s of leastLike) expect(draft.slice(s.start, s.end).split(/\s+/).length).toBeGreaterThanOrEqual(8);
  });
});
