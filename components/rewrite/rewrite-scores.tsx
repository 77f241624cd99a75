"use client";

import { useEffect, useState } from "react";
import type { RewriteRegister, RewriteScores as Scores, TextScore } from "./rewrite-protocol";
import styles from "./rewrite-panel.module.css";

const pct = (p: number) => `${Math.round(p * 100)} %`;

const VERDICTS: Record<string, string> = { human: "reads as human", ai: "reads as machine-made", mixed: "mixed", uncertain: "uncertain" };

/** The server may send the voice match as a probability or as the matcher's whole result. */
function voiceValue(score: TextScore): number | null {
  const v = score.voiceMatch as unknown;
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && typeof (v as { matchProbability?: unknown }).matchProbability === "number") return (v as { matchProbability: number }).matchProbability;
  return null;
}

type State = { status: "loading" } | { status: "ready"; scores: Scores } | { status: "error"; message: string };

/** The engine's scores for the original and the full rewrite, side by side, asked for once the rewrite is finished. */
export function RewriteScores({ original, rewrite, register }: { original: string; rewrite: string; register: RewriteRegister }) {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      try {
        const response = await fetch("/api/v1/rewrite/score", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ original, rewrite, register }),
          signal: controller.signal,
        });
        const body = (await response.json().catch(() => null)) as (Scores & { error?: { message?: string } }) | null;
        if (!response.ok || !body?.original) {
          setState({ status: "error", message: body?.error?.message ?? `The scores could not be computed (the server answered ${response.status}).` });
          return;
        }
        setState({ status: "ready", scores: body });
      } catch {
        if (!controller.signal.aborted) setState({ status: "error", message: "The scores could not be fetched." });
      }
    })();
    return () => controller.abort();
  }, [original, rewrite, register]);

  if (state.status === "loading") {
    return (
      <p className={styles.meta} data-testid="rewrite-scores" data-status="loading">
        Scoring the original and the rewrite…
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <p className={styles.meta} data-testid="rewrite-scores" data-status="error">
        {state.message}
      </p>
    );
  }
  const { scores } = state;
  const voice = [voiceValue(scores.original), voiceValue(scores.rewrite)] as const;
  return (
    <div data-testid="rewrite-scores" data-status="ready" className={styles.scores}>
      <table className={styles.scoreTable}>
        <caption>Scores of the original and of the rewrite with every change</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Original</th>
            <th scope="col">Rewrite</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="rewrite-score-machine">
            <th scope="row">Machine likelihood (lower reads more human)</th>
            <td>
              {pct(scores.original.aiProbability)} <span className={styles.meta}>({VERDICTS[scores.original.verdict] ?? scores.original.verdict})</span>
            </td>
            <td>
              {pct(scores.rewrite.aiProbability)} <span className={styles.meta}>({VERDICTS[scores.rewrite.verdict] ?? scores.rewrite.verdict})</span>
            </td>
          </tr>
          <tr data-testid="rewrite-score-voice">
            <th scope="row">Match to my voice</th>
            <td>{voice[0] === null ? "no fingerprint" : pct(voice[0])}</td>
            <td>{voice[1] === null ? "no fingerprint" : pct(voice[1])}</td>
          </tr>
        </tbody>
      </table>
      {scores.meaning ? (
        scores.meaning.drifted ? (
          <p className={styles.warning} data-testid="rewrite-meaning" data-drifted="true">
            <strong>Warning: the meaning may have drifted.</strong> The rewrite is {pct(scores.meaning.similarity)} similar in meaning to the original
            (measured with {scores.meaning.model}). Read the changes closely before you accept them.
          </p>
        ) : (
          <p data-testid="rewrite-meaning" data-drifted="false">
            Meaning kept: {pct(scores.meaning.similarity)} similar to the original (measured with {scores.meaning.model}).
          </p>
        )
      ) : scores.meaningNote ? (
        <p className={styles.meta} data-testid="rewrite-meaning">
          {scores.meaningNote}
        </p>
      ) : null}
    </div>
  );
}
