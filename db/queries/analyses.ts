import { and, desc, eq, gte, ilike, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { analyses, type Analysis, type AnalysisStatus } from "../schema";

export type AnalysisSummary = Omit<Analysis, "text" | "result" | "userId"> & { preview: string };

/** An analysis with its result: what reopening, exporting and reports need. */
export type ReadyAnalysis = Analysis & { status: "ready"; verdict: string; aiProbability: number; result: unknown };

export const isReadyAnalysis = (row: Analysis): row is ReadyAnalysis =>
  row.status === "ready" && row.verdict !== null && row.aiProbability !== null && row.result !== null;

/** A finished analysis, or a row a background job will fill in (`queued`, no verdict or result yet). */
export type NewAnalysis = {
  userId: string;
  title: string;
  text: string;
  textHash: string;
  engineVersion: string;
  wordCount: number;
  saved: boolean;
} & ({ status?: "ready"; verdict: string; aiProbability: number; result: unknown } | { status: "queued"; progress: 0 });

export async function createAnalysis(input: NewAnalysis, db?: Database): Promise<Analysis> {
  const conn = db ?? (await getDb());
  const [row] = await conn.insert(analyses).values(input).returning();
  if (!row) throw new Error("analysis insert returned no row");
  return row;
}

export interface AnalysisFilters {
  userId: string;
  /** Words in the title or the text (case-insensitive). */
  search?: string;
  verdicts?: string[];
  /** AI probability range, inclusive, in [0, 1]. */
  minProbability?: number;
  maxProbability?: number;
  from?: Date;
  /** Exclusive upper bound on the creation time. */
  to?: Date;
  limit?: number;
  offset?: number;
}

/** LIKE wildcards in the user's search are literal characters. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Saved analyses of one writer, newest first, with history's search and filters. */
export async function listAnalyses(filters: AnalysisFilters, db?: Database): Promise<{ items: AnalysisSummary[]; total: number }> {
  const conn = db ?? (await getDb());
  const conditions: SQL[] = [eq(analyses.userId, filters.userId), eq(analyses.saved, true)];
  const search = filters.search?.trim();
  if (search) {
    const pattern = `%${escapeLike(search)}%`;
    const match = or(ilike(analyses.title, pattern), ilike(analyses.text, pattern));
    if (match) conditions.push(match);
  }
  if (filters.verdicts && filters.verdicts.length > 0) {
    const any = or(...filters.verdicts.map((v) => eq(analyses.verdict, v)));
    if (any) conditions.push(any);
  }
  if (filters.minProbability !== undefined) conditions.push(gte(analyses.aiProbability, filters.minProbability));
  if (filters.maxProbability !== undefined) conditions.push(lte(analyses.aiProbability, filters.maxProbability));
  if (filters.from) conditions.push(gte(analyses.createdAt, filters.from));
  if (filters.to) conditions.push(lt(analyses.createdAt, filters.to));
  const where = and(...conditions);
  const items = await conn
    .select({
      id: analyses.id,
      title: analyses.title,
      textHash: analyses.textHash,
      engineVersion: analyses.engineVersion,
      verdict: analyses.verdict,
      aiProbability: analyses.aiProbability,
      wordCount: analyses.wordCount,
      saved: analyses.saved,
      status: analyses.status,
      progress: analyses.progress,
      error: analyses.error,
      createdAt: analyses.createdAt,
      preview: sql<string>`left(${analyses.text}, 200)`,
    })
    .from(analyses)
    .where(where)
    .orderBy(desc(analyses.createdAt), desc(analyses.id))
    .limit(filters.limit ?? 50)
    .offset(filters.offset ?? 0);
  const [count] = await conn.select({ n: sql<number>`count(*)::int` }).from(analyses).where(where);
  return { items, total: count?.n ?? 0 };
}

/** One analysis exactly as it was stored (text, engine version and results). */
export async function getAnalysis({ id, userId }: { id: string; userId: string }, db?: Database): Promise<Analysis | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(analyses).where(and(eq(analyses.id, id), eq(analyses.userId, userId))).limit(1);
  return row ?? null;
}

export async function deleteAnalysis({ id, userId }: { id: string; userId: string }, db?: Database): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .delete(analyses)
    .where(and(eq(analyses.id, id), eq(analyses.userId, userId)))
    .returning({ id: analyses.id });
  return rows.length > 0;
}

export async function countSavedAnalyses({ userId }: { userId: string }, db?: Database): Promise<number> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(analyses)
    .where(and(eq(analyses.userId, userId), eq(analyses.saved, true)));
  return row?.n ?? 0;
}

export interface AnalysisJobState {
  id: string;
  status: AnalysisStatus;
  progress: number;
  error: string | null;
  wordCount: number;
}

/** Where a writer's analysis stands (for polling while a job runs). */
export async function getAnalysisJobState({ id, userId }: { id: string; userId: string }, db?: Database): Promise<AnalysisJobState | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ id: analyses.id, status: analyses.status, progress: analyses.progress, error: analyses.error, wordCount: analyses.wordCount })
    .from(analyses)
    .where(and(eq(analyses.id, id), eq(analyses.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** A job's row, unless the job is over (ready/failed), the row was deleted, or it belongs to someone else. */
const pendingRow = (id: string, userId: string) =>
  and(eq(analyses.id, id), eq(analyses.userId, userId), or(eq(analyses.status, "queued"), eq(analyses.status, "running")));

/** Records a job's progress; false when the row is gone or no longer pending (the job should stop). */
export async function setAnalysisProgress(
  { id, userId, progress }: { id: string; userId: string; progress: number },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .update(analyses)
    .set({ status: "running", progress: Math.min(1, Math.max(0, progress)) })
    .where(pendingRow(id, userId))
    .returning({ id: analyses.id });
  return rows.length > 0;
}

/** Stores a job's finished analysis; false when the row is gone or no longer pending. */
export async function completeAnalysis(
  { id, userId, engineVersion, verdict, aiProbability, wordCount, result }: {
    id: string;
    userId: string;
    engineVersion: string;
    verdict: string;
    aiProbability: number;
    wordCount: number;
    result: unknown;
  },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .update(analyses)
    .set({ status: "ready", progress: 1, error: null, engineVersion, verdict, aiProbability, wordCount, result })
    .where(pendingRow(id, userId))
    .returning({ id: analyses.id });
  return rows.length > 0;
}

/** Marks a job's analysis failed with a message for the writer; false when the row is gone or finished. */
export async function failAnalysis({ id, userId, error }: { id: string; userId: string; error: string }, db?: Database): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn.update(analyses).set({ status: "failed", error }).where(pendingRow(id, userId)).returning({ id: analyses.id });
  return rows.length > 0;
}
