import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import postgres from "postgres";
import * as schema from "./schema";

/** The query layer's view of the database: the same for PGlite and postgres.js. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/** A driver connection, shareable across module copies (the server entry and the Next bundle). */
export type Connection = { kind: "pglite"; client: PGlite } | { kind: "postgres"; client: postgres.Sql };

export interface DatabaseHandle {
  kind: Connection["kind"];
  db: Database;
  connection: Connection;
  /** Runs raw SQL and returns rows, hiding the drivers' different result shapes. */
  query<Row extends Record<string, unknown>>(statement: SQL): Promise<Row[]>;
  close(): Promise<void>;
}

/** db.execute() gives `{ rows }` on PGlite and an array on postgres.js; normalise in one place. */
export function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  if (result && typeof result === "object" && Array.isArray((result as { rows?: unknown }).rows)) {
    return (result as { rows: Row[] }).rows;
  }
  return [];
}

export async function connect(config: DatabaseConfig): Promise<Connection> {
  if (config.kind === "pglite") {
    const dir = path.join(config.dataDir, "pgdata");
    mkdirSync(dir, { recursive: true });
    const client = new PGlite(dir, {
      // 128 MB of shared buffers is sized for a server; 16 MB keeps a reopened embedded database
      // near 240 MB RSS instead of 370 MB (measured), plenty for one writer's data.
      postgresqlconf: ["shared_buffers = 16MB", "max_connections = 4"],
    });
    await client.waitReady;
    return { kind: "pglite", client };
  }
  const client = postgres(config.url, { max: 10, connect_timeout: 10, idle_timeout: 30, onnotice: () => undefined });
  return { kind: "postgres", client };
}

/** Wraps a connection with this module copy's drizzle (drizzle objects are not shared across copies). */
export function wrapConnection(connection: Connection): DatabaseHandle {
  const db =
    connection.kind === "pglite"
      ? (drizzlePglite(connection.client, { schema }) as unknown as Database)
      : (drizzlePostgres(connection.client, { schema }) as unknown as Database);
  return {
    kind: connection.kind,
    db,
    connection,
    query: async (statement) => rowsOf(await db.execute(statement)),
    close: async () => {
      if (connection.kind === "pglite") {
        if (!connection.client.closed) await connection.client.close();
      } else {
        await connection.client.end({ timeout: 5 });
      }
    },
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return wrapConnection(await connect(config));
}

const holder = globalThis as unknown as { __penprintConnection?: Promise<Connection> };
let wrapped: { connection: Connection; handle: DatabaseHandle } | undefined;

/**
 * The process-wide database, opened on first use. The connection is kept on globalThis so that the
 * server entry, the Next bundle and hot reloads share one (PGlite allows one process per folder).
 */
export async function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__penprintConnection) {
    const { getEnv } = await import("@/lib/env");
    if (!holder.__penprintConnection) {
      const env = getEnv();
      const pending = connect(
        env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.dataDir },
      );
      holder.__penprintConnection = pending;
      pending.catch(() => {
        if (holder.__penprintConnection === pending) delete holder.__penprintConnection;
      });
    }
  }
  const connection = await holder.__penprintConnection;
  if (wrapped?.connection !== connection) wrapped = { connection, handle: wrapConnection(connection) };
  return wrapped.handle;
}

/** Shorthand for the query layer. */
export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/** Closes the shared connection (SIGTERM, scripts, tests). PGlite must be closed or its process hangs. */
export async function closeDatabase(): Promise<void> {
  const pending = holder.__penprintConnection;
  delete holder.__penprintConnection;
  wrapped = undefined;
  if (pending) await wrapConnection(await pending).close();
}
