import type { AnalysisStatus } from "@/db/schema";

/**
 * How a saved analysis that is not ready yet is described to the writer (history, dashboard,
 * reopen page): long documents are analysed by a background job (lib/workspace/long-analysis.ts).
 */
export function pendingAnalysisWords(a: { status: AnalysisStatus; progress: number; error: string | null }): string | null {
  switch (a.status) {
    case "ready":
      return null;
    case "queued":
      return "Waiting to be analysed";
    case "running":
      return `Analysing… ${Math.floor(a.progress * 100)} %`;
    case "failed":
      return `Analysis failed: ${a.error ?? "unknown problem"}`;
  }
}
