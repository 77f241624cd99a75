import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { closeDatabase, getDatabase, type DatabaseHandle } from "./client";

/** Committed SQL from drizzle-kit; resolved from the working directory so the standalone image finds it too. */
export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any constant will do: serialises concurrent app instances migrating the same Postgres.
const MIGRATION_LOCK_ID = 4_242_017;

export async function runMigrations(handle: DatabaseHandle, folder: string = migrationsFolder): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase<Record<string, never>>, { migrationsFolder: folder });
    return;
  }
  await handle.query(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  try {
    await migratePostgres(handle.db as unknown as PostgresJsDatabase<Record<string, never>>, {
      migrationsFolder: folder,
    });
  } finally {
    await handle.query(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
}

/** Applies the migrations to the configured database and closes it (`npm run db:migrate`, `--migrate`). */
export async function applyMigrationsAndClose(): Promise<void> {
  try {
    await runMigrations(await getDatabase());
  } finally {
    await closeDatabase();
  }
}
