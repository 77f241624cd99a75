import { CHART, chartGeometry, compareWithNorms, formatRange, formatValue, normSentence } from "@/lib/workspace/norm-chart";
import type { FeaturePosition } from "@/lib/workspace/voice";
import styles from "../workspace.module.css";
import local from "./feature-chart.module.css";

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pct = (p: number) => `${Math.round(p * 100)}`;

/**
 * Where the writer sits on each feature, on one axis for all: the percentile of human writing.
 * Three marks per row, told apart by shape and pattern as well as colour: a round dot for the
 * writer, a hatched bar for the middle half of human writing, and a dotted bar with a diamond at
 * its median for machine text. A list of sentences and a table after the chart say the same.
 */
export function FeatureChart({ positions }: { positions: FeaturePosition[] }) {
  const comparisons = positions.map(compareWithNorms);
  const g = chartGeometry(comparisons);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <figure className={local.figure}>
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        width="100%"
        role="img"
        aria-labelledby="feature-chart-title feature-chart-desc"
        data-testid="feature-chart"
        className={local.chart}
      >
        <title id="feature-chart-title">Your features against human and machine writing</title>
        <desc id="feature-chart-desc">
          Each row is a feature, placed on the percentiles of human writing from 0 to 100. A round dot marks you, a hatched bar the middle
          half of human writing, and a dotted bar with a diamond the middle half and median of machine text. The sentences and the table
          after the chart give the same values.
        </desc>
        <defs>
          <pattern id="fc-human" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className={local.humanFill} />
            <line x1="0" y1="0" x2="0" y2="6" className={local.humanHatch} strokeWidth="2.5" />
          </pattern>
          <pattern id="fc-machine" width="5" height="5" patternUnits="userSpaceOnUse">
            <rect width="5" height="5" className={local.machineFill} />
            <circle cx="2.5" cy="2.5" r="1.1" className={local.machineDot} />
          </pattern>
        </defs>

        {/* legend */}
        <g transform="translate(0 8)" className={local.legend}>
          <circle cx={10} cy={10} r={7} className={local.you} />
          <text x={24} y={14}>You</text>
          <rect x={80} y={4} width={34} height={12} fill="url(#fc-human)" className={local.humanEdge} />
          <text x={120} y={14}>Middle half of human writing</text>
          <rect x={330} y={4} width={34} height={12} fill="url(#fc-machine)" className={local.machineEdge} />
          <path d="M 347 1 L 353 10 L 347 19 L 341 10 Z" className={local.machineMedian} />
          <text x={372} y={14}>Middle half of machine text, ◆ its median</text>
        </g>

        {ticks.map((t) => (
          <line key={t} x1={g.x(t)} x2={g.x(t)} y1={g.rows[0]?.top ?? 0} y2={g.axisY} className={t === 0.5 ? local.medianLine : local.grid} />
        ))}
        {ticks.map((t) => (
          <text key={t} x={g.x(t)} y={g.axisY + 16} textAnchor={t === 0 ? "start" : t === 1 ? "end" : "middle"} className={local.axis}>
            {t === 0.5 ? "50th: human median" : `${pct(t)}th`}
          </text>
        ))}
        <text x={g.trackEnd} y={g.axisY + 31} textAnchor="end" className={local.axis}>
          percentile of human writing
        </text>

        {g.rows.map((r) => (
          <g key={r.comparison.feature} data-feature={r.comparison.feature}>
            <text x={0} y={r.labelY} className={local.label}>
              {r.label.map((line, i) => (
                <tspan key={i} x={0} dy={i === 0 ? 0 : CHART.lineHeight}>
                  {line}
                </tspan>
              ))}
            </text>
            <line x1={g.trackStart} x2={g.trackEnd} y1={r.y} y2={r.y} className={local.track} />
            <rect x={r.human[0]} y={r.y - 6} width={r.human[1] - r.human[0]} height={12} rx={2} fill="url(#fc-human)" className={local.humanEdge} />
            {r.machine ? (
              <>
                <rect
                  x={r.machine.low}
                  y={r.y + 10}
                  width={Math.max(3, r.machine.high - r.machine.low)}
                  height={9}
                  rx={2}
                  fill="url(#fc-machine)"
                  className={local.machineEdge}
                />
                <path d={`M ${r.machine.median} ${r.y + 7} L ${r.machine.median + 6} ${r.y + 14.5} L ${r.machine.median} ${r.y + 22} L ${r.machine.median - 6} ${r.y + 14.5} Z`} className={local.machineMedian} />
              </>
            ) : null}
            <circle cx={r.you} cy={r.y} r={7} className={local.you} />
          </g>
        ))}
      </svg>
      <figcaption className={local.caption}>
        <ul className={local.sentences} data-testid="feature-chart-text">
          {comparisons.map((c) => (
            <li key={c.feature}>{normSentence(c)}</li>
          ))}
        </ul>
      </figcaption>
      <div className={local.tableWrap}>
        <table className={styles.table}>
          <caption className={styles.visuallyHidden}>The values in the chart</caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">You</th>
              <th scope="col">Your percentile of human writing</th>
              <th scope="col">Human middle half</th>
              <th scope="col">Machine middle half (median)</th>
            </tr>
          </thead>
          <tbody>
            {comparisons.map((c) => (
              <tr key={c.feature}>
                <th scope="row" style={{ fontWeight: "normal" }}>
                  {cap(c.description)}
                </th>
                <td>{formatValue(c.value, c.unit)}</td>
                <td>{pct(c.percentile)}</td>
                <td>{formatRange(c.humanLow, c.humanHigh, c.unit)}</td>
                <td>{c.machine ? `${formatRange(c.machine.low, c.machine.high, c.unit)} (${formatValue(c.machine.median, c.unit)})` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
