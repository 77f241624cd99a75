import { Inngest } from "inngest";
import { getEnv, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";

export const INNGEST_APP_ID = "penprint";

export type InngestClient = Inngest<{ id: typeof INNGEST_APP_ID }>;

/** A client for the given configuration; `baseUrl` points at a self-hosted Inngest server when set. */
export function createInngestClient(
  env: Pick<Env, "INNGEST_EVENT_KEY" | "INNGEST_BASE_URL" | "INNGEST_SIGNING_KEY"> = getEnv(),
): InngestClient {
  return new Inngest({
    id: INNGEST_APP_ID,
    ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
    ...(env.INNGEST_BASE_URL ? { baseUrl: env.INNGEST_BASE_URL } : {}),
    // Requests to /api/inngest are verified with this key (the route is not served without one).
    ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
    logger: logger.child({ component: "inngest" }),
  });
}

let cached: { signingKey: string | undefined; client: InngestClient } | undefined;

/**
 * The process's client, created on first use (not at import, so `next build` reads no configuration).
 * Only meaningful when INNGEST_SIGNING_KEY is set; without it jobs run in-process (inngest/in-process.ts).
 */
export function getInngest(): InngestClient {
  const env = getEnv();
  if (!cached || cached.signingKey !== env.INNGEST_SIGNING_KEY) {
    cached = { signingKey: env.INNGEST_SIGNING_KEY, client: createInngestClient(env) };
  }
  return cached.client;
}

export function isInngestConfigured(env: Pick<Env, "INNGEST_SIGNING_KEY"> = getEnv()): boolean {
  return Boolean(env.INNGEST_SIGNING_KEY);
}
