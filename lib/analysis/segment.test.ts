import { describe, expect, it } from "vitest";
import { segment, tokenize, wordCount } from "./segment";

function sentenceTexts(text: string): string[] {
  const s = segment(text);
  return s.sentences.map((x) => text.slice(x.start, x.end));
}

describe("tokenize", () => {
  it("gives exact offsets and kinds", () => {
    const text = "Hi, it's 3.5% of $20 — see https://x.org/a?b=1. Mail me@ex.com 🙂!";
    const toks = tokenize(text);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
    const kinds = Object.fromEntries(toks.map((t) => [t.text, t.kind]));
    expect(kinds["it's"]).toBe("word");
    expect(kinds["3.5"]).toBe("number");
    expect(kinds["%"]).toBe("symbol");
    expect(kinds["$"]).toBe("symbol");
    expect(kinds["—"]).toBe("punct");
    expect(kinds["https://x.org/a?b=1"]).toBe("url");
    expect(kinds["me@ex.com"]).toBe("email");
    expect(kinds["🙂"]).toBe("emoji");
  });

  it("lower-cases words and straightens curly apostrophes", () => {
    const [t] = tokenize("Don’t");
    expect(t?.lower).toBe("don't");
  });

  it("keeps hyphenated words and ZWJ emoji sequences whole", () => {
    const toks = tokenize("A well-known family 👨‍👩‍👧 came.");
    expect(toks.map((t) => t.text)).toEqual(["A", "well-known", "family", "👨‍👩‍👧", "came", "."]);
  });
});

describe("wordCount", () => {
  it("counts word tokens only", () => {
    expect(wordCount("The U.S. had 3 cats, e.g. Tom — and www.cats.com!")).toBe(7);
    expect(wordCount("")).toBe(0);
  });
});

describe("segment sentences", () => {
  it("does not split on titles, initialisms, initials or decimals", () => {
    expect(sentenceTexts("Mr. Smith paid $3.50 to Dr. J. Watson in the U.S. on Monday. Then he left.")).toEqual([
      "Mr. Smith paid $3.50 to Dr. J. Watson in the U.S. on Monday.",
      "Then he left.",
    ]);
  });

  it("handles e.g. and i.e. mid-sentence", () => {
    expect(sentenceTexts("Use fruit, e.g. apples, i.e. red ones. Done.")).toEqual([
      "Use fruit, e.g. apples, i.e. red ones.",
      "Done.",
    ]);
  });

  it("splits after an initialism followed by a common opener", () => {
    expect(sentenceTexts("He moved to the U.S. The move was hard.")).toEqual([
      "He moved to the U.S.",
      "The move was hard.",
    ]);
  });

  it("treats ellipses as boundaries only before a capital", () => {
    expect(sentenceTexts("Well... maybe not. Wait… What?")).toEqual(["Well... maybe not.", "Wait…", "What?"]);
  });

  it("keeps dialogue tags with their quote", () => {
    expect(sentenceTexts(`"Where are you?" she asked. "Here!" He waved.`)).toEqual([
      `"Where are you?" she asked.`,
      `"Here!"`,
      "He waved.",
    ]);
  });

  it("splits informal lower-case sentences after a full stop", () => {
    expect(sentenceTexts("i went home. it was late")).toEqual(["i went home.", "it was late"]);
  });

  it("keeps No. 5 and etc. mid-sentence", () => {
    expect(sentenceTexts("See No. 5 and pens, pencils, etc. in the box. Fine.")).toEqual([
      "See No. 5 and pens, pencils, etc. in the box.",
      "Fine.",
    ]);
  });

  it("absorbs an emoji after the terminal", () => {
    expect(sentenceTexts("Loved it! 😀 See you soon.")).toEqual(["Loved it! 😀", "See you soon."]);
  });

  it("does not split inside URLs or emails", () => {
    expect(sentenceTexts("Go to www.example.com/page.html now. Write to a.b@c.org today.")).toHaveLength(2);
  });

  it("token ranges cover the sentence spans", () => {
    const text = "One two. Three four five!";
    const s = segment(text);
    for (const sent of s.sentences) {
      expect(s.tokens[sent.tokenStart]?.start).toBe(sent.start);
      expect(s.tokens[sent.tokenEnd - 1]?.end).toBe(sent.end);
    }
  });
});

describe("segment paragraphs", () => {
  it("finds headings, list items and text paragraphs with offsets", () => {
    const text = "# Title here\n\nIntro line one\ncontinues here.\n\nSteps:\n- Buy milk.\n- Pour it.\n1. First. Second.\n\nShort Heading\n\nLast para.";
    const s = segment(text);
    const kinds = s.paragraphs.map((p) => [p.kind, text.slice(p.start, p.end)]);
    expect(kinds).toEqual([
      ["heading", "# Title here"],
      ["text", "Intro line one\ncontinues here."],
      ["text", "Steps:"],
      ["list-item", "- Buy milk."],
      ["list-item", "- Pour it."],
      ["list-item", "1. First. Second."],
      ["heading", "Short Heading"],
      ["text", "Last para."],
    ]);
    // markers are not part of sentences
    const sents = s.sentences.map((x) => [x.paragraph, text.slice(x.start, x.end)]);
    expect(sents).toContainEqual([0, "Title here"]);
    expect(sents).toContainEqual([3, "Buy milk."]);
    expect(sents).toContainEqual([5, "First."]);
    expect(sents).toContainEqual([5, "Second."]);
    // a sentence never crosses a paragraph
    expect(sents).toContainEqual([1, "Intro line one\ncontinues here."]);
  });

  it("the final paragraph is never a heading, nor a line ending in punctuation", () => {
    expect(segment("Hello there,\n\nthanks").paragraphs.map((p) => p.kind)).toEqual(["text", "text"]);
  });

  it("handles empty and whitespace-only input", () => {
    expect(segment("").sentences).toEqual([]);
    expect(segment("  \n\n ").tokens).toEqual([]);
  });

  it("is deterministic", () => {
    const text = "A b c. D e f? G!";
    expect(segment(text)).toEqual(segment(text));
  });
});
