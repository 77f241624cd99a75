import { describe, expect, it } from "vitest";
import type { Fingerprint as FingerprintRow } from "@/db/schema";
import { buildFingerprint, fingerprintConfidence } from "@/lib/analysis/fingerprint";
import { fingerprintSummaries, summarizeFingerprint } from "./fingerprint-summary";
import { EMAIL, ESSAY } from "./test-texts";

const row = (scope: string, samples: { id: string; text: string }[]): FingerprintRow => {
  const fp = buildFingerprint(samples);
  return { id: scope, userId: "u", scope, schemaVersion: 1, wordCount: fp.totals.words, data: fp, status: "ready", updatedAt: new Date(0) };
};

describe("summarizeFingerprint", () => {
  it("gives the engine's confidence and how many words would make it high", () => {
    const s = summarizeFingerprint(row("email", [{ id: "a", text: EMAIL }]));
    expect(s.confidence).toBeGreaterThan(0);
    expect(s.level).toBe("low");
    expect(s.wordsToHigh).toBeGreaterThan(1000);
    expect(s.advice).toBe(`Add about ${s.wordsToHigh.toLocaleString("en-US")} more words of email for a high confidence.`);
    // adding that many words does reach a high confidence, and 600 fewer does not
    const fp = buildFingerprint([{ id: "a", text: EMAIL }]);
    const at = (extra: number) => fingerprintConfidence({ ...fp, totals: { ...fp.totals, words: fp.totals.words + extra } });
    expect(at(s.wordsToHigh)).toBeGreaterThanOrEqual(0.85);
    expect(at(s.wordsToHigh - 600)).toBeLessThan(0.85);
  });

  it("lists overall first and flags a rebuild still to come", () => {
    const rows = [row("essay", [{ id: "b", text: ESSAY }]), row("overall", [{ id: "b", text: ESSAY }])];
    expect(fingerprintSummaries({ rows, totals: { samples: 1, words: 1 } }).fingerprints.map((f) => f.scope)).toEqual(["overall", "essay"]);
    expect(fingerprintSummaries({ rows, totals: { samples: 1, words: 1 } }).stale).toBe(false);
    expect(fingerprintSummaries({ rows, totals: { samples: 2, words: 1 } }).stale).toBe(true);
    expect(fingerprintSummaries({ rows: [], totals: { samples: 0, words: 0 } }).stale).toBe(false);
  });
});
