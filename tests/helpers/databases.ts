import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { runId, skipNote, testDatabaseUrl } from "./services";

/**
 * Fresh, migrated databases for integration tests, one per call and gone after `drop()`:
 * - PGlite in a new temporary folder (always available);
 * - Postgres: a new database `penprint_test_<random>` on the server of `TEST_DATABASE_URL`, so
 *   suites running at the same time on the same server never see each other's rows.
 */
export interface TestDatabase {
  engine: "pglite" | "postgres";
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "penprint-test-"));
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    await runMigrations(handle);
    return {
      engine: "pglite",
      handle,
      drop: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `penprint_test_${runId()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  // The name is generated here (letters, digits, underscore), so it is safe as an identifier.
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    const handle = await openDatabase({ kind: "postgres", url: url.toString() });
    await runMigrations(handle);
    return {
      engine: "postgres",
      handle,
      drop: async () => {
        await handle.close();
        await dropDatabase();
      },
    };
  } catch (error) {
    await dropDatabase();
    throw error;
  }
}

export interface TestEngine {
  engine: "pglite" | "postgres";
  /** Suite title, with the skip reason in it when the engine is not configured. */
  title: string;
  skip: boolean;
  create(): Promise<TestDatabase>;
}

/** PGlite always; Postgres when TEST_DATABASE_URL is set. Use with `describe.each(testEngines)` + `skipIf`. */
export const testEngines: TestEngine[] = [
  { engine: "pglite", title: "PGlite", skip: false, create: createPgliteTestDatabase },
  {
    engine: "postgres",
    title: `Postgres${skipNote("TEST_DATABASE_URL")}`,
    skip: testDatabaseUrl === undefined,
    create: () => createPostgresTestDatabase(testDatabaseUrl ?? ""),
  },
];
