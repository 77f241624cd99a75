import { describe, expect, it } from "vitest";
import { analyze, beginAnalysis, finishAnalysis, scoreSentences } from "./index";

const PARAGRAPH =
  "I walked to the harbour before the ferries started. The water was flat and grey, and a man was mending a net with his teeth. " +
  "He did not look up. Furthermore, it is important to note that the morning offered a multitude of opportunities for reflection. " +
  "We stood there. Then the bell went, and everyone moved at once, as if they had been waiting for permission.";

describe("analysis in parts", () => {
  it("adds up to exactly what analyze returns, whatever the parts", () => {
    const text = Array.from({ length: 12 }, (_, i) => `Day ${i + 1}. ${PARAGRAPH}`).join("\n\n");
    const whole = analyze(text);
    const stage = beginAnalysis(text);
    expect(stage.sentenceCount).toBe(whole.sentences.length);
    expect(stage.words).toBe(whole.words);
    // Uneven parts, including cuts inside runs of sentences that share one context window.
    for (const size of [1, 7, 13, stage.sentenceCount]) {
      const sentences = [];
      for (let from = 0; from < stage.sentenceCount; from += size) sentences.push(...scoreSentences(stage, from, from + size));
      expect(finishAnalysis(stage, sentences)).toEqual(whole);
    }
  });

  it("refuses to finish with sentences missing", () => {
    const stage = beginAnalysis(PARAGRAPH);
    expect(() => finishAnalysis(stage, scoreSentences(stage, 1, stage.sentenceCount))).toThrow(/expected/);
  });
});
