import { getDatabase } from "@/db/client";
import { route } from "@/lib/api/route-handler";
import { unavailable } from "@/lib/errors";
import { checkReadiness } from "@/lib/health";
import { readiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** 200 once migrations have run and the database answers; until then 503 with Retry-After. */
export const GET = route({}, async () => {
  const report = await checkReadiness(readiness, getDatabase);
  if (!report.ready) throw unavailable(5, report.reason, "not_ready");
  return Response.json({ status: "ready" }, { headers: { "cache-control": "no-store" } });
});
