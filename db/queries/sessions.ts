import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { sessions, users, type Session } from "../schema";
import { toPublicUser, type PublicUser } from "./users";

export async function createSession(
  { userId, expiresAt, ip = null, userAgent = null, now = new Date() }: {
    userId: string;
    expiresAt: Date;
    ip?: string | null;
    userAgent?: string | null;
    now?: Date;
  },
  db?: Database,
): Promise<Session> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .insert(sessions)
    .values({ userId, expiresAt, ip, userAgent: userAgent?.slice(0, 512) ?? null, createdAt: now, lastSeenAt: now })
    .returning();
  if (!row) throw new Error("session insert returned no row");
  return row;
}

/** The session and its user when the session belongs to that user, is not revoked and has not expired. */
export async function getActiveSession(
  { userId, sessionId, now = new Date() }: { userId: string; sessionId: string; now?: Date },
  db?: Database,
): Promise<{ session: Session; user: PublicUser } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
      ),
    )
    .limit(1);
  return row ? { session: row.session, user: toPublicUser(row.user) } : null;
}

/** Slides an active session: last seen now, expiring `expiresAt`. */
export async function touchSession(
  { userId, sessionId, expiresAt, now = new Date() }: { userId: string; sessionId: string; expiresAt: Date; now?: Date },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .update(sessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

export async function revokeSession(
  { userId, sessionId, now = new Date() }: { userId: string; sessionId: string; now?: Date },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length === 1;
}

/** Ends every session of the user (optionally all but one, e.g. the one changing the password). */
export async function revokeAllSessions(
  { userId, exceptSessionId, now = new Date() }: { userId: string; exceptSessionId?: string; now?: Date },
  db?: Database,
): Promise<number> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function listSessions(
  { userId, now = new Date(), includeEnded = false }: { userId: string; now?: Date; includeEnded?: boolean },
  db?: Database,
): Promise<Session[]> {
  const conn = db ?? (await getDb());
  return conn
    .select()
    .from(sessions)
    .where(
      includeEnded
        ? eq(sessions.userId, userId)
        : and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

/** Whether the user still has a usable session. */
export async function hasActiveSessions({ userId, now = new Date() }: { userId: string; now?: Date }, db?: Database) {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  return Boolean(row);
}
