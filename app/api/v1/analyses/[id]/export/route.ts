import { getAnalysis, isReadyAnalysis } from "@/db/queries/analyses";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { AppError, notFound } from "@/lib/errors";
import { exportAnalysis } from "@/lib/workspace/export-analysis";
import { analysisParamsSchema, exportQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** Download one saved analysis as JSON, CSV (one row per sentence), Markdown or HTML. */
export const GET = route({ params: analysisParamsSchema, query: exportQuerySchema }, async ({ params, query }) => {
  const user = await requireUser();
  const analysis = await getAnalysis({ id: params.id, userId: user.id });
  if (!analysis) throw notFound("This analysis does not exist.");
  // A long document's analysis is exported once its job has finished.
  if (!isReadyAnalysis(analysis)) {
    throw new AppError({
      status: 409,
      code: "analysis_not_ready",
      message: analysis.status === "failed" ? "This analysis failed, so there is nothing to export." : "This analysis is still running; export it when it is ready.",
    });
  }
  const file = exportAnalysis(analysis, query.format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      // The HTML report is a document of the writer's own text; it must never run scripts here.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
