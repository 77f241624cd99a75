import { and, desc, eq, sql } from "drizzle-orm";
import { AppError, conflict } from "@/lib/errors";
import { getDb, type Database } from "../client";
import { writingSamples, type Register, type WritingSample } from "../schema";

/** Default of SAMPLE_WORDS_LIMIT: total words of samples one writer may keep. */
export const DEFAULT_SAMPLE_WORDS_LIMIT = 200_000;
const PREVIEW_CHARS = 280;

/** A sample as listed: everything but the full text, with a short preview. */
export type SampleSummary = Omit<WritingSample, "text" | "userId"> & { preview: string };

const summaryColumns = {
  id: writingSamples.id,
  title: writingSamples.title,
  register: writingSamples.register,
  wordCount: writingSamples.wordCount,
  contentHash: writingSamples.contentHash,
  sourceFilename: writingSamples.sourceFilename,
  sourceType: writingSamples.sourceType,
  createdAt: writingSamples.createdAt,
  updatedAt: writingSamples.updatedAt,
  preview: sql<string>`left(${writingSamples.text}, ${PREVIEW_CHARS})`,
};

export interface NewSample {
  userId: string;
  title: string;
  register: Register;
  text: string;
  wordCount: number;
  contentHash: string;
  sourceFilename?: string | null;
  sourceType?: string | null;
}

export const duplicateSample = () =>
  conflict("duplicate_sample", "You already have a sample with this text.");

const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
};

/**
 * Stores a sample, refusing a duplicate (409) or one that would take the writer past
 * `wordsLimit` words in total (413). A per-user advisory lock makes the total check atomic.
 */
export async function createSample(
  { wordsLimit = DEFAULT_SAMPLE_WORDS_LIMIT, ...sample }: NewSample & { wordsLimit?: number },
  db?: Database,
): Promise<WritingSample> {
  const conn = db ?? (await getDb());
  try {
    return await conn.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${"samples:" + sample.userId}))`);
      const [dup] = await tx
        .select({ id: writingSamples.id })
        .from(writingSamples)
        .where(and(eq(writingSamples.userId, sample.userId), eq(writingSamples.contentHash, sample.contentHash)))
        .limit(1);
      if (dup) throw duplicateSample();
      const [totals] = await tx
        .select({ words: sql<number>`coalesce(sum(${writingSamples.wordCount}), 0)::int` })
        .from(writingSamples)
        .where(eq(writingSamples.userId, sample.userId));
      const used = totals?.words ?? 0;
      if (used + sample.wordCount > wordsLimit) {
        throw new AppError({
          status: 413,
          code: "sample_words_limit",
          message: `Samples can total at most ${wordsLimit.toLocaleString("en-US")} words; you have ${used.toLocaleString("en-US")} and this one has ${sample.wordCount.toLocaleString("en-US")}. Delete some samples first.`,
        });
      }
      const [row] = await tx.insert(writingSamples).values(sample).returning();
      if (!row) throw new Error("sample insert returned no row");
      return row;
    });
  } catch (error) {
    if (!(error instanceof AppError) && isUniqueViolation(error)) throw duplicateSample();
    throw error;
  }
}

export async function listSamples({ userId }: { userId: string }, db?: Database): Promise<SampleSummary[]> {
  const conn = db ?? (await getDb());
  return conn
    .select(summaryColumns)
    .from(writingSamples)
    .where(eq(writingSamples.userId, userId))
    .orderBy(desc(writingSamples.createdAt), desc(writingSamples.id));
}

export async function getSample({ id, userId }: { id: string; userId: string }, db?: Database): Promise<WritingSample | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select()
    .from(writingSamples)
    .where(and(eq(writingSamples.id, id), eq(writingSamples.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Renames a sample or moves it to another register; null when it is not this writer's. */
export async function updateSample(
  { id, userId, title, register }: { id: string; userId: string; title?: string; register?: Register },
  db?: Database,
): Promise<SampleSummary | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .update(writingSamples)
    .set({ ...(title !== undefined ? { title } : {}), ...(register !== undefined ? { register } : {}), updatedAt: new Date() })
    .where(and(eq(writingSamples.id, id), eq(writingSamples.userId, userId)))
    .returning(summaryColumns);
  return row ?? null;
}

export async function deleteSample({ id, userId }: { id: string; userId: string }, db?: Database): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .delete(writingSamples)
    .where(and(eq(writingSamples.id, id), eq(writingSamples.userId, userId)))
    .returning({ id: writingSamples.id });
  return rows.length > 0;
}

export async function getSampleTotals(
  { userId }: { userId: string },
  db?: Database,
): Promise<{ samples: number; words: number; byRegister: Partial<Record<Register, number>> }> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({
      register: writingSamples.register,
      samples: sql<number>`count(*)::int`,
      words: sql<number>`coalesce(sum(${writingSamples.wordCount}), 0)::int`,
    })
    .from(writingSamples)
    .where(eq(writingSamples.userId, userId))
    .groupBy(writingSamples.register);
  const byRegister: Partial<Record<Register, number>> = {};
  let samples = 0;
  let words = 0;
  for (const r of rows) {
    byRegister[r.register] = r.words;
    samples += r.samples;
    words += r.words;
  }
  return { samples, words, byRegister };
}

/** Every sample's text with its register and date, oldest first: the fingerprint job's input. */
export async function listSampleTexts(
  { userId }: { userId: string },
  db?: Database,
): Promise<Pick<WritingSample, "id" | "register" | "text" | "createdAt">[]> {
  const conn = db ?? (await getDb());
  return conn
    .select({ id: writingSamples.id, register: writingSamples.register, text: writingSamples.text, createdAt: writingSamples.createdAt })
    .from(writingSamples)
    .where(eq(writingSamples.userId, userId))
    .orderBy(writingSamples.createdAt, writingSamples.id);
}
