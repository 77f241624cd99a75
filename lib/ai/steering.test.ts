import { describe, expect, it } from "vitest";
import { buildFingerprint } from "@/lib/analysis/fingerprint";
import { buildSystemPrompt, buildUserPrompt, plainDirectives, voiceDirectives } from "./steering";
import { CASUAL, CASUAL_PARAGRAPHS, FORMAL, FORMAL_PARAGRAPHS } from "./test-texts";
import { buildVoiceProfile, candidatePassages, closestExcerpts, sentenceLengthQuantile, transitionHabits } from "./voice-profile";

const casualFp = buildFingerprint([{ id: "c", text: CASUAL, register: "essay" }], { register: "essay" });
const formalFp = buildFingerprint([{ id: "f", text: FORMAL, register: "academic" }], { register: "academic" });
const casual = buildVoiceProfile({ fingerprint: casualFp, samples: [{ id: "c", text: CASUAL }] });
const formal = buildVoiceProfile({ fingerprint: formalFp, samples: [{ id: "f", text: FORMAL }] });

describe("voice profile from a fingerprint", () => {
  it("measures sentence length from the fingerprint's bins: short for the casual writer, long for the formal one", () => {
    expect(casual.sentenceLength.median).toBeLessThan(14);
    expect(formal.sentenceLength.median).toBeGreaterThanOrEqual(20);
    expect(casual.sentenceLength.low).toBeLessThan(casual.sentenceLength.median);
    expect(casual.sentenceLength.high).toBeGreaterThan(casual.sentenceLength.median);
    // Quantiles of an empty fingerprint are 0, not NaN.
    expect(sentenceLengthQuantile({ ...casualFp.totals, counts: casualFp.totals.counts.map(() => 0) }, 0.5)).toBe(0);
  });

  it("measures contractions, punctuation and openers from the counts", () => {
    expect(casual.contractionsPer100).toBeGreaterThan(3);
    expect(formal.contractionsPer100).toBe(0);
    expect(casual.punctuation.dash.writer).toBeGreaterThan(casual.punctuation.dash.typical);
    expect(casual.punctuation.semicolon.writer).toBe(0);
    expect(formal.punctuation.semicolon.writer).toBeGreaterThan(formal.punctuation.semicolon.typical);
    expect(formal.punctuation.parenthesis.writer).toBeGreaterThan(0);
    expect(casual.openers.conjunction).toBeGreaterThan(0.1);
    expect(formal.openers.conjunction).toBe(0);
  });

  it("finds favoured sentence openers and formal connectors never used", () => {
    expect(transitionHabits(CASUAL).favoured).toEqual(expect.arrayContaining(["but", "so"]));
    expect(transitionHabits(CASUAL).avoided).toEqual(expect.arrayContaining(["however", "moreover", "furthermore"]));
    expect(transitionHabits(FORMAL).avoided).not.toContain("however");
    expect(transitionHabits(FORMAL).favoured).not.toContain("but");
    expect(transitionHabits(FORMAL).favoured).not.toContain("so");
  });

  it("rates vocabulary against the engine's human norms: plainer for the casual writer", () => {
    expect(casual.vocabulary.meanZipf).toBeGreaterThan(formal.vocabulary.meanZipf);
    expect(casual.vocabulary.level).not.toBe("rich");
    expect(formal.vocabulary.level).not.toBe("plain");
  });

  it("cuts samples into passages of 60–120 words", () => {
    const passages = candidatePassages(CASUAL);
    expect(passages.length).toBe(4);
    for (const p of passages) {
      const n = p.split(/\s+/).length;
      expect(n).toBeGreaterThanOrEqual(60);
      expect(n).toBeLessThanOrEqual(120);
    }
  });

  it("picks as excerpts the passages most like the writer's fingerprint", () => {
    // A fingerprint of the casual writer; candidates from both writers: the casual passages win.
    const mixed = [
      ...CASUAL_PARAGRAPHS.map((text, i) => ({ id: `c${i}`, text })),
      ...FORMAL_PARAGRAPHS.map((text, i) => ({ id: `f${i}`, text })),
    ];
    const chosen = closestExcerpts(mixed, casualFp, { count: 3 });
    expect(chosen).toHaveLength(3);
    for (const excerpt of chosen) expect(CASUAL_PARAGRAPHS).toContain(excerpt);
    const chosenFormal = closestExcerpts(mixed, formalFp, { count: 2 });
    for (const excerpt of chosenFormal) expect(FORMAL_PARAGRAPHS).toContain(excerpt);
  });
});

describe("steering prompt", () => {
  it("turns the casual writer's measurements into concrete directives", () => {
    const d = voiceDirectives(casual).join("\n");
    expect(d).toMatch(/most sentences \d+–\d+ words/);
    expect(d).toContain("Use contractions readily");
    expect(d).toContain("Use dashes (—) freely");
    expect(d).toContain("Avoid semicolons");
    expect(d).toMatch(/Start some sentences with And, But or So/);
    expect(d).toMatch(/Favoured ways into a sentence: .*"but"/);
    expect(d).toMatch(/Never use .*"however"/);
  });

  it("gives the formal writer the opposite directives", () => {
    const d = voiceDirectives(formal).join("\n");
    expect(d).toContain("Do not use contractions");
    expect(d).toContain("Use semicolons freely");
    expect(d).toContain("Rarely start a sentence with And, But or So.");
    expect(d).not.toMatch(/Never use .*"however"/);
  });

  it("voice mode: directives, the writer's own excerpts (and nobody else's), and the options", () => {
    const prompt = buildSystemPrompt({ mode: "voice", register: "essay", meaning: "strict", length: "shorter", profile: casual });
    expect(prompt).toContain("sounds like them");
    for (const e of casual.excerpts) expect(prompt).toContain(e);
    expect(casual.excerpts.length).toBeGreaterThanOrEqual(2);
    for (const p of FORMAL_PARAGRAPHS) expect(prompt).not.toContain(p.slice(0, 40));
    expect(prompt).toContain("Keep the meaning exactly");
    expect(prompt).toContain("a quarter shorter");
    expect(prompt).not.toMatch(/detect|evade/i);
  });

  it("restructure and longer change the task lines", () => {
    const prompt = buildSystemPrompt({ mode: "voice", register: "essay", meaning: "restructure", length: "longer", profile: casual });
    expect(prompt).toContain("you may reorder, merge or split");
    expect(prompt).toContain("somewhat longer");
  });

  it("plain mode: human-norm directives and no writer data", () => {
    const prompt = buildSystemPrompt({ mode: "plain", register: "email", meaning: "strict", length: "same" });
    expect(prompt).toContain("natural, human prose");
    expect(prompt).toMatch(/around \d+ words on average/);
    expect(prompt).toContain("delve");
    expect(prompt).not.toContain("delves");
    expect(prompt).toContain("an email read like");
    expect(prompt).toContain('"it is important to"');
    expect(prompt).not.toContain("<example");
    expect(prompt).not.toMatch(/detect|evade/i);
    expect(plainDirectives().length).toBeGreaterThanOrEqual(5);
  });

  it("voice mode without a profile is a programming error", () => {
    expect(() => buildSystemPrompt({ mode: "voice", register: "essay", meaning: "strict", length: "same" })).toThrow();
  });

  it("marks the passage so the model (and the test peer) know what to rewrite", () => {
    expect(buildUserPrompt("Hello there.")).toBe("Rewrite the passage between the tags.\n<passage>\nHello there.\n</passage>");
  });
});
