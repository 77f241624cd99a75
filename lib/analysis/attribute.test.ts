import { describe, expect, it } from "vitest";
import { attributeText } from "./attribute";
import { buildFingerprint } from "./fingerprint";
import { casualSample, formalSample } from "./stylometry-test-texts";

const candidates = [
  { name: "formal", fingerprint: buildFingerprint([0, 1, 2, 3].map((i) => ({ id: `f${i}`, text: formalSample(i) }))) },
  { name: "casual", fingerprint: buildFingerprint([0, 1, 2, 3].map((i) => ({ id: `c${i}`, text: casualSample(i) }))) },
];

describe("attribute", () => {
  it("names the writer whose habits the text shares", () => {
    expect(attributeText(formalSample(6), candidates).author).toBe("formal");
    expect(attributeText(casualSample(6), candidates).author).toBe("casual");
  });

  it("gives probabilities over the candidates and nobody that add up to one", () => {
    const r = attributeText(casualSample(7), candidates);
    const total = Object.values(r.scores).reduce((a, b) => a + b, 0) + r.noneProbability;
    expect(total).toBeCloseTo(1, 10);
    expect(r.scores.casual).toBeGreaterThan(r.scores.formal ?? 1);
  });

  it("names nobody when the only candidate writes differently", () => {
    const r = attributeText(casualSample(6), [candidates[0]!]);
    expect(r.author).toBeNull();
    expect(r.noneProbability).toBeGreaterThan(0.5);
  });

  it("names nobody for a text too short to judge", () => {
    expect(attributeText("We've got pizza, what else do we need?", candidates).author).toBeNull();
  });

  it("refuses two candidates with one name", () => {
    expect(() => attributeText(formalSample(1), [candidates[0]!, candidates[0]!])).toThrow(/duplicate/);
  });

  it("is deterministic", () => {
    expect(attributeText(formalSample(2), candidates)).toEqual(attributeText(formalSample(2), candidates));
  });
});
