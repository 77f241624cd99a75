import { DEFAULT_WEIGHTS, FEATURES, machineBand, quantileAt, type FeatureDef } from "@/lib/analysis";
import { tiedPercentile, type FeaturePosition } from "./voice";

/**
 * The fingerprint chart's data and geometry: each feature on one axis, the percentile of human
 * writing (0–100), so features of any unit line up. On it: the writer's value, the middle half of
 * human writing (25th–75th percentile) and where the middle half and median of machine text fall
 * among human writing. Pure, so the geometry and the sentences are tested without a browser.
 */
export interface NormComparison extends FeaturePosition {
  unit: FeatureDef["unit"];
  /** human 25th and 75th percentile values */
  humanLow: number;
  humanHigh: number;
  /** machine-text quartiles and median (values), null when the table has no such feature */
  machine: { low: number; median: number; high: number } | null;
  /** the same, as percentiles of human writing (0..1), for the chart's axis */
  machineAt: { low: number; median: number; high: number } | null;
}

export function compareWithNorms(p: FeaturePosition): NormComparison {
  const levels = DEFAULT_WEIGHTS.quantileLevels;
  const human = DEFAULT_WEIGHTS.norms[p.feature]?.quantiles ?? [];
  const machine = machineBand(p.feature);
  const at = (x: number) => tiedPercentile(human, levels, x);
  return {
    ...p,
    unit: FEATURES.find((f) => f.name === p.feature)?.unit ?? "number",
    humanLow: quantileAt(human, levels, 0.25),
    humanHigh: quantileAt(human, levels, 0.75),
    machine,
    machineAt: machine ? { low: at(machine.low), median: at(machine.median), high: at(machine.high) } : null,
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const number = (x: number) => (x === 0 ? "0" : Math.abs(x) >= 10 ? x.toFixed(1) : Number(x.toPrecision(2)).toString());
const SUFFIX: Record<FeatureDef["unit"], string> = { share: " %", per100: " per 100 words", number: "" };
const scaled = (x: number, unit: FeatureDef["unit"]) => number(unit === "share" ? x * 100 : x);

/** A feature value as people read it: shares as percentages, rates per 100 words. */
export const formatValue = (x: number, unit: FeatureDef["unit"] = "number") => `${scaled(x, unit)}${SUFFIX[unit]}`;
/** "0.3–0.42 per 100 words", or one value when both ends print the same. */
export const formatRange = (a: number, b: number, unit: FeatureDef["unit"] = "number") =>
  scaled(a, unit) === scaled(b, unit) ? formatValue(a, unit) : `${scaled(a, unit)}–${scaled(b, unit)}${SUFFIX[unit]}`;

/** One plain sentence per feature: where the writer sits among human writing, and where machine text usually sits. */
export function normSentence(c: NormComparison): string {
  const higher = c.percentile >= 0.5;
  const share = Math.round((higher ? c.percentile : 1 - c.percentile) * 100);
  const you =
    share < 60
      ? `${cap(c.description)}: yours (${formatValue(c.value, c.unit)}) is typical of human writing, whose middle half lies at ${formatRange(c.humanLow, c.humanHigh, c.unit)}.`
      : `${cap(c.description)}: yours (${formatValue(c.value, c.unit)}) is ${higher ? "higher" : "lower"} than in ${share} % of human writing, whose middle half lies at ${formatRange(c.humanLow, c.humanHigh, c.unit)}.`;
  if (!c.machine) return you;
  const m = c.machine;
  const where = c.value > m.high ? "above" : c.value < m.low ? "below" : "within";
  const band = formatRange(m.low, m.high, c.unit);
  const median = band === formatValue(m.median, c.unit) ? "" : ` (median ${formatValue(m.median, c.unit)})`;
  return `${you} Machine text usually sits at ${band}${median}; yours is ${where} ${median ? "that range" : "it"}.`;
}

/** Breaks a label into lines of at most `max` characters at spaces (a longer word gets its own line, unbroken). */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ChartGeometry {
  width: number;
  height: number;
  trackStart: number;
  trackEnd: number;
  /** x of a percentile (0..1) of human writing */
  x: (p: number) => number;
  rows: {
    comparison: NormComparison;
    label: string[];
    /** top of the row, the y of its track, and the baseline of the label's first line */
    top: number;
    y: number;
    labelY: number;
    you: number;
    human: [number, number];
    machine: { low: number; median: number; high: number } | null;
  }[];
  axisY: number;
}

export const CHART = { width: 720, labelWidth: 250, labelChars: 32, lineHeight: 16, rowPadding: 14, legendHeight: 64, axisHeight: 34, right: 24 };

/** Row heights grow with the label's lines, so no label is cut. */
export function chartGeometry(comparisons: NormComparison[], o = CHART): ChartGeometry {
  const trackStart = o.labelWidth + 12;
  const trackEnd = o.width - o.right;
  const x = (p: number) => trackStart + Math.min(1, Math.max(0, p)) * (trackEnd - trackStart);
  let top = o.legendHeight;
  const rows = comparisons.map((c) => {
    const label = wrapLabel(cap(c.description), o.labelChars);
    // Two marks stacked (human band on the track, machine band below it) need ~34 px.
    const height = Math.max(label.length * o.lineHeight, 34) + o.rowPadding;
    // The track sits a little above the middle: the machine bar hangs below it.
    const y = top + height / 2 - 6;
    const row = {
      comparison: c,
      label,
      top,
      y,
      labelY: y - ((label.length - 1) * o.lineHeight) / 2 + 4,
      you: x(c.percentile),
      human: [x(0.25), x(0.75)] as [number, number],
      machine: c.machineAt ? { low: x(c.machineAt.low), median: x(c.machineAt.median), high: x(c.machineAt.high) } : null,
    };
    top += height;
    return row;
  });
  return { width: o.width, height: top + o.axisHeight, trackStart, trackEnd, x, rows, axisY: top };
}
