// Machine-text norms: per-feature quantiles over chat-model documents, the counterpart of the
// human norms in detector-weights.json. Built by scripts/build-machine-norms.ts
// (`npm run build:norms`); shown on the fingerprint charts, not used by the detector.
import table from "./tables/machine-norms.json";

export interface MachineNorms {
  version: number;
  quantileLevels: number[];
  norms: Record<string, { quantiles: number[] }>;
}

export const MACHINE_NORMS: MachineNorms = table;

/** The value at quantile `level`, interpolated linearly between the table's levels (clamped at its ends). */
export function quantileAt(quantiles: number[], levels: number[], level: number): number {
  if (quantiles.length === 0) return 0;
  if (level <= (levels[0] ?? 0)) return quantiles[0] ?? 0;
  for (let i = 1; i < levels.length; i++) {
    const l1 = levels[i] ?? 1;
    if (level <= l1) {
      const l0 = levels[i - 1] ?? 0;
      const q0 = quantiles[i - 1] ?? 0;
      const q1 = quantiles[i] ?? q0;
      return l1 > l0 ? q0 + ((level - l0) / (l1 - l0)) * (q1 - q0) : q1;
    }
  }
  return quantiles[quantiles.length - 1] ?? 0;
}

export interface MachineBand {
  low: number;
  median: number;
  high: number;
}

/** Where machine text sits on a feature: its quartiles (the middle half) and median; null for an unknown feature. */
export function machineBand(feature: string, norms: MachineNorms = MACHINE_NORMS): MachineBand | null {
  const norm = norms.norms[feature];
  if (!norm) return null;
  const at = (level: number) => quantileAt(norm.quantiles, norms.quantileLevels, level);
  return { low: at(0.25), median: at(0.5), high: at(0.75) };
}
