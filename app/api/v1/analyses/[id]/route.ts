import { deleteAnalysis, getAnalysis } from "@/db/queries/analyses";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { notFound } from "@/lib/errors";
import { setAuditAction } from "@/lib/server/request-context";
import { analysisDto } from "@/lib/workspace/dto";
import { json } from "@/lib/workspace/http";
import { analysisParamsSchema } from "./schema";

export const dynamic = "force-dynamic";

/** The analysis exactly as saved (never re-run, so an engine update does not change it). */
export const GET = route({ params: analysisParamsSchema }, async ({ params }) => {
  const user = await requireUser();
  const analysis = await getAnalysis({ id: params.id, userId: user.id });
  if (!analysis) throw notFound("This analysis does not exist.");
  return json({ analysis: analysisDto(analysis) });
});

export const DELETE = route({ params: analysisParamsSchema }, async ({ params }) => {
  const user = await requireUser({ verified: true });
  if (!(await deleteAnalysis({ id: params.id, userId: user.id }))) throw notFound("This analysis does not exist.");
  setAuditAction({ action: "analysis.delete", targetType: "analysis", targetId: params.id });
  return new Response(null, { status: 204 });
});
