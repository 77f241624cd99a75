import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { rateLimited } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limiter-factory";

/**
 * Per-writer limits on the workspace's costly requests: uploads are parsed (PDF, Word), analyses
 * run the engine on the server, autosaves write the database. Generous for a person typing or
 * uploading a folder; they stop a runaway script.
 */
export const WORKSPACE_LIMITS = {
  upload: { points: 60, durationSeconds: 60 },
  analysis: { points: 30, durationSeconds: 60 },
  "draft-save": { points: 180, durationSeconds: 60 },
} as const;

export type WorkspaceAction = keyof typeof WORKSPACE_LIMITS;

const holder = globalThis as unknown as { __penprintWorkspaceLimiters?: Map<WorkspaceAction, RateLimiterAbstract> };

function limiterFor(action: WorkspaceAction): RateLimiterAbstract {
  const limiters = (holder.__penprintWorkspaceLimiters ??= new Map());
  let limiter = limiters.get(action);
  if (!limiter) {
    limiter = createRateLimiter({ keyPrefix: `workspace:${action}`, ...WORKSPACE_LIMITS[action] });
    limiters.set(action, limiter);
  }
  return limiter;
}

/** Spends one point of the writer's limit for `action`, or throws 429 with the wait. */
export async function enforceWorkspaceLimit(
  { action, userId, limiter = limiterFor(action) }: { action: WorkspaceAction; userId: string; limiter?: RateLimiterAbstract },
): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    const ms = (rejection as { msBeforeNext?: number }).msBeforeNext ?? 1000;
    throw rateLimited(ms / 1000, "Too many requests in a short time. Please wait a moment and try again.");
  }
}
