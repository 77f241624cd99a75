import { describe, expect, it } from "vitest";
import { overusedPatterns } from "./patterns";
import { ESSAY } from "./test-texts";

describe("overusedPatterns", () => {
  it("finds a phrase repeated three times, in its longest form, and repeated openers", () => {
    const text =
      "At the end of the day, we shipped. However, the tests were slow. At the end of the day, nobody minded. " +
      "However, the build broke. At the end of the day, it worked. However, we learned. The team rested.";
    const { phrases, openers } = overusedPatterns(text);
    expect(phrases).toEqual([{ phrase: "at the end of the day", count: 3 }]);
    expect(phrases.some((p) => p.phrase === "the end of the")).toBe(false);
    expect(openers).toEqual([
      { opener: "at", count: 3, share: 3 / 7 },
      { opener: "however", count: 3, share: 3 / 7 },
    ]);
  });

  it("finds nothing in varied prose", () => {
    expect(overusedPatterns(ESSAY)).toEqual({ phrases: [], openers: [] });
  });
});
