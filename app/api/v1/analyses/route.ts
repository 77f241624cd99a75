import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { setAuditAction } from "@/lib/server/request-context";
import { analysisDto } from "@/lib/workspace/dto";
import { json } from "@/lib/workspace/http";
import { enforceWorkspaceLimit } from "@/lib/workspace/rate-limits";
import { saveAnalysis } from "@/lib/workspace/save-analysis";
import { ANALYSIS_BODY_BYTES, analysisCreateSchema, analysisListQuerySchema } from "./schema";
import { listHistory } from "@/lib/workspace/history";

export const dynamic = "force-dynamic";

/** History: saved analyses, newest first, with search and filters. */
export const GET = route({ query: analysisListQuerySchema }, async ({ query }) => {
  const user = await requireUser();
  const { items, total } = await listHistory({ userId: user.id, query });
  return json({ analyses: items.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })), total });
});

/** Saves an analysis: the engine runs here, and text, engine version and results are stored. */
export const POST = route({ body: analysisCreateSchema, maxBodyBytes: ANALYSIS_BODY_BYTES }, async ({ body }) => {
  const user = await requireUser({ verified: true });
  await enforceWorkspaceLimit({ action: "analysis", userId: user.id });
  const { row } = await saveAnalysis({ userId: user.id, text: body.text, title: body.title ?? null });
  setAuditAction({ action: "analysis.save", targetType: "analysis", targetId: row.id });
  return json({ analysis: analysisDto(row) }, 201);
});
