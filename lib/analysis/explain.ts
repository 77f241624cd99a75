// Reasons: the features that pushed a score, phrased as deviations from human writing.
import { contribution, humanPercentile, normMedian, type Norm, type Prepared } from "./detector";
import { FEATURES } from "./features/registry";

export interface Reason {
  feature: string;
  description: string;
  value: number;
  /** median of human writing for this feature */
  norm: number;
  direction: "higher" | "lower";
  /** share of human texts with a lower value (0..1) */
  percentile: number;
  /** the deviation in words */
  message: string;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function phrase(description: string, direction: "higher" | "lower", percentile: number): string {
  const beyond = direction === "higher" ? percentile : 1 - percentile;
  const pct = Math.max(1, Math.min(99, Math.round(beyond * 100)));
  const cap = description.charAt(0).toUpperCase() + description.slice(1);
  if (pct >= 60) return `${cap}: ${direction} than in ${pct} % of human writing`;
  return `${cap}: ${direction} than typical of human writing`;
}

/**
 * Up to `limit` reasons for a score: model features whose contribution points toward
 * `towards` ("ai" = positive contributions, "human" = negative), largest first.
 */
export function explain(opts: {
  prepared: Prepared;
  values: Float64Array;
  z: Float64Array;
  towards: "ai" | "human";
  norms: Record<string, Norm>;
  limit?: number;
}): Reason[] {
  const { prepared, values, z, towards, norms, limit = 3 } = opts;
  const w = prepared.weights;
  const sign = towards === "ai" ? 1 : -1;
  const scored: { j: number; c: number }[] = [];
  for (let j = 0; j < z.length; j++) {
    const c = sign * contribution(w, j, z[j] ?? 0);
    if (c > 0.05) scored.push({ j, c });
  }
  scored.sort((x, y) => y.c - x.c || x.j - y.j);
  const out: Reason[] = [];
  for (const { j } of scored.slice(0, limit)) {
    const fi = prepared.index[j] ?? 0;
    const def = FEATURES[fi];
    const norm = def ? norms[def.name] : undefined;
    if (!def || !norm) continue;
    const value = values[fi] ?? 0;
    const percentile = humanPercentile(norm, w.quantileLevels, value);
    const median = normMedian(norm, w.quantileLevels);
    const direction = value >= median ? "higher" : "lower";
    out.push({
      feature: def.name,
      description: def.description,
      value: round(value),
      norm: round(median),
      direction,
      percentile: round(percentile),
      message: phrase(def.description, direction, percentile),
    });
  }
  return out;
}
