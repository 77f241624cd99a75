import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { aiConfigFromEnv } from "@/lib/ai/config";
import { rewriteRequestSchema, startRewrite } from "@/lib/ai/rewrite";
import { setAuditAction } from "@/lib/server/request-context";

export const dynamic = "force-dynamic";

/** Streams a rewrite of the writer's text as NDJSON (protocol in lib/ai/rewrite.ts and the README). */
export const POST = route({ body: rewriteRequestSchema }, async ({ body, request }) => {
  // A rewrite stores nothing (the editor's draft does): unverified accounts may rewrite, as they may analyse.
  const user = await requireUser();
  setAuditAction({ action: "rewrite.start" });
  return startRewrite({ userId: user.id, input: body, signal: request.signal, config: aiConfigFromEnv() });
});
