import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { emailVerificationTokens, passwordResetTokens, sessions, users } from "@/db/schema";

/** Rows for integration tests, inserted straight into the tables (no query-layer rules involved). */

export async function seedUser(db: Database, email = `writer-${randomBytes(4).toString("hex")}@example.org`) {
  const [user] = await db.insert(users).values({ email, passwordHash: "not-a-real-hash" }).returning();
  if (!user) throw new Error("user insert returned no row");
  return user;
}

const hash = () => randomBytes(16).toString("hex");

export async function seedEmailVerificationToken(db: Database, userId: string, expiresAt: Date) {
  const [row] = await db
    .insert(emailVerificationTokens)
    .values({ userId, tokenHash: hash(), email: "pending@example.org", expiresAt })
    .returning();
  if (!row) throw new Error("token insert returned no row");
  return row;
}

export async function seedPasswordResetToken(db: Database, userId: string, expiresAt: Date) {
  const [row] = await db.insert(passwordResetTokens).values({ userId, tokenHash: hash(), expiresAt }).returning();
  if (!row) throw new Error("token insert returned no row");
  return row;
}

export async function seedSession(db: Database, userId: string, expiresAt: Date, revokedAt: Date | null = null) {
  const [row] = await db.insert(sessions).values({ userId, expiresAt, revokedAt }).returning();
  if (!row) throw new Error("session insert returned no row");
  return row;
}
