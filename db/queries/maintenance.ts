import { and, eq, lte, ne, or } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { analyses, emailVerificationTokens, passwordResetTokens, sessions } from "../schema";

/** Revoked sessions stay listed under "signed-out devices" this long, then go. */
export const REVOKED_SESSION_RETENTION_MS = 7 * 24 * 3_600_000;

export interface ExpiredAuthRecordCounts {
  emailVerificationTokens: number;
  passwordResetTokens: number;
  sessions: number;
}

/**
 * Deletes what can no longer be used: verification and reset tokens past their expiry, and sessions
 * that expired or were revoked more than `revokedSessionRetentionMs` ago. The clock is the caller's
 * (`now`), so the hourly job and its tests decide what "expired" means.
 */
export async function deleteExpiredAuthRecords(
  {
    now,
    revokedSessionRetentionMs = REVOKED_SESSION_RETENTION_MS,
    db,
  }: { now: Date; revokedSessionRetentionMs?: number; db?: Database },
): Promise<ExpiredAuthRecordCounts> {
  const conn = db ?? (await getDb());
  const revokedBefore = new Date(now.getTime() - revokedSessionRetentionMs);
  return conn.transaction(async (tx) => {
    const verification = await tx
      .delete(emailVerificationTokens)
      .where(lte(emailVerificationTokens.expiresAt, now))
      .returning({ id: emailVerificationTokens.id });
    const reset = await tx
      .delete(passwordResetTokens)
      .where(lte(passwordResetTokens.expiresAt, now))
      .returning({ id: passwordResetTokens.id });
    const ended = await tx
      .delete(sessions)
      .where(or(lte(sessions.expiresAt, now), lte(sessions.revokedAt, revokedBefore)))
      .returning({ id: sessions.id });
    return { emailVerificationTokens: verification.length, passwordResetTokens: reset.length, sessions: ended.length };
  });
}

/**
 * Deletes transient analyses created `retentionDays` or more before `now` (ANALYSIS_RETENTION_DAYS):
 * unsaved ones, and job intermediates — long-document analyses that failed or whose job was
 * abandoned (still queued or running). Saved, ready analyses stay until the writer deletes them.
 * Uses the (saved, created_at) and (status, created_at) indexes.
 */
export async function deleteUnsavedAnalysesOlderThan(
  { now, retentionDays, db }: { now: Date; retentionDays: number; db?: Database },
): Promise<{ analyses: number; jobs: number }> {
  if (!(retentionDays > 0)) throw new Error("retentionDays must be positive");
  const conn = db ?? (await getDb());
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3_600_000);
  return conn.transaction(async (tx) => {
    const unsaved = await tx
      .delete(analyses)
      .where(and(eq(analyses.saved, false), lte(analyses.createdAt, cutoff)))
      .returning({ id: analyses.id });
    const jobs = await tx
      .delete(analyses)
      .where(and(ne(analyses.status, "ready"), lte(analyses.createdAt, cutoff)))
      .returning({ id: analyses.id });
    return { analyses: unsaved.length, jobs: jobs.length };
  });
}
