import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { aiConfigFromEnv } from "@/lib/ai/config";
import { scoreRequestSchema, scoreRewrite } from "@/lib/ai/score";
import { json } from "@/lib/workspace/http";
import { enforceWorkspaceLimit } from "@/lib/workspace/rate-limits";

export const dynamic = "force-dynamic";

/** The engine's scores of an original and its rewrite, and whether the meaning was kept. */
export const POST = route({ body: scoreRequestSchema, maxBodyBytes: 2 * 1024 * 1024 }, async ({ body }) => {
  // Like analysing text, this stores nothing: an unverified account may use it (docs/accounts.md).
  const user = await requireUser();
  await enforceWorkspaceLimit({ action: "analysis", userId: user.id });
  return json(await scoreRewrite({ userId: user.id, input: body, config: aiConfigFromEnv() }));
});
