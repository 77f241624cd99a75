import { and, eq, notInArray } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { fingerprints, type Fingerprint } from "../schema";

/** "overall" or a register name. */
export type FingerprintScope = string;
export type FingerprintStatus = "building" | "ready" | "failed";

export async function upsertFingerprint(
  { userId, scope, schemaVersion, wordCount, data, status = "ready" }: {
    userId: string;
    scope: FingerprintScope;
    schemaVersion: number;
    wordCount: number;
    data: unknown;
    status?: FingerprintStatus;
  },
  db?: Database,
): Promise<Fingerprint> {
  const conn = db ?? (await getDb());
  const now = new Date();
  const [row] = await conn
    .insert(fingerprints)
    .values({ userId, scope, schemaVersion, wordCount, data, status, updatedAt: now })
    .onConflictDoUpdate({
      target: [fingerprints.userId, fingerprints.scope],
      set: { schemaVersion, wordCount, data, status, updatedAt: now },
    })
    .returning();
  if (!row) throw new Error("fingerprint upsert returned no row");
  return row;
}

export async function listFingerprints({ userId }: { userId: string }, db?: Database): Promise<Fingerprint[]> {
  const conn = db ?? (await getDb());
  return conn.select().from(fingerprints).where(eq(fingerprints.userId, userId)).orderBy(fingerprints.scope);
}

export async function getFingerprint(
  { userId, scope }: { userId: string; scope: FingerprintScope },
  db?: Database,
): Promise<Fingerprint | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select()
    .from(fingerprints)
    .where(and(eq(fingerprints.userId, userId), eq(fingerprints.scope, scope)))
    .limit(1);
  return row ?? null;
}

/** Marks every fingerprint of a writer (e.g. "building" while a rebuild runs). */
export async function setFingerprintsStatus(
  { userId, status }: { userId: string; status: FingerprintStatus },
  db?: Database,
): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.update(fingerprints).set({ status, updatedAt: new Date() }).where(eq(fingerprints.userId, userId));
}

/** Removes the fingerprints of scopes that no longer have samples. */
export async function deleteFingerprintsExcept(
  { userId, keep }: { userId: string; keep: FingerprintScope[] },
  db?: Database,
): Promise<number> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .delete(fingerprints)
    .where(keep.length > 0 ? and(eq(fingerprints.userId, userId), notInArray(fingerprints.scope, keep)) : eq(fingerprints.userId, userId))
    .returning({ id: fingerprints.id });
  return rows.length;
}
