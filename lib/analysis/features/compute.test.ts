import { describe, expect, it } from "vitest";
import { segment } from "../segment";
import { countSentences } from "./counts";
import { computeFeatures, mattr } from "./compute";
import { FEATURES, FEATURE_INDEX } from "./registry";
import { isSlip, zipf } from "./word-frequency";

function features(text: string): Record<string, number> {
  const seg = segment(text);
  const v = computeFeatures(countSentences(seg), 0, seg.sentences.length);
  return Object.fromEntries(FEATURES.map((f, i) => [f.name, v[i] ?? NaN]));
}

describe("registry", () => {
  it("has unique stable names and a description for each", () => {
    expect(FEATURE_INDEX.size).toBe(FEATURES.length);
    for (const f of FEATURES) {
      expect(f.name).toMatch(/^[a-z_0-9]+$/);
      expect(f.description.length).toBeGreaterThan(5);
    }
  });
});

describe("features on hand-checkable texts", () => {
  it("sentence lengths: mean, spread and burstiness", () => {
    // lengths 2, 4, 6 words: mean 4, sd sqrt(8/3), burstiness (2+2)/2/4
    const f = features("One two. One two three four. One two three four five six.");
    expect(f.sentence_length_mean).toBeCloseTo(4);
    expect(f.sentence_length_spread).toBeCloseTo(Math.sqrt(8 / 3) / 4);
    expect(f.sentence_length_burstiness).toBeCloseTo(0.5);
    expect(f.word_count).toBe(12);
  });

  it("punctuation and words per 100 words", () => {
    // 10 words, one semicolon, one em dash, two commas, one contraction
    const f = features("I don't know; maybe — well, perhaps, the cat sat there.");
    expect(f.word_count).toBe(10);
    expect(f.semicolon_rate).toBeCloseTo(10);
    expect(f.dash_rate).toBeCloseTo(10);
    expect(f.comma_rate).toBeCloseTo(20);
    expect(f.contraction_rate).toBeCloseTo(10);
    expect(f.hedge_rate).toBeCloseTo(10); // perhaps
    expect(f.article_rate).toBeCloseTo(10);
  });

  it("chat-model vocabulary and stock phrases", () => {
    const f = features("It is important to delve into this pivotal realm. Not only is it vital, but also crucial.");
    expect(f.excess_vocabulary_rate).toBeGreaterThan(20); // delve pivotal realm vital crucial of 17
    expect(f.stock_phrase_rate).toBeCloseTo(1.5); // it is important to; not only; but also
  });

  it("spelling slips and lower-case starts", () => {
    const f = features("i think becuase its true. we dont know.");
    expect(f.spelling_slip_rate).toBeCloseTo(200 / 8); // becuase, dont
    expect(f.lowercase_start_share).toBeCloseTo(1.5); // two lower-case starts + lone "i" over 2 sentences
  });

  it("dialogue: words inside double quotes, straight or curly, not running past a paragraph", () => {
    // quoted: Go home now (3), I won't (2), Unclosed quote here (3) of 16 words
    const f = features(`He said, "Go home now." Then “I won't,” she said.\n\n"Unclosed quote here\n\nNew paragraph here.`);
    expect(f.word_count).toBe(16);
    expect(f.dialogue_share).toBeCloseTo(8 / 16);
    expect(features("No quotes at all in this one.").dialogue_share).toBe(0);
  });

  it("word length and commonness spread between sentences", () => {
    // mean word length per sentence: 3 (cat sat mat) and 5 (horse sheep goats): sd 1
    const f = features("Cat sat mat. Horse sheep goats.");
    expect(f.word_length_spread).toBeCloseTo(1);
    // identical sentences do not vary; a sentence under three words is left out
    const g = features("The cat sat. The cat sat. Extraordinarily.");
    expect(g.word_length_spread).toBe(0);
    expect(g.commonness_spread).toBe(0);
    // mean Zipf 6.86 (it was in the house) and 3.6 (sharks devour tuna; "voraciously" is not in the list): sd 1.63
    expect(features("It was in the house. Sharks devour tuna voraciously.").commonness_spread).toBeCloseTo(1.63);
  });

  it("repetition of openers and trigrams", () => {
    const f = features("The cat sat on the mat. The cat sat on the rug. The dog ran.");
    expect(f.opener_repetition).toBeCloseTo(1 - 1 / 3);
    expect(f.repeated_trigram_share).toBeGreaterThan(0.2);
  });
});

describe("helpers", () => {
  it("mattr of all-distinct words is 1 and of one repeated word is 1/window", () => {
    expect(mattr(Int32Array.from([0, 1, 2, 3]), 0, 4, 4, 2)).toBe(1);
    expect(mattr(Int32Array.from([5, 5, 5, 5]), 0, 4, 6, 2)).toBe(0.5);
  });

  it("zipf knows common words and contractions; slips are one edit from a common word", () => {
    expect(zipf("the")).toBeGreaterThan(6);
    expect(zipf("don't")).toBeGreaterThan(5);
    expect(zipf("qwxzv")).toBeUndefined();
    expect(isSlip("recieve", "recieve")).toBe(true);
    expect(isSlip("receive", "receive")).toBe(false);
    expect(isSlip("Recieve", "recieve")).toBe(false); // capitalised: may be a name
  });

  it("is deterministic", () => {
    const t = "Same text, same numbers. Always the same!";
    expect(features(t)).toEqual(features(t));
  });
});
