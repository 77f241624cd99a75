import type { FeaturePosition } from "@/lib/workspace/voice";
import styles from "../workspace.module.css";

const ROW = 34;
const LABEL = 250;
const WIDTH = 640;
const TRACK = WIDTH - LABEL - 20;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const short = (s: string) => cap(s.replace(/\s*\(.*\)$/, "")).slice(0, 38);
const fmt = (x: number) => (x === 0 ? "0" : Math.abs(x) >= 10 ? x.toFixed(1) : Number(x.toPrecision(2)).toString());

/**
 * Where the writer sits among human writing on each feature: a track from the 0th to the 100th
 * percentile, the human median marked at the middle. The table below says the same in text.
 */
export function FeatureChart({ positions }: { positions: FeaturePosition[] }) {
  const height = positions.length * ROW + 30;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby="feature-chart-title feature-chart-desc" data-testid="feature-chart">
        <title id="feature-chart-title">Your features as percentiles of human writing</title>
        <desc id="feature-chart-desc">
          For each feature a dot marks your percentile among human texts; the dashed line marks the human median (50th percentile). The
          table after the chart gives the same values.
        </desc>
        <line x1={LABEL + TRACK / 2} x2={LABEL + TRACK / 2} y1={4} y2={height - 24} stroke="currentColor" strokeDasharray="4 4" opacity={0.6} />
        <text x={LABEL} y={height - 6} fontSize={12} fill="currentColor">
          0th
        </text>
        <text x={LABEL + TRACK / 2} y={height - 6} fontSize={12} fill="currentColor" textAnchor="middle">
          human median
        </text>
        <text x={LABEL + TRACK} y={height - 6} fontSize={12} fill="currentColor" textAnchor="end">
          100th
        </text>
        {positions.map((p, i) => {
          const y = i * ROW + 20;
          const x = LABEL + p.percentile * TRACK;
          return (
            <g key={p.feature}>
              <text x={0} y={y + 4} fontSize={13} fill="currentColor">
                {short(p.description)}
              </text>
              <line x1={LABEL} x2={LABEL + TRACK} y1={y} y2={y} stroke="currentColor" opacity={0.25} strokeWidth={6} strokeLinecap="round" />
              <circle cx={x} cy={y} r={7} fill="var(--accent)" stroke="var(--surface)" strokeWidth={2} />
            </g>
          );
        })}
      </svg>
      <table className={styles.table} style={{ marginTop: "var(--space-4)" }}>
        <caption className={styles.visuallyHidden}>The values in the chart</caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">You</th>
            <th scope="col">Human median</th>
            <th scope="col">Your percentile</th>
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.feature}>
              <th scope="row" style={{ fontWeight: "normal" }}>
                {cap(p.description)}
              </th>
              <td>{fmt(p.value)}</td>
              <td>{fmt(p.humanMedian)}</td>
              <td>{Math.round(p.percentile * 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
