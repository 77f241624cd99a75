import { describe, expect, it } from "vitest";
import { segment } from "./segment";
import { COMMON_WORDS, STYLE_FEATURES, styleChunks, styleCounts, styleRates } from "./stylometry";
import { FUNCTION_WORDS } from "./stylometry-words";

function count(text: string): Record<string, number> {
  const c = styleCounts(segment(text));
  const out: Record<string, number> = { words: c.words, sentences: c.sentences };
  STYLE_FEATURES.forEach((f, i) => {
    if ((c.counts[i] ?? 0) > 0) out[f.name] = c.counts[i] ?? 0;
  });
  return out;
}

describe("style counts", () => {
  it("counts function words, punctuation, contractions and sentence shapes by hand", () => {
    const c = count(`I don't know; we can't go. The cat sat — on the mat! "Really?" she asked... i think so`);
    expect(c).toMatchObject({
      words: 18,
      sentences: 3,
      "fw:the": 2,
      "fw:i": 2, // "I" and the lower-case "i"
      "fw:on": 1,
      "punct:semicolon": 1,
      "punct:dash": 1,
      "punct:quote": 2,
      "punct:exclamation": 1,
      "punct:question": 1,
      "punct:ellipsis": 1,
      "contraction:nt": 2,
      "casing:lowercase-i": 1,
      "opener:i": 1,
      "opener:the": 1,
      "end:none": 1, // the last sentence has no closing mark
      "sentence-length:6-10": 3,
      "word-length:3": 6, // don't(4) is not here; can, cat, sat, the, the, she
    });
    expect(c["fw:cat"]).toBeUndefined();
  });

  it("bins sentence lengths and word lengths", () => {
    const long = `${Array.from({ length: 45 }, () => "word").join(" ")}.`;
    const c = count(`Go now. ${long}`);
    expect(c["sentence-length:1-5"]).toBe(1);
    expect(c["sentence-length:41-60"]).toBe(1);
    expect(c["word-length:4"]).toBe(45);
    expect(c["word-length:2"]).toBe(1);
  });

  it("lists each function word once and names features uniquely", () => {
    expect(new Set(FUNCTION_WORDS).size).toBe(FUNCTION_WORDS.length);
    expect(new Set([...FUNCTION_WORDS, ...COMMON_WORDS]).size).toBe(FUNCTION_WORDS.length + COMMON_WORDS.length);
    expect(new Set(STYLE_FEATURES.map((f) => f.name)).size).toBe(STYLE_FEATURES.length);
  });

  it("gives rates over the feature's own unit", () => {
    const c = styleCounts(segment("The dog ran. The cat sat on the mat."));
    const r = styleRates(c);
    const the = STYLE_FEATURES.findIndex((f) => f.name === "fw:the");
    const opener = STYLE_FEATURES.findIndex((f) => f.name === "opener:the");
    expect(r[the]).toBeCloseTo(3 / 9);
    expect(r[opener]).toBe(1); // both sentences open with "The"
  });

  it("chunks at sentence boundaries and folds a short tail into the last chunk", () => {
    const sentence = "This short sentence has exactly seven words.";
    const text = Array.from({ length: 18 }, () => sentence).join(" "); // 126 words
    const chunks = styleChunks(segment(text), 50);
    // 8 sentences reach 56 ≥ 50 words; the 14-word tail is under half a chunk and folds in
    expect(chunks.map((c) => c.words)).toEqual([56, 70]);
    const whole = styleCounts(segment(text));
    expect(chunks.reduce((a, c) => a + c.words, 0)).toBe(whole.words);
  });

  it("is deterministic", () => {
    const t = "Well, perhaps; but then again — who knows? We shall see.";
    expect(styleCounts(segment(t))).toEqual(styleCounts(segment(t)));
  });
});
