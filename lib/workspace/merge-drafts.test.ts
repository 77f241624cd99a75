import { describe, expect, it } from "vitest";
import { mapOffset, mergeDrafts, mergeTitle, mergeTokens, resolveMerge } from "./merge-drafts";

const BASE = [
  "The harbour was quiet that morning. Gulls argued over the nets, and the ferry sat low in the water.",
  "Maria counted the crates twice. Nobody had told her the shipment was late, but she could read it in the foreman's face.",
  "By noon the rain came in from the west. She went home early and wrote the letter she had put off for a month.",
].join("\n\n");

const draft = (text: string, title = "Harbour") => ({ title, text });

describe("mergeTokens", () => {
  it("splits into sentences (not at a stop before a lower-case word) and the whitespace between them, losing nothing", () => {
    const text = 'He said "Stop!" and left. Then… quiet?\n\nA new line: e.g. 3.5 miles.';
    const tokens = mergeTokens(text);
    expect(tokens.join("")).toBe(text);
    expect(tokens).toEqual(['He said "Stop!" and left.', " ", "Then… quiet?", "\n\n", "A new line: e.g.", " ", "3.5 miles."]);
  });
});

describe("mergeDrafts", () => {
  it("merges edits to different paragraphs cleanly", () => {
    const mine = BASE.replace("Gulls argued over the nets", "Gulls squabbled over the drying nets");
    const theirs = BASE.replace("She went home early", "She walked home early, soaked,");
    const result = mergeDrafts({ base: draft(BASE), mine: draft(mine), theirs: draft(theirs) });
    expect(result.clean).toBe(true);
    if (!result.clean) return;
    expect(result.merged.text).toBe(BASE.replace("Gulls argued over the nets", "Gulls squabbled over the drying nets").replace("She went home early", "She walked home early, soaked,"));
  });

  it("merges edits to different sentences of one paragraph, and sentences added on both sides in different places", () => {
    const mine = BASE.replace("Maria counted the crates twice.", "Maria counted the crates three times.");
    const theirs = BASE.replace("in the foreman's face.", "in the foreman's face. He would not look at her.") + "\n\nShe never sent it.";
    const result = mergeDrafts({ base: draft(BASE), mine: draft(mine), theirs: draft(theirs) });
    expect(result).toEqual({
      clean: true,
      merged: {
        title: "Harbour",
        text: BASE.replace("Maria counted the crates twice.", "Maria counted the crates three times.").replace("in the foreman's face.", "in the foreman's face. He would not look at her.") + "\n\nShe never sent it.",
      },
    });
  });

  it("treats the same change made on both devices as no conflict", () => {
    const both = BASE.replace("quiet", "still");
    expect(mergeDrafts({ base: draft(BASE), mine: draft(both), theirs: draft(both) })).toEqual({ clean: true, merged: draft(both) });
  });

  it("reports overlapping edits as a conflict listing both sides and the original, and keeps the rest merged", () => {
    const mine = BASE.replace("Maria counted the crates twice.", "Maria counted every crate twice.").replace("The harbour was quiet", "The harbour lay quiet");
    const theirs = BASE.replace("Maria counted the crates twice.", "Maria checked the crates against the list.");
    const result = mergeDrafts({ base: draft(BASE), mine: draft(mine), theirs: draft(theirs) });
    expect(result.clean).toBe(false);
    if (result.clean) return;
    expect(result.conflicts).toBe(1);
    const conflict = result.chunks.find((c) => c.kind === "conflict");
    expect(conflict).toEqual({ kind: "conflict", id: 0, base: "Maria counted the crates twice.", mine: "Maria counted every crate twice.", theirs: "Maria checked the crates against the list." });
    const expected = (sentence: string) => BASE.replace("The harbour was quiet", "The harbour lay quiet").replace("Maria counted the crates twice.", sentence);
    expect(resolveMerge(result, { regions: { 0: "mine" } }).text).toBe(expected("Maria counted every crate twice."));
    expect(resolveMerge(result, { regions: { 0: "theirs" } }).text).toBe(expected("Maria checked the crates against the list."));
  });

  it("resolves several conflicts region by region", () => {
    const mine = BASE.replace("quiet that morning", "calm that morning").replace("By noon", "By one");
    const theirs = BASE.replace("quiet that morning", "silent that morning").replace("By noon", "Around noon");
    const result = mergeDrafts({ base: draft(BASE), mine: draft(mine), theirs: draft(theirs) });
    if (result.clean) throw new Error("expected conflicts");
    expect(result.conflicts).toBe(2);
    const text = resolveMerge(result, { regions: { 0: "theirs", 1: "mine" } }).text;
    expect(text).toBe(BASE.replace("quiet that morning", "silent that morning").replace("By noon", "By one"));
  });

  it("conflicts when both devices append different endings", () => {
    const result = mergeDrafts({ base: draft(BASE), mine: draft(`${BASE}\n\nThe end.`), theirs: draft(`${BASE}\n\nTo be continued.`) });
    if (result.clean) throw new Error("expected a conflict");
    expect(result.chunks.filter((c) => c.kind === "conflict")).toHaveLength(1);
    // Nothing is lost whichever side is kept: each side's text is there in full.
    expect(resolveMerge(result, { regions: {} }, "mine").text).toBe(`${BASE}\n\nThe end.`);
    expect(resolveMerge(result, { regions: {} }, "theirs").text).toBe(`${BASE}\n\nTo be continued.`);
  });

  it("merges titles: one side's rename wins, two different renames conflict", () => {
    expect(mergeTitle("Harbour", "Harbour", "The harbour")).toEqual({ kind: "ok", title: "The harbour" });
    expect(mergeTitle("Harbour", "Harbour, 1952", "Harbour")).toEqual({ kind: "ok", title: "Harbour, 1952" });
    const result = mergeDrafts({ base: draft(BASE), mine: draft(BASE, "Morning"), theirs: draft(BASE, "Rain") });
    if (result.clean) throw new Error("expected a title conflict");
    expect(result.conflicts).toBe(0);
    expect(result.title).toEqual({ kind: "conflict", base: "Harbour", mine: "Morning", theirs: "Rain" });
    expect(resolveMerge(result, { title: "theirs", regions: {} })).toEqual({ title: "Rain", text: BASE });
  });
});

describe("mapOffset", () => {
  it("keeps a caret in unchanged text next to the same words after text is inserted before it", () => {
    const from = "First sentence. Second sentence.";
    const to = "First sentence. An inserted one. Second sentence.";
    const caret = from.indexOf("Second") + 3;
    expect(to.slice(mapOffset(from, to, caret))).toBe(from.slice(caret));
  });
  it("leaves a caret before any change where it was, and moves one inside replaced text to the end of the replacement", () => {
    const from = "Alpha one. Beta two. Gamma three.";
    const to = "Alpha one. Beta TWO changed. Gamma three.";
    expect(mapOffset(from, to, 3)).toBe(3);
    expect(mapOffset(from, to, from.indexOf("two"))).toBe(to.indexOf(" Gamma"));
    expect(mapOffset(from, to, from.length)).toBe(to.length);
  });
});
