import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations, migrationsFolder } from "./migrate";
import * as schema from "./schema";
import {
  analyses,
  auditEvents,
  drafts,
  emailVerificationTokens,
  fingerprints,
  invites,
  passwordResetTokens,
  sessions,
  users,
  writingSamples,
} from "./schema";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { seedEmailVerificationToken, seedPasswordResetToken, seedSession, seedUser } from "@/tests/helpers/seed";

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

/** The Postgres error code behind a failed query (drizzle wraps the driver's error in `cause`). */
function pgErrorCode(error: unknown): string | undefined {
  for (let current = error; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe.each(testEngines)("schema and migrations on $title", ({ skip, create }) => {
  let database: TestDatabase | undefined;
  const handle = () => database!.handle;
  const db = () => handle().db;

  beforeAll(async () => {
    if (!skip) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.skipIf(skip)("applies every committed migration, creates every table, and is a no-op the second time", async () => {
    const applied = await handle().query<{ count: number | string }>(
      sql`select count(*) as count from drizzle.__drizzle_migrations`,
    );
    expect(Number(applied[0]?.count)).toBe(journal.entries.length);

    const rows = await handle().query<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(tables.map((t) => getTableName(t)).sort());

    await runMigrations(handle());
    const again = await handle().query<{ count: number | string }>(
      sql`select count(*) as count from drizzle.__drizzle_migrations`,
    );
    expect(Number(again[0]?.count)).toBe(journal.entries.length);
  });

  it.skipIf(skip)("has every index the schema declares", async () => {
    const rows = await handle().query<{ indexname: string }>(
      sql`select indexname from pg_indexes where schemaname = 'public'`,
    );
    const present = new Set(rows.map((r) => r.indexname));
    const declared = tables.flatMap((t) => getTableConfig(t).indexes.map((i) => i.config.name ?? ""));
    expect(declared.length).toBeGreaterThan(10);
    for (const name of declared) expect(present, `index ${name}`).toContain(name);
    // The lookups the app depends on most, named so a rename is noticed here.
    for (const name of ["users_email_lower_idx", "sessions_user_id_idx", "sessions_expires_at_idx", "audit_events_user_created_idx"]) {
      expect(present).toContain(name);
    }
  });

  it.skipIf(skip)("indexes every foreign key column (deletes and per-user lookups never scan)", async () => {
    const unindexed = await handle().query<{ table: string; column: string }>(sql`
      select c.conrelid::regclass::text as "table", a.attname as "column"
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f'
        and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
    `);
    expect(unindexed).toEqual([]);
  });

  it.skipIf(skip)("cascades every user reference on delete, except audit events which are cleared", async () => {
    const rules = await handle().query<{ table: string; rule: string }>(sql`
      select c.conrelid::regclass::text as "table", c.confdeltype::text as rule
      from pg_constraint c
      where c.contype = 'f' and c.confrelid = 'users'::regclass
    `);
    expect(rules.length).toBeGreaterThanOrEqual(9);
    for (const { table, rule } of rules) expect([table, rule]).toEqual([table, table === "audit_events" ? "n" : "c"]);
  });

  it.skipIf(skip)("deleting a user deletes their rows everywhere and keeps their audit events with user_id null", async () => {
    const owner = await seedUser(db());
    const other = await seedUser(db());
    const expires = new Date(Date.UTC(2030, 0, 1));
    for (const user of [owner, other]) {
      await seedSession(db(), user.id, expires);
      await seedEmailVerificationToken(db(), user.id, expires);
      await seedPasswordResetToken(db(), user.id, expires);
      await db().insert(invites).values({ createdBy: user.id, email: "guest@example.org", tokenHash: `inv-${user.id}`, expiresAt: expires });
      await db().insert(writingSamples).values({ userId: user.id, title: "s", text: "words", wordCount: 1, contentHash: "h" });
      await db().insert(fingerprints).values({ userId: user.id, scope: "overall", schemaVersion: 1, wordCount: 1, data: {} });
      await db().insert(analyses).values({
        userId: user.id,
        title: "a",
        text: "words",
        textHash: "h",
        engineVersion: "1",
        verdict: "human",
        aiProbability: 0.1,
        wordCount: 1,
        result: {},
      });
      await db().insert(drafts).values({ userId: user.id });
      await db().insert(auditEvents).values({ userId: user.id, action: "test.seeded", ip: "127.0.0.1" });
    }

    await db().delete(users).where(eq(users.id, owner.id));

    const owned = [
      [sessions, sessions.userId],
      [emailVerificationTokens, emailVerificationTokens.userId],
      [passwordResetTokens, passwordResetTokens.userId],
      [invites, invites.createdBy],
      [writingSamples, writingSamples.userId],
      [fingerprints, fingerprints.userId],
      [analyses, analyses.userId],
      [drafts, drafts.userId],
    ] as const;
    for (const [table, column] of owned) {
      expect(await db().$count(table, eq(column, owner.id)), getTableName(table)).toBe(0);
      expect(await db().$count(table, eq(column, other.id)), getTableName(table)).toBe(1);
    }
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, "test.seeded"));
    expect(audit.map((e) => e.userId).sort()).toEqual([null, other.id].sort());
  });

  it.skipIf(skip)("refuses a second account whose email differs only in case", async () => {
    await db().insert(users).values({ email: "Case@Example.org", passwordHash: "x" });
    const error = await failure(db().insert(users).values({ email: "case@EXAMPLE.ORG", passwordHash: "y" }));
    expect(pgErrorCode(error)).toBe("23505");
    await db().insert(users).values({ email: "case2@example.org", passwordHash: "z" });
  });

  it.skipIf(skip)("lets a job's analysis row wait without a result, but never calls one ready without it", async () => {
    const user = await seedUser(db());
    const base = { userId: user.id, title: "long", text: "words", textHash: "h", engineVersion: "1", wordCount: 1 };
    const [queued] = await db().insert(analyses).values({ ...base, status: "queued", progress: 0 }).returning();
    expect(queued).toMatchObject({ status: "queued", progress: 0, verdict: null, aiProbability: null, result: null, error: null });
    // A row saved the old way (no status given) is ready and complete.
    const [plain] = await db().insert(analyses).values({ ...base, verdict: "human", aiProbability: 0.1, result: {} }).returning();
    expect(plain).toMatchObject({ status: "ready", progress: 1 });

    expect(pgErrorCode(await failure(db().insert(analyses).values({ ...base, status: "ready" })))).toBe("23514");
    expect(pgErrorCode(await failure(db().update(analyses).set({ status: "ready" }).where(eq(analyses.id, queued!.id))))).toBe("23514");
    expect(pgErrorCode(await failure(db().insert(analyses).values({ ...base, status: "running", progress: 1.5 })))).toBe("23514");
    expect(pgErrorCode(await failure(db().insert(analyses).values({ ...base, status: "running", progress: -0.1 })))).toBe("23514");
  });

  it.skipIf(skip)("refuses rows pointing at a user that does not exist", async () => {
    const error = await failure(
      db().insert(sessions).values({ userId: "00000000-0000-4000-8000-000000000000", expiresAt: new Date() }),
    );
    expect(pgErrorCode(error)).toBe("23503");
  });
});
