import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrationsFolder, runMigrations } from "@/db/migrate";
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

/** Identifies a migrated PGlite folder: the PGlite version and every migration file. */
function templateKey(): string {
  const hash = createHash("sha256");
  // The package's exports hide package.json; read it where npm put it (tests run from the repo root).
  hash.update(readFileSync(path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json")));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
  for (const file of files(migrationsFolder).sort()) hash.update(file.slice(migrationsFolder.length)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

/**
 * A closed, migrated PGlite folder to copy from. PGlite's first start (initdb) costs 20+ s on a busy
 * machine; copying an initialised folder and opening it costs about 2 s. Built once per migration
 * set, atomically (a concurrent run either wins the rename or discards its copy).
 */
async function pgliteTemplate(): Promise<string> {
  const template = path.join(tmpdir(), `penprint-pglite-template-${templateKey()}`);
  if (existsSync(template)) return template;
  const building = mkdtempSync(path.join(tmpdir(), "penprint-pglite-building-"));
  try {
    const handle = await openDatabase({ kind: "pglite", dataDir: building });
    await runMigrations(handle);
    await handle.close();
    renameSync(building, template);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(template)) throw error;
  }
  return template;
}

export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "penprint-test-"));
  try {
    cpSync(await pgliteTemplate(), dir, { recursive: true });
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    // Already migrated in the template; this only checks there is nothing new to apply.
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
