"use client";

import { Fragment, useDeferredValue, useMemo } from "react";
import { previewSegments, type Segment } from "./changes";
import styles from "./rewrite-panel.module.css";

const short = (text: string) => {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return text.includes("\n") ? "a line break" : "a space";
  return t.length > 60 ? `“${t.slice(0, 57)}…”` : `“${t}”`;
};

/** Names a change for a screen reader (the visible diff carries the same through strike and underline). */
export function changeLabel(change: Extract<Segment, { kind: "change" }>, index: number, total: number): string {
  const what = !change.removed ? `add ${short(change.added)}` : !change.added ? `remove ${short(change.removed)}` : `replace ${short(change.removed)} with ${short(change.added)}`;
  return `Change ${index + 1} of ${total}: ${what}`;
}

/** Whitespace-only text made visible, so a change of line breaks still has something to see and click. */
function shown(text: string): string {
  return text !== "" && text.trim() === "" ? (text.includes("\n") ? `¶${text}` : "·") : text;
}

export function DiffLegend({ review = false }: { review?: boolean }) {
  return (
    <p className={styles.legend}>
      <del>Struck through</del>: taken out. <ins>Underlined</ins>: put in.{" "}
      {review ? (
        <>✓ accepted change; ✗ rejected change (your original stays).</>
      ) : (
        <>
          <span className={styles.aheadSample}>Grey</span>: not rewritten yet.
        </>
      )}
    </p>
  );
}

/** The rewrite as it streams in, diffed against the original; the part of the original not yet reached stays grey. */
export function StreamingDiff({ original, output, partial }: { original: string; output: string; partial: boolean }) {
  const deferred = useDeferredValue(output);
  const { segments, ahead } = useMemo(() => previewSegments(original, deferred), [original, deferred]);
  return (
    <div className={styles.diff} data-testid="rewrite-diff" data-partial={partial ? "true" : undefined}>
      {segments.map((s, i) =>
        s.kind === "same" ? (
          <Fragment key={i}>{s.text}</Fragment>
        ) : (
          <Fragment key={i}>
            {s.removed ? <del>{shown(s.removed)}</del> : null}
            {s.added ? <ins>{s.added}</ins> : null}
          </Fragment>
        ),
      )}
      {partial ? null : <span className={styles.caret} aria-hidden="true" />}
      {ahead ? (
        <span className={styles.ahead} data-testid="rewrite-ahead">
          <span className="visually-hidden">Not rewritten{partial ? "" : " yet"}: </span>
          {ahead}
        </span>
      ) : null}
    </div>
  );
}

/** The finished rewrite: each change is a toggle (Tab to it, Enter or Space) between taking the rewrite and keeping the original. */
export function ReviewDiff({ segments, accepted, onToggle }: { segments: Segment[]; accepted: ReadonlySet<number>; onToggle: (id: number) => void }) {
  const total = segments.filter((s) => s.kind === "change").length;
  return (
    <div className={styles.diff} data-testid="rewrite-diff" role="group" aria-label={`The rewrite, with ${total} change${total === 1 ? "" : "s"} to accept or reject`}>
      {segments.map((s, i) => {
        if (s.kind === "same") return <Fragment key={i}>{s.text}</Fragment>;
        const on = accepted.has(s.id);
        return (
          <span
            key={i}
            role="button"
            tabIndex={0}
            aria-pressed={on}
            aria-label={changeLabel(s, s.id, total)}
            title={on ? "Accepted: press to keep the original instead" : "Rejected: press to take the rewrite"}
            className={`${styles.change} ${on ? styles.accepted : styles.rejected}`}
            data-testid="rewrite-change"
            data-accepted={on ? "true" : "false"}
            onClick={() => onToggle(s.id)}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                onToggle(s.id);
              }
            }}
          >
            <span className={styles.marker} aria-hidden="true">
              {on ? "✓" : "✗"}
            </span>
            {on ? (
              <>
                {s.removed ? <del>{shown(s.removed)}</del> : null}
                {s.added ? <ins>{shown(s.added)}</ins> : null}
              </>
            ) : (
              <>
                {s.removed ? <span>{s.removed}</span> : null}
                {s.added ? <del className={styles.dropped}>{shown(s.added)}</del> : null}
              </>
            )}
          </span>
        );
      })}
    </div>
  );
}
