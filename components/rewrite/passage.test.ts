import { describe, expect, it } from "vitest";
import { passageOf, replacePassage } from "./passage";

const text = "  First paragraph here.\n\nSecond one, with more words.\n";

describe("passageOf", () => {
  it("takes the whole text without its outer whitespace when nothing is selected", () => {
    const p = passageOf(text, { start: 5, end: 5 });
    expect(p).toMatchObject({ whole: true, text: "First paragraph here.\n\nSecond one, with more words.", words: 8 });
    expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it("takes the selection, trimmed, at its place in the text", () => {
    const at = text.indexOf("Second");
    const p = passageOf(text, { start: at - 2, end: text.length });
    expect(p).toMatchObject({ whole: false, text: "Second one, with more words.", start: at, words: 5 });
  });

  it("is empty for an empty text or a selection of spaces", () => {
    expect(passageOf("", { start: 0, end: 0 }).text).toBe("");
    expect(passageOf("a    b", { start: 1, end: 5 }).text).toBe("");
  });
});

describe("replacePassage", () => {
  const base = "Keep this. Change this sentence. Keep that.";
  const original = "Change this sentence.";
  const start = base.indexOf(original);

  it("replaces only the passage, leaving the text around it byte for byte", () => {
    expect(replacePassage(base, { start, end: start + original.length, original }, "Rewritten.")).toEqual({
      text: "Keep this. Rewritten. Keep that.",
      start,
      end: start + "Rewritten.".length,
    });
  });

  it("finds the passage again when the writer typed before it meanwhile", () => {
    const edited = `New opening. ${base}`;
    expect(replacePassage(edited, { start, end: start + original.length, original }, "Rewritten.")?.text).toBe("New opening. Keep this. Rewritten. Keep that.");
  });

  it("refuses when the passage itself was edited or now occurs twice", () => {
    expect(replacePassage("Keep this. Change that sentence. Keep that.", { start, end: start + original.length, original }, "X")).toBeNull();
    expect(replacePassage(`${original} ${original}`, { start: 50, end: 71, original }, "X")).toBeNull();
  });
});
