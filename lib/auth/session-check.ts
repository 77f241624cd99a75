import type { Database } from "@/db/client";
import { getActiveSession, touchSession } from "@/db/queries/sessions";
import type { PublicUser } from "@/db/queries/users";
import { SESSION_MAX_AGE_MS, SESSION_TOUCH_INTERVAL_MS } from "./session-policy";

/**
 * The one session check, run on every session read (requireUser for handlers, actions and pages; the
 * Auth.js `jwt` callback when Auth.js itself reads the session): the user behind a cookie, or null when
 * its server-side row is missing, revoked or expired. A live session slides to 30 days from now
 * (written at most every few minutes).
 */
export async function checkSession(
  { db, userId, sessionId, now }: { db: Database; userId: string; sessionId: string; now: Date },
): Promise<PublicUser | null> {
  const active = await getActiveSession({ userId, sessionId, now }, db);
  if (!active) return null;
  if (now.getTime() - active.session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession({ userId, sessionId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS), now }, db);
  }
  return active.user;
}
