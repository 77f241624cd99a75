import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type DetectorWeights } from "./detector";
import { countSentences } from "./features/counts";
import { segment } from "./segment";
import { abstention, decideVerdict } from "./verdict";
import { contextWindow } from "./windows";

const W: DetectorWeights = { ...DEFAULT_WEIGHTS, thresholds: { ai: 0.9, human: 0.5, windowAi: 0.8 }, oodLimit: 3, minWords: 80 };

describe("abstention", () => {
  it("abstains for short, non-English and out-of-distribution text, in that order", () => {
    expect(abstention({ words: 79, language: "deu", ood: 9, weights: W })?.reason).toBe("short");
    expect(abstention({ words: 200, language: "deu", ood: 9, weights: W })?.reason).toBe("language");
    expect(abstention({ words: 200, language: "eng", ood: 3.5, weights: W })?.reason).toBe("out-of-distribution");
    expect(abstention({ words: 200, language: "eng", ood: 1, weights: W })).toBeNull();
  });
});

describe("decideVerdict", () => {
  const base = { abstain: null, weights: W, sentenceWords: [50, 50, 50, 50] };
  it("ai at or above the threshold, human below one half, uncertain between", () => {
    expect(decideVerdict({ ...base, probability: 0.9, sentenceProbabilities: [0.9, 0.9, 0.9, 0.9] })).toBe("ai");
    expect(decideVerdict({ ...base, probability: 0.2, sentenceProbabilities: [0.2, 0.2, 0.2, 0.2] })).toBe("human");
    expect(decideVerdict({ ...base, probability: 0.7, sentenceProbabilities: [0.7, 0.7, 0.7, 0.7] })).toBe("uncertain");
  });
  it("mixed when a large share scores high and another large share low", () => {
    expect(decideVerdict({ ...base, probability: 0.6, sentenceProbabilities: [0.95, 0.95, 0.1, 0.1] })).toBe("mixed");
    expect(decideVerdict({ ...base, probability: 0.3, sentenceProbabilities: [0.95, 0.1, 0.1, 0.1] })).toBe("human");
  });
  it("an abstention always gives uncertain", () => {
    const abstain = { reason: "short" as const, message: "" };
    expect(decideVerdict({ ...base, abstain, probability: 0.99, sentenceProbabilities: [1, 1, 1, 1] })).toBe("uncertain");
  });
});

describe("contextWindow", () => {
  it("grows around a sentence until it holds 60 words, at most 4 sentences each side", () => {
    const sentence = (n: number) => Array.from({ length: n }, () => "word").join(" ") + ".";
    const text = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10].map(sentence).join(" ");
    const c = countSentences(segment(text));
    const [a, b] = contextWindow(c, 5);
    expect(b - a).toBe(6); // 6 × 10 words
    expect(a).toBeLessThanOrEqual(5);
    expect(b).toBeGreaterThan(5);
    const long = countSentences(segment(sentence(70) + " " + sentence(5)));
    expect(contextWindow(long, 0)).toEqual([0, 1]);
  });
});
