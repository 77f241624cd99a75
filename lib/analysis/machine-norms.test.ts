import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "./detector";
import { FEATURES } from "./features/registry";
import { MACHINE_NORMS, machineBand, quantileAt, type MachineNorms } from "./machine-norms";

describe("quantileAt", () => {
  const levels = [0.1, 0.5, 0.9];
  const q = [2, 4, 10];
  it("returns the table's value at a listed level and interpolates between levels", () => {
    expect(quantileAt(q, levels, 0.5)).toBe(4);
    expect(quantileAt(q, levels, 0.3)).toBeCloseTo(3, 10);
    expect(quantileAt(q, levels, 0.75)).toBeCloseTo(7.75, 10);
  });
  it("clamps outside the table's levels", () => {
    expect(quantileAt(q, levels, 0)).toBe(2);
    expect(quantileAt(q, levels, 1)).toBe(10);
    expect(quantileAt([], levels, 0.5)).toBe(0);
  });
});

describe("the shipped machine norms", () => {
  it("cover every registry feature with non-decreasing quantiles at the table's levels", () => {
    expect(MACHINE_NORMS.quantileLevels).toEqual(expect.arrayContaining([0.25, 0.5, 0.75, ...DEFAULT_WEIGHTS.quantileLevels]));
    for (const f of FEATURES) {
      const q = MACHINE_NORMS.norms[f.name]?.quantiles;
      // A new or changed registry feature needs the table rebuilt: `npm run build:norms`.
      expect(q, `${f.name} is missing from machine-norms.json: run npm run build:norms`).toHaveLength(MACHINE_NORMS.quantileLevels.length);
      for (let i = 1; i < (q?.length ?? 0); i++) expect(q?.[i], f.name).toBeGreaterThanOrEqual(q?.[i - 1] ?? 0);
    }
  });

  it("stays small enough to ship to browsers", async () => {
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(new URL("./tables/machine-norms.json", import.meta.url)).length).toBeLessThan(16_000);
  });

  it("differ from the human norms where chat models are known to differ", () => {
    const human = (name: string) => quantileAt(DEFAULT_WEIGHTS.norms[name]?.quantiles ?? [], DEFAULT_WEIGHTS.quantileLevels, 0.5);
    // Chat models reach for "delve", "pivotal", "crucial" … and rarely slip on spelling.
    expect(machineBand("excess_vocabulary_rate")?.median).toBeGreaterThan(human("excess_vocabulary_rate"));
    expect(machineBand("spelling_slip_rate")?.median).toBeLessThanOrEqual(human("spelling_slip_rate"));
  });
});

describe("machineBand", () => {
  const norms: MachineNorms = { version: 1, quantileLevels: [0.25, 0.5, 0.75], norms: { comma_rate: { quantiles: [3, 5, 8] } } };
  it("gives the quartiles and median of a feature", () => {
    expect(machineBand("comma_rate", norms)).toEqual({ low: 3, median: 5, high: 8 });
  });
  it("is null for a feature the table does not have", () => {
    expect(machineBand("no_such_feature", norms)).toBeNull();
  });
});
