import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";

/**
 * Fresh, migrated databases for the accounts tests: a PGlite in a temporary folder always, and a
 * throw-away database on TEST_DATABASE_URL when it is set (other suites share that server).
 */
export interface TestDatabase {
  name: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

export const postgresTestUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

export async function freshPglite(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "penprint-accounts-"));
  const handle = await openDatabase({ kind: "pglite", dataDir: dir });
  await runMigrations(handle);
  return {
    name: "pglite",
    handle,
    drop: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function freshPostgres(url: string): Promise<TestDatabase> {
  const dbName = `penprint_accounts_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${dbName}`);
  const target = new URL(url);
  target.pathname = `/${dbName}`;
  const handle = await openDatabase({ kind: "postgres", url: target.toString() });
  await runMigrations(handle);
  return {
    name: "postgres",
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** The database kinds to run integration tests on: PGlite always, Postgres when configured. */
export const databaseKinds: { name: string; skip: boolean; open: () => Promise<TestDatabase> }[] = [
  { name: "pglite", skip: false, open: freshPglite },
  {
    name: "postgres",
    skip: !postgresTestUrl,
    open: () => freshPostgres(postgresTestUrl as string),
  },
];
