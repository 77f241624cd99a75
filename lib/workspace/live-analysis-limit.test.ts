import { describe, expect, it } from "vitest";
import { wordCount } from "@/lib/analysis";
import { firstWords } from "./live-analysis-limit";
import { ESSAY } from "./test-texts";

describe("firstWords", () => {
  it("keeps a text within the limit whole", () => {
    expect(firstWords(ESSAY, wordCount(ESSAY))).toEqual({ text: ESSAY, truncated: false });
    expect(firstWords(`${ESSAY}  \n`, wordCount(ESSAY))).toEqual({ text: `${ESSAY}  \n`, truncated: false });
    expect(firstWords("", 10)).toEqual({ text: "", truncated: false });
  });

  it("cuts after exactly `limit` words, also when the words lie beyond the first prefix it reads", () => {
    const cut = firstWords("One two three, four. Five six", 4);
    expect(cut).toEqual({ text: "One two three, four", truncated: true });

    const long = Array.from({ length: 40 }, () => ESSAY).join("\n\n");
    const limit = 5_000;
    const { text, truncated } = firstWords(long, limit);
    expect(truncated).toBe(true);
    expect(wordCount(text)).toBe(limit);
    expect(long.startsWith(text)).toBe(true);
    // The next word starts after the cut: nothing was split.
    expect(wordCount(long.slice(0, text.length + 1))).toBe(limit);
  });

  it("does not split a long word that straddles the end of the prefix it reads first", () => {
    const word = "x".repeat(100);
    const text = `${word} ${word} tail`;
    expect(firstWords(text, 2)).toEqual({ text: `${word} ${word}`, truncated: true });
  });
});
