import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { setAuditAction } from "@/lib/server/request-context";
import { analysisDto } from "@/lib/workspace/dto";
import { json } from "@/lib/workspace/http";
import { enforceWorkspaceLimit } from "@/lib/workspace/rate-limits";
import { submitAnalysis } from "@/lib/workspace/submit-analysis";
import { ANALYSIS_BODY_BYTES, analysisCreateSchema, analysisListQuerySchema } from "./schema";
import { listHistory } from "@/lib/workspace/history";

export const dynamic = "force-dynamic";

/** History: saved analyses, newest first, with search and filters. */
export const GET = route({ query: analysisListQuerySchema }, async ({ query }) => {
  const user = await requireUser();
  const { items, total } = await listHistory({ userId: user.id, query });
  return json({ analyses: items.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })), total });
});

/**
 * Saves an analysis. Up to 20,000 words the engine runs here and the stored analysis is answered
 * (201); longer texts, up to 200,000 words, are queued for a background job: 202 with the job's
 * state and a `Location` to poll (`/api/v1/analyses/{id}/status`). Beyond that: 413.
 */
export const POST = route({ body: analysisCreateSchema, maxBodyBytes: ANALYSIS_BODY_BYTES }, async ({ body }) => {
  const user = await requireUser({ verified: true });
  await enforceWorkspaceLimit({ action: "analysis", userId: user.id });
  const submitted = await submitAnalysis({ userId: user.id, text: body.text, title: body.title ?? null });
  const { row } = submitted;
  setAuditAction({ action: "analysis.save", targetType: "analysis", targetId: row.id });
  if (submitted.kind === "ready") return json({ analysis: analysisDto(row) }, 201);
  const status = `/api/v1/analyses/${row.id}/status`;
  return Response.json(
    { analysis: { id: row.id, status: row.status, progress: row.progress, wordCount: row.wordCount } },
    { status: 202, headers: { "cache-control": "no-store", location: status } },
  );
});
