"use client";

import { Fragment, useId, useState } from "react";
import styles from "./heat-map.module.css";

export interface HeatSentence {
  start: number;
  end: number;
  aiProbability: number;
  reasons: { message?: string; description?: string }[];
}

const band = (p: number) => (p >= 0.75 ? "high" : p >= 0.5 ? "medium" : "low");
const BAND_WORDS = { low: "reads as human", medium: "somewhat machine-like", high: "strongly machine-like" } as const;
const pct = (p: number) => `${Math.round(p * 100)} %`;

/**
 * The text with each sentence tinted and underlined by its machine likelihood. Every sentence can
 * be focused with the keyboard; hovering or focusing it shows its likelihood and reasons in the
 * panel below (a live region), so nothing depends on colour or on a mouse.
 */
export function HeatMap({ text, sentences }: { text: string; sentences: HeatSentence[] }) {
  const [active, setActive] = useState<number | null>(null);
  const panelId = useId();
  const pieces: React.ReactNode[] = [];
  let cursor = 0;
  sentences.forEach((s, i) => {
    if (s.start > cursor) pieces.push(<Fragment key={`g${i}`}>{text.slice(cursor, s.start)}</Fragment>);
    const b = band(s.aiProbability);
    pieces.push(
      <span
        key={`s${i}`}
        tabIndex={0}
        className={`${styles.sentence} ${styles[b]} ${active === i ? styles.active : ""}`}
        aria-describedby={active === i ? panelId : undefined}
        aria-label={`Sentence ${i + 1}, ${pct(s.aiProbability)} machine-like`}
        data-testid="heat-sentence"
        data-band={b}
        onMouseEnter={() => setActive(i)}
        onFocus={() => setActive(i)}
      >
        {text.slice(s.start, s.end)}
      </span>,
    );
    cursor = Math.max(cursor, s.end);
  });
  if (cursor < text.length) pieces.push(<Fragment key="tail">{text.slice(cursor)}</Fragment>);
  const current = active !== null ? sentences[active] : undefined;

  return (
    <div>
      <ul className={styles.legend} aria-label="Legend">
        <li>
          <span className={`${styles.swatch} ${styles.low}`}>plain</span> below 50 %: reads as human
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.medium}`}>dashed</span> 50–75 %: somewhat machine-like
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.high}`}>solid</span> above 75 %: strongly machine-like
        </li>
      </ul>
      <p className={styles.text} data-testid="heat-map">
        {pieces}
      </p>
      <div id={panelId} className={styles.panel} aria-live="polite" data-testid="sentence-reasons">
        {current ? (
          <>
            <p>
              <strong>
                Sentence {active! + 1}: {pct(current.aiProbability)} machine-like ({BAND_WORDS[band(current.aiProbability)]}).
              </strong>
            </p>
            {current.reasons.length > 0 ? (
              <ul>
                {current.reasons.map((r, j) => (
                  <li key={j}>{r.message ?? r.description}</li>
                ))}
              </ul>
            ) : (
              <p>No reasons stand out for this sentence.</p>
            )}
          </>
        ) : (
          <p>Hover over a sentence, or move to it with the Tab key, to see why it scored as it did.</p>
        )}
      </div>
    </div>
  );
}
