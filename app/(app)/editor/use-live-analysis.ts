"use client";

import { useEffect, useState } from "react";
import { analyze, type Analysis } from "@/lib/analysis";
import { firstWords, LIVE_ANALYSIS_WORDS } from "@/lib/workspace/live-analysis-limit";

const ANALYSIS_DELAY_MS = 250;

export interface LiveAnalysis {
  analysis: Analysis | null;
  /** The text the analysis is of: the whole text, or its first LIVE_ANALYSIS_WORDS words. */
  analysedText: string;
  /** Words beyond LIVE_ANALYSIS_WORDS were left out of the live view (saving analyses them). */
  truncated: boolean;
  ms: number | null;
}

const EMPTY: LiveAnalysis = { analysis: null, analysedText: "", truncated: false, ms: null };

/** The engine's analysis of the text, recomputed (debounced) as the writer types, in the browser. */
export function useLiveAnalysis(text: string): LiveAnalysis {
  const [state, setState] = useState<LiveAnalysis>(EMPTY);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (text.trim() === "") return setState(EMPTY);
      const started = performance.now();
      const live = firstWords(text, LIVE_ANALYSIS_WORDS);
      const analysis = analyze(live.text);
      setState({ analysis, analysedText: live.text, truncated: live.truncated, ms: performance.now() - started });
    }, ANALYSIS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return state;
}
