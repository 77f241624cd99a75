import { and, eq, ne, sql } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { auditEvents, users, type User } from "../schema";

/** A user without the password hash: what leaves the data layer for pages and exports. */
export type PublicUser = Omit<User, "passwordHash">;

export function toPublicUser(user: User): PublicUser {
  const { passwordHash, ...rest } = user;
  void passwordHash;
  return rest;
}

/** Emails are compared case-insensitively (the unique index is on lower(email)). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Any constant: serialises concurrent sign-ups so exactly one becomes the first account (the admin).
const FIRST_ACCOUNT_LOCK_ID = 4_242_018;

/**
 * Creates an account; the very first account of the instance becomes the admin.
 * Returns null when the email is taken (the caller answers without revealing that).
 */
export async function createUser(
  { email, passwordHash, name = null, emailVerifiedAt = null }: {
    email: string;
    passwordHash: string;
    name?: string | null;
    emailVerifiedAt?: Date | null;
  },
  db?: Database,
): Promise<{ user: PublicUser; isFirst: boolean } | null> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ACCOUNT_LOCK_ID})`);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`)
      .limit(1);
    if (existing) return null;
    const [any] = await tx.select({ id: users.id }).from(users).limit(1);
    const isFirst = !any;
    const [row] = await tx
      .insert(users)
      .values({ email: normaliseEmail(email), passwordHash, name, role: isFirst ? "admin" : "writer", emailVerifiedAt })
      .returning();
    if (!row) throw new Error("user insert returned no row");
    return { user: toPublicUser(row), isFirst };
  });
}

export async function countUsers(db?: Database): Promise<number> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function getUserById({ userId }: { userId: string }, db?: Database): Promise<PublicUser | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(users).where(eq(users.id, userId)).limit(1);
  return row ? toPublicUser(row) : null;
}

/**
 * For sign-in only (before anyone is signed in): the row with its password hash.
 * Never hand the result to a page.
 */
export async function getUserCredentialsByEmail(
  { email }: { email: string },
  db?: Database,
): Promise<Pick<User, "id" | "email" | "passwordHash" | "role" | "emailVerifiedAt" | "name"> | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({
      id: users.id,
      email: users.email,
      passwordHash: users.passwordHash,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      name: users.name,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`)
    .limit(1);
  return row ?? null;
}

/** The stored hash of one user, to check the current password before a change. */
export async function getPasswordHash({ userId }: { userId: string }, db?: Database): Promise<string | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.hash ?? null;
}

export async function updatePasswordHash(
  { userId, passwordHash, now = new Date() }: { userId: string; passwordHash: string; now?: Date },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .update(users)
    .set({ passwordHash, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * Marks `email` verified for the user. When it differs from the current address (an email change),
 * the address is switched, unless another account took it in the meantime (then false).
 */
export async function verifyUserEmail(
  { userId, email, now = new Date() }: { userId: string; email: string; now?: Date },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const address = normaliseEmail(email);
  const [taken] = await conn
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${address}`, ne(users.id, userId)))
    .limit(1);
  if (taken) return false;
  const rows = await conn
    .update(users)
    .set({ email: address, emailVerifiedAt: now, updatedAt: now })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function setUserName(
  { userId, name }: { userId: string; name: string | null },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length === 1;
}

/** The writer's preferred rewrite model (null: the instance's OLLAMA_MODEL). */
export async function setUserOllamaModel(
  { userId, model }: { userId: string; model: string | null },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn.update(users).set({ ollamaModel: model, updatedAt: new Date() }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length === 1;
}

/**
 * Deletes the account and, by cascade, every row that belongs to it. Audit events survive with only
 * the action and time: the user reference, address, request id, target and metadata are cleared.
 */
export async function deleteUser({ userId }: { userId: string }, db?: Database): Promise<boolean> {
  const conn = db ?? (await getDb());
  return conn.transaction(async (tx) => {
    await tx
      .update(auditEvents)
      .set({ userId: null, ip: null, requestId: null, targetType: null, targetId: null, metadata: null })
      .where(eq(auditEvents.userId, userId));
    // Events by others that point at this account (e.g. an admin's invite) lose the reference too.
    await tx.update(auditEvents).set({ targetId: null }).where(eq(auditEvents.targetId, userId));
    const rows = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
    return rows.length === 1;
  });
}
