import { and, desc, eq, lt } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { auditEvents } from "../schema";

export interface AuditEventInput {
  userId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip: string | null;
  requestId?: string | null;
  /** Never writing, passwords, tokens or emails: ids, statuses and counts only. */
  metadata?: Record<string, string | number | boolean | null>;
}

export async function recordAuditEvent(input: AuditEventInput, db?: Database): Promise<void> {
  await (db ?? (await getDb())).insert(auditEvents).values({
    userId: input.userId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: input.ip,
    requestId: input.requestId ?? null,
    metadata: input.metadata ?? null,
  });
}

export async function listAuditEventsForUser(
  { userId, limit = 100, before }: { userId: string; limit?: number; before?: Date },
  db?: Database,
) {
  const conn = db ?? (await getDb());
  return conn
    .select()
    .from(auditEvents)
    .where(before ? and(eq(auditEvents.userId, userId), lt(auditEvents.createdAt, before)) : eq(auditEvents.userId, userId))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
}
