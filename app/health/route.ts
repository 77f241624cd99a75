import { route } from "@/lib/api/route-handler";
import { checkHealth, defaultHealthProbes } from "@/lib/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Component health: 200 when ok or degraded (an optional service is down), 503 when the database is down. */
export const GET = route({}, async () => {
  const report = await checkHealth(await defaultHealthProbes());
  const down = report.status === "down";
  return Response.json(report, {
    status: down ? 503 : 200,
    headers: { "cache-control": "no-store", ...(down ? { "retry-after": "10" } : {}) },
  });
});
