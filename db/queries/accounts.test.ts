import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { auditEvents, writingSamples } from "../schema";
import { recordAuditEvent } from "./audit";
import { consumeInvite, createInvite, listInvites, peekInvite, revokeInvite } from "./invites";
import {
  createSession,
  getActiveSession,
  hasActiveSessions,
  listSessions,
  revokeAllSessions,
  revokeSession,
  touchSession,
} from "./sessions";
import { getStoredSignupMode, setSignupMode } from "./settings";
import {
  consumeEmailVerificationToken,
  consumePasswordResetToken,
  createEmailVerificationToken,
  createPasswordResetToken,
  getPendingEmail,
  peekPasswordResetToken,
} from "./tokens";
import {
  countUsers,
  createUser,
  deleteUser,
  getPasswordHash,
  getUserById,
  getUserCredentialsByEmail,
  updatePasswordHash,
  verifyUserEmail,
} from "./users";

const t0 = new Date("2026-01-01T00:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const HOUR = 3_600_000;

describe.each(testEngines)("accounts query layer on $title", ({ title, skip, create }) => {
  let database: TestDatabase;
  const db = () => database.handle.db;

  beforeAll(async () => {
    if (!skip) database = await create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  describe.skipIf(skip)(title, () => {
    let alice: string;
    let bob: string;

    it("makes the first account the admin and the next a writer; emails are case-insensitive", async () => {
      const first = await createUser({ email: "Alice@Example.org", passwordHash: "h1" }, db());
      const second = await createUser({ email: "bob@example.org", passwordHash: "h2" }, db());
      expect(first?.isFirst).toBe(true);
      expect(first?.user.role).toBe("admin");
      expect(second?.user.role).toBe("writer");
      expect(first?.user).not.toHaveProperty("passwordHash");
      expect(await createUser({ email: "ALICE@example.org ", passwordHash: "x" }, db())).toBeNull();
      expect(await countUsers(db())).toBe(2);
      alice = first!.user.id;
      bob = second!.user.id;
      const creds = await getUserCredentialsByEmail({ email: "alice@EXAMPLE.org" }, db());
      expect(creds?.id).toBe(alice);
      expect(creds?.passwordHash).toBe("h1");
      expect(await getUserCredentialsByEmail({ email: "nobody@example.org" }, db())).toBeNull();
    });

    it("creates exactly one admin when sign-ups race", async () => {
      const other = await create();
      try {
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) => createUser({ email: `racer${i}@example.org`, passwordHash: "h" }, other.handle.db)),
        );
        expect(results.filter((r) => r?.user.role === "admin")).toHaveLength(1);
      } finally {
        await other.drop();
      }
    });

    it("changes a password and switches a verified address only when free", async () => {
      expect(await updatePasswordHash({ userId: alice, passwordHash: "h1b" }, db())).toBe(true);
      expect(await getPasswordHash({ userId: alice }, db())).toBe("h1b");
      expect(await verifyUserEmail({ userId: alice, email: "bob@example.org", now: t0 }, db())).toBe(false);
      expect(await verifyUserEmail({ userId: alice, email: "alice2@example.org", now: t0 }, db())).toBe(true);
      const user = await getUserById({ userId: alice }, db());
      expect(user?.email).toBe("alice2@example.org");
      expect(user?.emailVerifiedAt?.toISOString()).toBe(t0.toISOString());
    });

    it("keeps sessions per user: active, sliding, revocable one by one or all at once", async () => {
      const s1 = await createSession({ userId: alice, expiresAt: later(HOUR), now: t0 }, db());
      const s2 = await createSession({ userId: alice, expiresAt: later(HOUR), now: t0 }, db());
      const sb = await createSession({ userId: bob, expiresAt: later(HOUR), now: t0 }, db());
      expect((await getActiveSession({ userId: alice, sessionId: s1.id, now: t0 }, db()))?.user.id).toBe(alice);
      // Another user's session id never resolves for this user.
      expect(await getActiveSession({ userId: alice, sessionId: sb.id, now: t0 }, db())).toBeNull();
      expect(await touchSession({ userId: bob, sessionId: s1.id, expiresAt: later(5 * HOUR), now: t0 }, db())).toBe(false);
      expect(await revokeSession({ userId: bob, sessionId: s1.id, now: t0 }, db())).toBe(false);
      // Expiry, then sliding.
      expect(await getActiveSession({ userId: alice, sessionId: s1.id, now: later(2 * HOUR) }, db())).toBeNull();
      expect(await touchSession({ userId: alice, sessionId: s1.id, expiresAt: later(3 * HOUR), now: later(HOUR / 2) }, db())).toBe(true);
      expect(await getActiveSession({ userId: alice, sessionId: s1.id, now: later(2 * HOUR) }, db())).not.toBeNull();
      // Revoke all but the current one, then that one.
      expect(await revokeAllSessions({ userId: alice, exceptSessionId: s1.id, now: t0 }, db())).toBe(1);
      expect(await getActiveSession({ userId: alice, sessionId: s2.id, now: t0 }, db())).toBeNull();
      expect(await revokeSession({ userId: alice, sessionId: s1.id, now: t0 }, db())).toBe(true);
      expect(await hasActiveSessions({ userId: alice, now: t0 }, db())).toBe(false);
      expect(await hasActiveSessions({ userId: bob, now: t0 }, db())).toBe(true);
      expect(await listSessions({ userId: alice, includeEnded: true }, db())).toHaveLength(2);
      expect((await listSessions({ userId: bob, now: t0 }, db())).map((s) => s.userId)).toEqual([bob]);
    });

    it("uses a verification token once, before it expires, and only the newest", async () => {
      await createEmailVerificationToken({ userId: bob, email: "bob@example.org", tokenHash: "v-old", expiresAt: later(24 * HOUR), now: t0 }, db());
      await createEmailVerificationToken({ userId: bob, email: "bob-new@example.org", tokenHash: "v1", expiresAt: later(24 * HOUR), now: t0 }, db());
      expect(await getPendingEmail({ userId: bob, now: t0 }, db())).toBe("bob-new@example.org");
      expect(await consumeEmailVerificationToken({ tokenHash: "v-old", now: t0 }, db())).toBeNull();
      expect(await consumeEmailVerificationToken({ tokenHash: "v1", now: later(25 * HOUR) }, db())).toBeNull();
      expect(await consumeEmailVerificationToken({ tokenHash: "v1", now: later(HOUR) }, db())).toEqual({ userId: bob, email: "bob-new@example.org" });
      expect(await consumeEmailVerificationToken({ tokenHash: "v1", now: later(HOUR) }, db())).toBeNull();
    });

    it("uses a reset token once, even when two requests race", async () => {
      await createPasswordResetToken({ userId: bob, tokenHash: "r1", expiresAt: later(HOUR), now: t0 }, db());
      expect(await peekPasswordResetToken({ tokenHash: "r1", now: t0 }, db())).toBe(true);
      expect(await consumePasswordResetToken({ tokenHash: "r1", now: later(2 * HOUR) }, db())).toBeNull();
      const both = await Promise.all([
        consumePasswordResetToken({ tokenHash: "r1", now: t0 }, db()),
        consumePasswordResetToken({ tokenHash: "r1", now: t0 }, db()),
      ]);
      expect(both.filter(Boolean)).toEqual([{ userId: bob }]);
      expect(await peekPasswordResetToken({ tokenHash: "r1", now: t0 }, db())).toBe(false);
    });

    it("keeps invites per admin and binds them to their address", async () => {
      const invite = await createInvite({ userId: alice, email: "Carol@example.org", tokenHash: "i1", expiresAt: later(HOUR), now: t0 }, db());
      expect(await listInvites({ userId: bob }, db())).toEqual([]);
      expect((await listInvites({ userId: alice }, db())).map((i) => i.email)).toEqual(["carol@example.org"]);
      expect(await peekInvite({ tokenHash: "i1", now: t0 }, db())).toEqual({ email: "carol@example.org" });
      expect(await consumeInvite({ tokenHash: "i1", email: "mallory@example.org", now: t0 }, db())).toBeNull();
      expect(await revokeInvite({ userId: bob, inviteId: invite.id }, db())).toBe(false);
      expect(await consumeInvite({ tokenHash: "i1", email: "carol@EXAMPLE.org", now: t0 }, db())).toEqual({ id: invite.id });
      expect(await consumeInvite({ tokenHash: "i1", email: "carol@example.org", now: t0 }, db())).toBeNull();
    });

    it("stores the sign-up mode", async () => {
      expect(await getStoredSignupMode(db())).toBeNull();
      await setSignupMode({ userId: alice, mode: "invite" }, db());
      await setSignupMode({ userId: alice, mode: "closed" }, db());
      expect(await getStoredSignupMode(db())).toBe("closed");
    });

    it("deletes an account with its rows; audit events keep only the action", async () => {
      await db().insert(writingSamples).values({ userId: bob, title: "t", text: "words", wordCount: 1, contentHash: "c" });
      await recordAuditEvent({ userId: bob, action: "account.sign_in", ip: "10.0.0.1", requestId: "r", metadata: { status: 200 } }, db());
      await recordAuditEvent({ userId: alice, action: "admin.invite", targetType: "user", targetId: bob, ip: "10.0.0.2" }, db());
      expect(await deleteUser({ userId: bob }, db())).toBe(true);
      expect(await getUserById({ userId: bob }, db())).toBeNull();
      expect(await db().select().from(writingSamples).where(eq(writingSamples.userId, bob))).toEqual([]);
      expect(await listSessions({ userId: bob, includeEnded: true }, db())).toEqual([]);
      const events = await db().select().from(auditEvents);
      const bobs = events.find((e) => e.action === "account.sign_in");
      expect(bobs).toMatchObject({ userId: null, ip: null, requestId: null, metadata: null, targetId: null });
      expect(events.find((e) => e.action === "admin.invite")).toMatchObject({ userId: alice, targetId: null });
      expect(await getUserById({ userId: alice }, db())).not.toBeNull();
    });
  });
});
