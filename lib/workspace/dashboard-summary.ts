import type { Database } from "@/db/client";
import { countSavedAnalyses, listAnalyses } from "@/db/queries/analyses";
import { countDrafts, listDrafts } from "@/db/queries/drafts";
import { getFingerprint } from "@/db/queries/fingerprints";
import { getSampleTotals } from "@/db/queries/samples";
import { summarizeFingerprint } from "./fingerprint-summary";

/**
 * What the dashboard shows (issue 5, item 6): recent analyses and drafts, counts, the overall
 * fingerprint's confidence, and the next steps for a writer who is just starting.
 */
export async function getDashboardSummary({ userId, db }: { userId: string; db?: Database }) {
  const [recentAnalyses, recentDrafts, analyses, drafts, samples, overallRow] = await Promise.all([
    listAnalyses({ userId, limit: 5 }, db),
    listDrafts({ userId, limit: 5 }, db),
    countSavedAnalyses({ userId }, db),
    countDrafts({ userId }, db),
    getSampleTotals({ userId }, db),
    getFingerprint({ userId, scope: "overall" }, db),
  ]);
  const fingerprint = overallRow ? summarizeFingerprint(overallRow) : null;
  const nextSteps: { id: string; text: string; href: string }[] = [];
  if (samples.samples === 0) nextSteps.push({ id: "add-samples", text: "Add three samples of your own writing to build your fingerprint.", href: "/samples" });
  else if (fingerprint?.advice) nextSteps.push({ id: "more-samples", text: fingerprint.advice, href: "/samples" });
  if (drafts === 0 && analyses === 0) nextSteps.push({ id: "first-draft", text: "Write or paste something in the editor and watch the heat map.", href: "/editor" });
  if (analyses === 0) nextSteps.push({ id: "first-save", text: "Save an analysis to keep it in your history and export a report.", href: "/editor" });
  return {
    recentAnalyses: recentAnalyses.items,
    recentDrafts,
    counts: { analyses, drafts, samples: samples.samples, sampleWords: samples.words },
    fingerprint,
    nextSteps,
  };
}
