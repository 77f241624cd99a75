import { describe, expect, it } from "vitest";
import { FEATURES } from "@/lib/analysis";
import { CHART, chartGeometry, compareWithNorms, formatRange, formatValue, normSentence, wrapLabel, type NormComparison } from "./norm-chart";
import { featurePositions } from "./voice";
import { EMAIL, ESSAY, FICTION } from "./test-texts";

const comparison = (over: Partial<NormComparison> = {}): NormComparison => ({
  feature: "sentence_length_spread",
  unit: "number",
  description: "how much sentence lengths vary (coefficient of variation)",
  value: 0.8,
  humanMedian: 0.5,
  percentile: 0.8,
  humanLow: 0.4,
  humanHigh: 0.6,
  machine: { low: 0.3, median: 0.35, high: 0.42 },
  machineAt: { low: 0.1, median: 0.15, high: 0.22 },
  ...over,
});

describe("wrapLabel", () => {
  it("wraps every registry description at spaces, nothing cut, no line longer than allowed", () => {
    for (const f of FEATURES) {
      const lines = wrapLabel(f.description, CHART.labelChars);
      expect(lines.join(" ")).toBe(f.description.split(/\s+/).join(" "));
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(CHART.labelChars);
    }
  });
  it("keeps a word longer than a line whole on its own line", () => {
    expect(wrapLabel("a supercalifragilistic word", 10)).toEqual(["a", "supercalifragilistic", "word"]);
  });
});

describe("chartGeometry", () => {
  const longest = [...FEATURES].sort((a, b) => b.description.length - a.description.length)[0]!;
  const rows = [
    comparison({ description: longest.description, feature: longest.name }),
    comparison({ percentile: 0, machine: null, machineAt: null }),
    comparison({ percentile: 1 }),
  ];
  const g = chartGeometry(rows);

  it("gives each row room for all its label lines, rows stacked without overlap, the axis below the last", () => {
    expect(g.rows[0]!.label.length).toBeGreaterThan(1);
    for (let i = 0; i < g.rows.length; i++) {
      const r = g.rows[i]!;
      const next = g.rows[i + 1]?.top ?? g.axisY;
      expect(next - r.top).toBeGreaterThanOrEqual(r.label.length * CHART.lineHeight);
      // the label block and the machine bar (down to y + 22) stay inside the row
      expect(r.labelY - 11).toBeGreaterThanOrEqual(r.top); // cap height of 13 px text
      expect(r.labelY + (r.label.length - 1) * CHART.lineHeight + 4).toBeLessThanOrEqual(next); // descenders
      expect(r.y + 22).toBeLessThanOrEqual(next);
    }
    expect(g.height).toBe(g.axisY + CHART.axisHeight);
  });

  it("places marks on the human-percentile axis: the human band at the quartiles, the writer and machine text where they sit", () => {
    expect(g.x(0)).toBe(g.trackStart);
    expect(g.x(1)).toBe(g.trackEnd);
    expect(g.x(2)).toBe(g.trackEnd);
    const r = g.rows[0]!;
    const span = g.trackEnd - g.trackStart;
    expect(r.human).toEqual([g.trackStart + 0.25 * span, g.trackStart + 0.75 * span]);
    expect(r.you).toBeCloseTo(g.trackStart + 0.8 * span, 6);
    expect(r.machine).toEqual({ low: g.x(0.1), median: g.x(0.15), high: g.x(0.22) });
    expect(g.rows[1]!.you).toBe(g.trackStart);
    expect(g.rows[1]!.machine).toBeNull();
  });
});

describe("normSentence", () => {
  it("says where the writer sits among human writing and where machine text usually sits", () => {
    expect(normSentence(comparison())).toBe(
      "How much sentence lengths vary (coefficient of variation): yours (0.8) is higher than in 80 % of human writing, whose middle half lies at 0.4–0.6. Machine text usually sits at 0.3–0.42 (median 0.35); yours is above that range.",
    );
    expect(normSentence(comparison({ value: 0.32, percentile: 0.05 }))).toMatch(/lower than in 95 % of human writing.*yours is within that range\.$/);
    expect(normSentence(comparison({ unit: "per100", value: 0.3, humanLow: 0, humanHigh: 0, machine: { low: 0, median: 0, high: 0 } }))).toBe(
      "How much sentence lengths vary (coefficient of variation): yours (0.3 per 100 words) is higher than in 80 % of human writing, whose middle half lies at 0 per 100 words. Machine text usually sits at 0 per 100 words; yours is above it.",
    );
    expect(normSentence(comparison({ value: 0.5, percentile: 0.52, machine: null, machineAt: null }))).toBe(
      "How much sentence lengths vary (coefficient of variation): yours (0.5) is typical of human writing, whose middle half lies at 0.4–0.6.",
    );
  });
});

describe("formatValue and formatRange", () => {
  it("print shares as percentages and rates per 100 words", () => {
    expect(formatValue(0.046, "share")).toBe("4.6 %");
    expect(formatRange(0.011, 0.046, "share")).toBe("1.1–4.6 %");
    expect(formatRange(0.083, 1.7, "per100")).toBe("0.083–1.7 per 100 words");
    expect(formatRange(0, 0, "per100")).toBe("0 per 100 words");
    expect(formatValue(84.83)).toBe("84.8");
  });
});

describe("compareWithNorms on a real writer", () => {
  const comparisons = featurePositions([ESSAY, EMAIL, FICTION].join("\n\n")).map(compareWithNorms);
  it("has machine and human bands for every feature shown, in order", () => {
    for (const c of comparisons) {
      expect(c.machine, c.feature).not.toBeNull();
      expect(c.humanLow).toBeLessThanOrEqual(c.humanHigh);
      expect(c.machine!.low).toBeLessThanOrEqual(c.machine!.median);
      expect(c.machine!.median).toBeLessThanOrEqual(c.machine!.high);
      expect(c.machineAt!.low).toBeLessThanOrEqual(c.machineAt!.high);
    }
  });
  it("places machine text's overused vocabulary above most human writing", () => {
    const excess = comparisons.find((c) => c.feature === "excess_vocabulary_rate");
    expect(excess?.machineAt?.median).toBeGreaterThan(0.5);
  });
});
