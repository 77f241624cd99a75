import { getAnalysisJobState } from "@/db/queries/analyses";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { notFound } from "@/lib/errors";
import { json } from "@/lib/workspace/http";
import { ensureLongAnalysis } from "@/lib/workspace/long-analysis-jobs";
import { analysisParamsSchema } from "../schema";

export const dynamic = "force-dynamic";

/**
 * Where an analysis stands — `{ id, status, progress, error }` — polled by the editor and the
 * reopen page while a long document's job runs. Another writer's id answers 404.
 */
export const GET = route({ params: analysisParamsSchema }, async ({ params }) => {
  const user = await requireUser();
  const state = await getAnalysisJobState({ id: params.id, userId: user.id });
  if (!state) throw notFound("This analysis does not exist.");
  ensureLongAnalysis({ analysisId: state.id, userId: user.id, status: state.status });
  return json({ id: state.id, status: state.status, progress: state.progress, error: state.error, wordCount: state.wordCount });
});
