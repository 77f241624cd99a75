import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { invites } from "../schema";
import { normaliseEmail } from "./users";

export type InviteSummary = { id: string; email: string; expiresAt: Date; usedAt: Date | null; createdAt: Date };

const summary = {
  id: invites.id,
  email: invites.email,
  expiresAt: invites.expiresAt,
  usedAt: invites.usedAt,
  createdAt: invites.createdAt,
};

/** An admin's invite for one address; the token itself is only in the mailed link. */
export async function createInvite(
  { userId, email, tokenHash, expiresAt, now = new Date() }: {
    /** The admin creating it. */
    userId: string;
    email: string;
    tokenHash: string;
    expiresAt: Date;
    now?: Date;
  },
  db?: Database,
): Promise<InviteSummary> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .insert(invites)
    .values({ createdBy: userId, email: normaliseEmail(email), tokenHash, expiresAt, createdAt: now })
    .returning(summary);
  if (!row) throw new Error("invite insert returned no row");
  return row;
}

export async function listInvites({ userId }: { userId: string }, db?: Database): Promise<InviteSummary[]> {
  const conn = db ?? (await getDb());
  return conn.select(summary).from(invites).where(eq(invites.createdBy, userId)).orderBy(desc(invites.createdAt));
}

/** Whether an invite token is usable for this address (the sign-up page checks before the form is sent). */
export async function peekInvite(
  { tokenHash, now = new Date() }: { tokenHash: string; now?: Date },
  db?: Database,
): Promise<{ email: string } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ email: invites.email })
    .from(invites)
    .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.usedAt), gt(invites.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** Uses an invite for the address it was made for; null when unknown, used, expired or for another address. */
export async function consumeInvite(
  { tokenHash, email, now = new Date() }: { tokenHash: string; email: string; now?: Date },
  db?: Database,
): Promise<{ id: string } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .update(invites)
    .set({ usedAt: now })
    .where(
      and(
        eq(invites.tokenHash, tokenHash),
        sql`lower(${invites.email}) = ${normaliseEmail(email)}`,
        isNull(invites.usedAt),
        gt(invites.expiresAt, now),
      ),
    )
    .returning({ id: invites.id });
  return row ?? null;
}

export async function revokeInvite(
  { userId, inviteId }: { userId: string; inviteId: string },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .delete(invites)
    .where(and(eq(invites.id, inviteId), eq(invites.createdBy, userId), isNull(invites.usedAt)))
    .returning({ id: invites.id });
  return rows.length === 1;
}
