import { describe, expect, it } from "vitest";
import { describeDrift, describeVoice, distinctive, featurePositions, tiedPercentile, voiceSentence } from "./voice";
import { EMAIL, ESSAY, FICTION } from "./test-texts";

// Written to be extreme on semicolons, so one habit must stand out.
const SEMICOLONS = Array.from({ length: 30 }, (_, i) =>
  `I went out at ${i + 1}; the rain had stopped; the street was empty; nobody waited for me.`).join(" ");

describe("voice", () => {
  it("puts a value shared by many human texts in the middle of the tie", () => {
    const levels = [0.1, 0.3, 0.5, 0.7, 0.9];
    expect(tiedPercentile([0, 0, 0, 1, 2], levels, 0)).toBeCloseTo(0.3);
    expect(tiedPercentile([0, 0, 0, 1, 2], levels, 1)).toBeCloseTo(0.7);
    expect(tiedPercentile([0, 1, 2, 3, 4], levels, 2.5)).toBeGreaterThan(0.5);
    expect(tiedPercentile([0, 1, 2, 3, 4], levels, 2.5)).toBeLessThan(0.7);
  });

  it("places each feature among human writing and picks out an extreme habit", () => {
    const positions = featurePositions(SEMICOLONS);
    const semi = positions.find((p) => p.feature === "semicolon_rate");
    expect(semi?.percentile).toBeGreaterThan(0.9);
    expect(distinctive(positions, 8).map((p) => p.feature)).toContain("semicolon_rate");
    expect(voiceSentence(semi!)).toMatch(/^Semicolons: higher than in \d+ % of human writing\.$/);
    expect(positions.some((p) => p.feature === "word_count")).toBe(false);
  });

  it("describes a voice in 5 to 8 sentences", () => {
    const sentences = describeVoice(featurePositions([ESSAY, EMAIL, FICTION].join("\n\n")));
    expect(sentences.length).toBeGreaterThanOrEqual(5);
    expect(sentences.length).toBeLessThanOrEqual(8);
  });

  it("reports drift between older and recent samples, and nothing without enough of either", () => {
    expect(describeDrift([{ text: ESSAY }])).toBeNull();
    expect(describeDrift([{ text: EMAIL }, { text: FICTION }], { minWordsPerHalf: 5000 })).toBeNull();
    const drift = describeDrift([{ text: EMAIL }, { text: FICTION }, { text: SEMICOLONS }], { minWordsPerHalf: 100, limit: 20 });
    const semi = drift?.find((d) => d.feature === "semicolon_rate");
    expect(semi?.after).toBeGreaterThan(semi?.before ?? 1);
    expect(semi?.message).toMatch(/^Semicolons went up in your recent samples \(from the \d+(st|nd|rd|th) to the \d+(st|nd|rd|th) percentile/);
  });
});
