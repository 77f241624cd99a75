import { route } from "@/lib/api/route-handler";
import { metrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Prometheus text exposition of the process registry (requests are labelled by route pattern). */
export const GET = route({}, async () => {
  const body = await metrics.registry.metrics();
  return new Response(body, { headers: { "content-type": metrics.registry.contentType, "cache-control": "no-store" } });
});
