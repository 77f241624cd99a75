import { describe, expect, it } from "vitest";
import { paragraphGroups } from "./paragraph-groups";

const para = (words: number, tag = "w") => Array.from({ length: words }, (_, i) => `${tag}${i}`).join(" ");

describe("paragraphGroups", () => {
  it("keeps a text within the limit as one group, with its paragraphs", () => {
    expect(paragraphGroups("One two.\n\nThree four.", 10)).toEqual({ ok: true, groups: ["One two.\n\nThree four."] });
  });

  it("splits a longer text into groups of whole paragraphs, each within the limit", () => {
    const text = [para(40, "a"), para(40, "b"), para(40, "c"), para(10, "d")].join("\n\n");
    const result = paragraphGroups(text, 100);
    expect(result).toEqual({ ok: true, groups: [`${para(40, "a")}\n\n${para(40, "b")}`, `${para(40, "c")}\n\n${para(10, "d")}`] });
  });

  it("refuses a single paragraph over the limit, naming its size", () => {
    expect(paragraphGroups(`${para(5)}\n\n${para(120)}`, 100)).toEqual({ ok: false, reason: "paragraph_too_long", paragraphWords: 120 });
  });

  it("treats blank or whitespace-only text as empty, and normalises Windows line breaks", () => {
    expect(paragraphGroups("  \n\n \t", 100)).toEqual({ ok: false, reason: "empty" });
    expect(paragraphGroups("a b\r\n\r\nc d", 100)).toEqual({ ok: true, groups: ["a b\n\nc d"] });
  });
});
