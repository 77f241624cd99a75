"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import forms from "@/components/forms/forms.module.css";
import styles from "./analysis-job-progress.module.css";

export interface AnalysisJobState {
  id: string;
  status: "queued" | "running" | "ready" | "failed";
  progress: number;
  error: string | null;
}

const POLL_MS = 1000;

/**
 * A long document's analysis while its background job runs: a progress bar fed by polling the
 * status endpoint every second, then a link to the analysis (editor) or a page refresh (reopen
 * page) when it is ready, or the job's error.
 */
export function AnalysisJobProgress({
  initial,
  words,
  whenReady,
}: {
  initial: AnalysisJobState;
  words: number;
  whenReady: "link" | "refresh";
}) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const pending = state.status === "queued" || state.status === "running";

  useEffect(() => {
    if (!pending) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/v1/analyses/${state.id}/status`, { cache: "no-store" });
        if (cancelled) return;
        if (!response.ok) return setPollError(`Could not check on the analysis (the server answered ${response.status}); still trying.`);
        const next = (await response.json()) as AnalysisJobState;
        if (cancelled) return;
        setPollError(null);
        setState(next);
        if (next.status === "ready" && whenReady === "refresh") router.refresh();
      } catch {
        if (!cancelled) setPollError("Could not reach the server; still trying.");
      }
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [pending, state.id, whenReady, router]);

  const percent = Math.floor(state.progress * 100);
  const wordsText = words.toLocaleString("en-US");
  if (state.status === "failed") {
    return (
      <p role="alert" className={forms.alert} data-testid="analysis-job" data-status="failed">
        The analysis of {wordsText} words failed: {state.error ?? "unknown problem"}
      </p>
    );
  }
  if (state.status === "ready") {
    return (
      <p role="status" className={forms.success} data-testid="analysis-job" data-status="ready">
        Analysis of {wordsText} words ready.{" "}
        {whenReady === "link" ? <Link href={`/history/${state.id}`}>Open the analysis</Link> : "Loading it…"}
      </p>
    );
  }
  const label = state.status === "queued" ? `Waiting to analyse ${wordsText} words… ${percent} %` : `Analysing ${wordsText} words… ${percent} %`;
  return (
    <div className={styles.box} data-testid="analysis-job" data-status={state.status}>
      <p className={styles.text}>
        {label}
      </p>
      <div
        role="progressbar"
        aria-label="Analysis progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
        className={styles.track}
        data-testid="analysis-job-progress"
      >
        <div className={styles.fill} style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.text}>
        Long documents are analysed in the background; you can leave this page and find the result in <Link href="/history">History</Link>.
      </p>
      {pollError ? <p className={forms.alert}>{pollError}</p> : null}
    </div>
  );
}
