export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The process is up and serving requests; nothing else is checked (that is /ready and /health). */
export function GET(): Response {
  return Response.json({ status: "live" }, { headers: { "cache-control": "no-store" } });
}
