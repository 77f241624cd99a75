import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { drafts, type Draft } from "../schema";

const PREVIEW_CHARS = 200;

export type DraftSummary = Omit<Draft, "text" | "userId"> & { preview: string; characters: number };

export async function createDraft(
  { userId, title, text = "" }: { userId: string; title?: string; text?: string },
  db?: Database,
): Promise<Draft> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .insert(drafts)
    .values({ userId, text, ...(title ? { title } : {}) })
    .returning();
  if (!row) throw new Error("draft insert returned no row");
  return row;
}

export async function listDrafts({ userId, limit = 100 }: { userId: string; limit?: number }, db?: Database): Promise<DraftSummary[]> {
  const conn = db ?? (await getDb());
  return conn
    .select({
      id: drafts.id,
      title: drafts.title,
      version: drafts.version,
      createdAt: drafts.createdAt,
      updatedAt: drafts.updatedAt,
      preview: sql<string>`left(${drafts.text}, ${PREVIEW_CHARS})`,
      characters: sql<number>`char_length(${drafts.text})::int`,
    })
    .from(drafts)
    .where(eq(drafts.userId, userId))
    .orderBy(desc(drafts.updatedAt), desc(drafts.id))
    .limit(limit);
}

export async function getDraft({ id, userId }: { id: string; userId: string }, db?: Database): Promise<Draft | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(drafts).where(and(eq(drafts.id, id), eq(drafts.userId, userId))).limit(1);
  return row ?? null;
}

export type SaveDraftResult =
  | { status: "saved"; draft: Draft }
  | { status: "conflict"; current: Draft }
  | { status: "not_found" };

/**
 * Autosave with optimistic concurrency: the write names the version it edited and succeeds only
 * if that is still the stored version (then the version goes up by one). Otherwise the caller gets
 * the current draft to reconcile, so a second tab or device never silently overwrites the first.
 */
export async function saveDraft(
  { id, userId, version, title, text }: { id: string; userId: string; version: number; title?: string; text?: string },
  db?: Database,
): Promise<SaveDraftResult> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .update(drafts)
    .set({
      ...(title !== undefined ? { title } : {}),
      ...(text !== undefined ? { text } : {}),
      version: sql`${drafts.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(drafts.id, id), eq(drafts.userId, userId), eq(drafts.version, version)))
    .returning();
  if (row) return { status: "saved", draft: row };
  const current = await getDraft({ id, userId }, conn);
  return current ? { status: "conflict", current } : { status: "not_found" };
}

export async function deleteDraft({ id, userId }: { id: string; userId: string }, db?: Database): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn.delete(drafts).where(and(eq(drafts.id, id), eq(drafts.userId, userId))).returning({ id: drafts.id });
  return rows.length > 0;
}

export async function countDrafts({ userId }: { userId: string }, db?: Database): Promise<number> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(drafts).where(eq(drafts.userId, userId));
  return row?.n ?? 0;
}
