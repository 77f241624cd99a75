import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { getEnv } from "@/lib/env";
import { rewriteLimiter } from "./rate-limit";

/** Everything the rewrite services need from the configuration; tests build their own. */
export interface AiConfig {
  baseUrl: string;
  defaultModel: string;
  embedModel?: string;
  timeoutMs: number;
  maxWords: number;
  limiter: RateLimiterAbstract;
  db?: Database;
}

export function aiConfigFromEnv(): AiConfig {
  const env = getEnv();
  return {
    baseUrl: env.OLLAMA_BASE_URL,
    defaultModel: env.OLLAMA_MODEL,
    ...(env.OLLAMA_EMBED_MODEL ? { embedModel: env.OLLAMA_EMBED_MODEL } : {}),
    timeoutMs: env.OLLAMA_TIMEOUT_SECONDS * 1000,
    maxWords: env.REWRITE_MAX_WORDS,
    limiter: rewriteLimiter(env.REWRITE_RATE_LIMIT_PER_MINUTE),
  };
}
