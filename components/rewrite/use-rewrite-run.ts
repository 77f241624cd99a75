"use client";

import { useEffect, useRef, useState } from "react";
import { describeFailure, type FailureView } from "./failure-message";
import type { RewriteRequest } from "./rewrite-protocol";
import { streamRewrite, type RewriteOutcome } from "./stream-rewrite";

export type RunPhase = "streaming" | "done" | "cancelled" | "failed";

/** One rewrite request and everything the panel shows about it. */
export interface RewriteRun {
  id: number;
  request: RewriteRequest;
  /** The passage sent, and where it sat in the editor's text when it was sent. */
  original: string;
  start: number;
  end: number;
  /** The rewrite as far as it has arrived. */
  output: string;
  tokens: number;
  model: string | null;
  parts: number;
  startedAt: number;
  /** Server-measured duration, once done. */
  finishedMs: number | null;
  endedAt: number | null;
  phase: RunPhase;
  failure: FailureView | null;
}

let nextId = 1;

function settle(run: RewriteRun, outcome: RewriteOutcome): RewriteRun {
  const endedAt = run.endedAt ?? Date.now();
  if (outcome.kind === "done") return { ...run, phase: "done", finishedMs: outcome.ms, endedAt, tokens: outcome.outputTokens ?? run.tokens };
  if (outcome.kind === "cancelled") return { ...run, phase: "cancelled", endedAt };
  return { ...run, phase: "failed", failure: describeFailure(outcome), endedAt };
}

/**
 * Runs rewrite requests one at a time: a new one, a cancel or leaving the page aborts the request
 * in flight (the server then aborts Ollama). Events of an older request are ignored.
 */
export function useRewriteRun() {
  const [run, setRun] = useState<RewriteRun | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  async function start({ request, original, start, end }: { request: RewriteRequest; original: string; start: number; end: number }) {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    const id = nextId++;
    const update = (f: (r: RewriteRun) => RewriteRun) => setRun((r) => (r && r.id === id ? f(r) : r));
    setRun({ id, request, original, start, end, output: "", tokens: 0, model: null, parts: 1, startedAt: Date.now(), finishedMs: null, endedAt: null, phase: "streaming", failure: null });
    const outcome = await streamRewrite(request, {
      signal: mine.signal,
      onEvent: (event) => {
        if (event.type === "start") update((r) => ({ ...r, model: event.model || null, parts: event.parts }));
        else if (event.type === "delta") update((r) => ({ ...r, output: r.output + event.text, tokens: r.tokens + 1 }));
      },
    });
    update((r) => (r.phase === "streaming" ? settle(r, outcome) : r));
    if (controller.current === mine) controller.current = null;
  }

  /** Stops the request at once; the status says so without waiting for the fetch to unwind. */
  function cancel() {
    controller.current?.abort();
    controller.current = null;
    setRun((r) => (r && r.phase === "streaming" ? { ...r, phase: "cancelled", endedAt: Date.now() } : r));
  }

  function clear() {
    controller.current?.abort();
    controller.current = null;
    setRun(null);
  }

  return { run, start, cancel, clear };
}
