import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { getEnv } from "@/lib/env";
import { modelsOverview } from "@/lib/ai/models";
import { json } from "@/lib/workspace/http";

export const dynamic = "force-dynamic";

/** Models installed in Ollama, and the one this writer's rewrites use; 503 ollama_unreachable without Ollama. */
export const GET = route({}, async () => {
  const user = await requireUser();
  const env = getEnv();
  return json(await modelsOverview({ userId: user.id, baseUrl: env.OLLAMA_BASE_URL, defaultModel: env.OLLAMA_MODEL }));
});
