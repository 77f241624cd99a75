import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Database } from "../client";
import { emailVerificationTokens, passwordResetTokens } from "../schema";

/**
 * Email tokens: only SHA-256 hashes are stored. Consuming a token is one conditional UPDATE, so a
 * token works once even when two requests race. Consumption is looked up by hash (the token is the
 * credential); everything else is scoped by user id.
 */

/** Stores a new verification token; earlier unused ones of the user stop working. */
export async function createEmailVerificationToken(
  { userId, email, tokenHash, expiresAt, now = new Date() }: {
    userId: string;
    email: string;
    tokenHash: string;
    expiresAt: Date;
    now?: Date;
  },
  db?: Database,
): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    await tx
      .update(emailVerificationTokens)
      .set({ usedAt: now })
      .where(and(eq(emailVerificationTokens.userId, userId), isNull(emailVerificationTokens.usedAt)));
    await tx.insert(emailVerificationTokens).values({ userId, email, tokenHash, expiresAt, createdAt: now });
  });
}

/** Uses a verification token: the user and the address it verifies, or null (unknown, used or expired). */
export async function consumeEmailVerificationToken(
  { tokenHash, now = new Date() }: { tokenHash: string; now?: Date },
  db?: Database,
): Promise<{ userId: string; email: string } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .update(emailVerificationTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailVerificationTokens.tokenHash, tokenHash),
        isNull(emailVerificationTokens.usedAt),
        gt(emailVerificationTokens.expiresAt, now),
      ),
    )
    .returning({ userId: emailVerificationTokens.userId, email: emailVerificationTokens.email });
  return row ?? null;
}

/** The address awaiting verification for a pending email change, if any. */
export async function getPendingEmail(
  { userId, now = new Date() }: { userId: string; now?: Date },
  db?: Database,
): Promise<string | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ email: emailVerificationTokens.email })
    .from(emailVerificationTokens)
    .where(
      and(
        eq(emailVerificationTokens.userId, userId),
        isNull(emailVerificationTokens.usedAt),
        gt(emailVerificationTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row?.email ?? null;
}

/** Stores a new reset token; earlier unused ones of the user stop working. */
export async function createPasswordResetToken(
  { userId, tokenHash, expiresAt, now = new Date() }: { userId: string; tokenHash: string; expiresAt: Date; now?: Date },
  db?: Database,
): Promise<void> {
  const conn = db ?? (await getDb());
  await conn.transaction(async (tx) => {
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({ userId, tokenHash, expiresAt, createdAt: now });
  });
}

/** Whether a reset token would work, without using it (the reset page checks before showing the form). */
export async function peekPasswordResetToken(
  { tokenHash, now = new Date() }: { tokenHash: string; now?: Date },
  db?: Database,
): Promise<boolean> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .limit(1);
  return Boolean(row);
}

export async function consumePasswordResetToken(
  { tokenHash, now = new Date() }: { tokenHash: string; now?: Date },
  db?: Database,
): Promise<{ userId: string } | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ userId: passwordResetTokens.userId });
  return row ?? null;
}

/** Token metadata for the data export (never the hashes). */
export async function listTokensForExport({ userId }: { userId: string }, db?: Database) {
  const conn = db ?? (await getDb());
  const verification = await conn
    .select({
      email: emailVerificationTokens.email,
      createdAt: emailVerificationTokens.createdAt,
      expiresAt: emailVerificationTokens.expiresAt,
      usedAt: emailVerificationTokens.usedAt,
    })
    .from(emailVerificationTokens)
    .where(eq(emailVerificationTokens.userId, userId));
  const reset = await conn
    .select({ createdAt: passwordResetTokens.createdAt, expiresAt: passwordResetTokens.expiresAt, usedAt: passwordResetTokens.usedAt })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.userId, userId));
  return { emailVerificationTokens: verification, passwordResetTokens: reset };
}
