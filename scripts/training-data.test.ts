import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { groupOf } from "./detector-training";
import { TRAINING_DOMAINS, readTrainingData } from "./training-data";

// the leave-one-domain-out folds of the corpora that hold human text (docs/accuracy.md)
const HUMAN_FOLDS = ["abstracts", "biomedical", "email", "encyclopedia", "essays-us", "forum", "howto", "news", "reports", "reviews", "stories"];

const row = (over: Record<string, unknown> = {}): string => JSON.stringify({
  id: "test-model-2026-0001", text: "A short machine-written passage.", label: "machine", domain: "news", model: "test-model",
  generator: "scripts/example.ts", prompt: "Write a news story.", style: "default", temperature: 0.7, created: "2026-11-25T22:30:00Z",
  ...over,
});

describe("training-data/ (the project's own machine text)", () => {
  it("every committed row is valid, ids are unique and no text appears twice", () => {
    const files = readTrainingData();
    const rows = files.flatMap((f) => f.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.text.trim())).size).toBe(rows.length);
    for (const r of rows) expect(r.prompt.length, r.id).toBeGreaterThan(10);
  });

  it("each genre falls in the fold of a human counterpart, so no fold ever trains on its own genre", () => {
    for (const d of TRAINING_DOMAINS) expect(HUMAN_FOLDS, d).toContain(groupOf(d));
  });

  describe("a bad file is refused with its name and line", () => {
    let dir = "";
    afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });
    const write = (files: Record<string, string>): string => {
      dir = mkdtempSync(path.join(tmpdir(), "penprint-training-"));
      for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
      return dir;
    };

    it("reads good rows and skips blank lines", () => {
      const d = write({ "a.jsonl": `${row()}\n\n${row({ id: "test-model-2026-0002", temperature: null })}\n` });
      expect(readTrainingData(d)[0]?.rows.map((r) => r.id)).toEqual(["test-model-2026-0001", "test-model-2026-0002"]);
    });
    it("a missing prompt", () => {
      const d = write({ "a.jsonl": `${row()}\n${row({ id: "x-2", prompt: undefined })}\n` });
      expect(() => readTrainingData(d)).toThrow(/^a\.jsonl:2: prompt: /);
    });
    it("a human label, an unknown genre, an empty text, an unknown key", () => {
      expect(() => readTrainingData(write({ "a.jsonl": row({ label: "human" }) }))).toThrow(/a\.jsonl:1: label/);
      expect(() => readTrainingData(write({ "b.jsonl": row({ domain: "blog" }) }))).toThrow(/b\.jsonl:1: domain/);
      expect(() => readTrainingData(write({ "c.jsonl": row({ text: "  " }) }))).toThrow(/c\.jsonl:1: text: empty text/);
      expect(() => readTrainingData(write({ "d.jsonl": row({ source: "x" }) }))).toThrow(/d\.jsonl:1/);
    });
    it("broken JSON", () => {
      expect(() => readTrainingData(write({ "a.jsonl": `${row()}\n{"id": ` }))).toThrow("a.jsonl:2: not valid JSON");
    });
    it("an id used twice, across files", () => {
      expect(() => readTrainingData(write({ "a.jsonl": row(), "b.jsonl": row() }))).toThrow("b.jsonl:1: id test-model-2026-0001 already used at a.jsonl:1");
    });
  });
});
