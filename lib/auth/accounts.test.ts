import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getActiveSession, hasActiveSessions } from "@/db/queries/sessions";
import { getUserById } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { createSmtpMailer } from "@/lib/mail";
import { createAccountLimits } from "@/lib/rate-limit";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { runId } from "@/tests/helpers/services";
import {
  changePassword,
  changeSignupMode,
  deleteAccount,
  inviteWriter,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  signInWithPassword,
  signOutEverywhere,
  signUp,
  verifyEmail,
  type AccountDeps,
} from "./accounts";
import { exportUserData } from "./export";
import { createLockout } from "./lockout";
import { linkIn, startMailCatcher, type MailCatcher } from "./mail-catcher";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const PASSWORD = "lantern-orchard-47";
const NEW_PASSWORD = "harbour-violet-train-12";
let ipCounter = 0;
/** A new client address per scenario, so the 5-per-minute limits do not mix scenarios. */
const nextIp = () => `198.51.100.${++ipCounter}`;

describe.each(testEngines)("account rules on $title, mail through a real SMTP server", ({ title, skip, create }) => {
  let database: TestDatabase;
  let catcher: MailCatcher;
  let now = new Date("2026-05-01T09:00:00Z");
  let deps: AccountDeps;
  const pending: Promise<void>[] = [];
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const settled = async () => {
    // Background work may queue mail of its own: wait until nothing is left.
    while (pending.length > 0) await Promise.all(pending.splice(0));
  };
  // The limiters keep real time (rate-limiter-flexible reads Date.now): a fresh set stands for "a minute later".
  const freshLimits = () => createAccountLimits({ redis: null, namespace: `test-${runId()}` });
  beforeEach(() => {
    if (deps) deps.limits = freshLimits();
  });

  beforeAll(async () => {
    if (skip) return;
    database = await create();
    catcher = await startMailCatcher();
    const namespace = `test-${runId()}`;
    deps = {
      db: database.handle.db,
      limits: freshLimits(),
      lockout: createLockout({ redis: null, namespace }),
      mailer: createSmtpMailer({ smtpUrl: catcher.url, from: "Penprint <penprint@test.local>" }),
      clock: () => now,
      baseUrl: "http://penprint.test",
      defaultSignupMode: "open",
      pendingMail: pending,
    };
  });
  afterAll(async () => {
    await catcher?.close();
    await database?.drop();
  });

  describe.skipIf(skip)(title, () => {
    let adminId: string;

    it("signs up the first account as admin, mails a link that verifies it once", async () => {
      expect(await signUp(deps, { email: "Ada@Example.org", password: PASSWORD, ip: nextIp() })).toEqual({ status: "check_email" });
      const mail = await catcher.waitFor({ to: "ada@example.org", subject: /Verify/ });
      expect(mail.text).not.toContain(PASSWORD);
      const link = linkIn(mail, "/verify-email");
      expect(link.origin).toBe("http://penprint.test");
      const verified = await verifyEmail(deps, { token: link.searchParams.get("token") });
      adminId = verified.userId;
      const user = await getUserById({ userId: adminId }, deps.db);
      expect(user).toMatchObject({ role: "admin", email: "ada@example.org" });
      expect(user?.emailVerifiedAt).not.toBeNull();
      expect((await refusal(verifyEmail(deps, { token: link.searchParams.get("token") }))).code).toBe("token_invalid");
    });

    it("refuses weak passwords and bad addresses with field messages", async () => {
      const weak = await refusal(signUp(deps, { email: "grace@example.org", password: "password123", ip: nextIp() }));
      expect(weak.status).toBe(422);
      expect(weak.fields?.password).toMatch(/too common/);
      const short = await refusal(signUp(deps, { email: "not-an-email", password: "short", ip: nextIp() }));
      expect(Object.keys(short.fields ?? {}).sort()).toEqual(["email", "password"]);
    });

    it("answers a sign-up for a taken address exactly like a new one, and tells the owner by mail", async () => {
      const ip = nextIp();
      const answer = await signUp(deps, { email: "ada@example.org", password: "another-pass-phrase", ip });
      expect(answer).toEqual({ status: "check_email" });
      await catcher.waitFor({ to: "ada@example.org", subject: /already have/ });
      // The password of the existing account did not change.
      await signInWithPassword(deps, { email: "ada@example.org", password: PASSWORD, ip });
    });

    it("refuses a wrong password and an unknown email with the same answer", async () => {
      const ip = nextIp();
      const wrong = await refusal(signInWithPassword(deps, { email: "ada@example.org", password: "wrong-password-1", ip }));
      const unknown = await refusal(signInWithPassword(deps, { email: "nobody@example.org", password: "wrong-password-1", ip }));
      expect(wrong.status).toBe(401);
      expect(unknown.toBody()).toEqual(wrong.toBody());
    });

    it("locks after 5 failures from one client (423), not elsewhere, and a reset unlocks", async () => {
      const ip = nextIp();
      await signUp(deps, { email: "lin@example.org", password: PASSWORD, ip: nextIp() });
      await settled();
      for (let i = 0; i < 5; i++) {
        const e = await refusal(signInWithPassword(deps, { email: "lin@example.org", password: `wrong-guess-${i}`, ip }));
        expect(e.status).toBe(401);
      }
      // The 5-per-minute limit is checked first, so the 6th attempt within the minute is a 429 ...
      const limited = await refusal(signInWithPassword(deps, { email: "lin@example.org", password: PASSWORD, ip }));
      expect(limited.status).toBe(429);
      expect(limited.retryAfterSeconds).toBeGreaterThan(0);
      // ... and a minute later the lockout answers 423, even with the right password.
      deps.limits = freshLimits();
      const lockedOut = await refusal(signInWithPassword(deps, { email: "lin@example.org", password: PASSWORD, ip }));
      expect(lockedOut.status).toBe(423);
      expect(lockedOut.message).toMatch(/Try again in 15 minutes/);
      // Another client is not locked out.
      await signInWithPassword(deps, { email: "lin@example.org", password: PASSWORD, ip: nextIp() });
    });

    it("mails reset links only to real accounts, answering the same; a link works once within 1 hour", async () => {
      const known = await requestPasswordReset(deps, { email: "ada@example.org", ip: nextIp() });
      const unknown = await requestPasswordReset(deps, { email: "ghost@example.org", ip: nextIp() });
      expect(unknown).toEqual(known);
      await settled();
      expect(catcher.messages.some((m) => m.to.includes("ghost@example.org"))).toBe(false);
      const mail = await catcher.waitFor({ to: "ada@example.org", subject: /Reset/ });
      const token = linkIn(mail, "/reset-password").searchParams.get("token");

      const session = await signInWithPassword(deps, { email: "ada@example.org", password: PASSWORD, ip: nextIp() });
      advance(61 * 60_000);
      expect((await refusal(resetPassword(deps, { token, password: NEW_PASSWORD, ip: nextIp() }))).code).toBe("token_invalid");

      await requestPasswordReset(deps, { email: "ada@example.org", ip: nextIp() });
      await settled();
      const second = catcher.messages.filter((m) => m.to.includes("ada@example.org") && /Reset/.test(m.subject)).at(-1);
      const fresh = linkIn(second!, "/reset-password").searchParams.get("token");
      expect(fresh).not.toBe(token);
      await resetPassword(deps, { token: fresh, password: NEW_PASSWORD, ip: nextIp() });
      // Every old session ended; the old password is gone; the link is spent.
      expect(await getActiveSession({ userId: adminId, sessionId: session.sessionId, now }, deps.db)).toBeNull();
      expect((await refusal(signInWithPassword(deps, { email: "ada@example.org", password: PASSWORD, ip: nextIp() }))).status).toBe(401);
      await signInWithPassword(deps, { email: "ada@example.org", password: NEW_PASSWORD, ip: nextIp() });
      expect((await refusal(resetPassword(deps, { token: fresh, password: PASSWORD, ip: nextIp() }))).code).toBe("token_invalid");
    });

    it("a reset lifts a lockout on every client", async () => {
      const ip = nextIp();
      await signUp(deps, { email: "mo@example.org", password: PASSWORD, ip: nextIp() });
      await settled();
      const emailIp = ["a", "b", "c", "d", "e"];
      for (const suffix of emailIp) {
        await refusal(signInWithPassword(deps, { email: "mo@example.org", password: `nope-nope-${suffix}`, ip }));
      }
      deps.limits = freshLimits();
      expect((await refusal(signInWithPassword(deps, { email: "mo@example.org", password: PASSWORD, ip }))).status).toBe(423);
      await requestPasswordReset(deps, { email: "mo@example.org", ip: nextIp() });
      const mail = await catcher.waitFor({ to: "mo@example.org", subject: /Reset/ });
      await resetPassword(deps, { token: linkIn(mail, "/reset-password").searchParams.get("token"), password: NEW_PASSWORD, ip: nextIp() });
      deps.limits = freshLimits();
      await signInWithPassword(deps, { email: "mo@example.org", password: NEW_PASSWORD, ip });
    });

    it("a password change ends every other session; sign out everywhere ends all", async () => {
      const a = await signInWithPassword(deps, { email: "ada@example.org", password: NEW_PASSWORD, ip: nextIp() });
      const b = await signInWithPassword(deps, { email: "ada@example.org", password: NEW_PASSWORD, ip: nextIp() });
      const wrong = await refusal(changePassword(deps, { userId: adminId, sessionId: a.sessionId, currentPassword: "not-it-at-all", newPassword: PASSWORD }));
      expect(wrong.fields?.currentPassword).toBeDefined();
      await changePassword(deps, { userId: adminId, sessionId: a.sessionId, currentPassword: NEW_PASSWORD, newPassword: PASSWORD });
      expect(await getActiveSession({ userId: adminId, sessionId: b.sessionId, now }, deps.db)).toBeNull();
      expect(await getActiveSession({ userId: adminId, sessionId: a.sessionId, now }, deps.db)).not.toBeNull();
      await signOutEverywhere(deps, { userId: adminId });
      expect(await hasActiveSessions({ userId: adminId, now }, deps.db)).toBe(false);
    });

    it("an email change takes effect when the new address confirms, ending the other sessions", async () => {
      const a = await signInWithPassword(deps, { email: "ada@example.org", password: PASSWORD, ip: nextIp() });
      const b = await signInWithPassword(deps, { email: "ada@example.org", password: PASSWORD, ip: nextIp() });
      await requestEmailChange(deps, { userId: adminId, newEmail: "ada.new@example.org", currentPassword: PASSWORD, ip: nextIp() });
      await catcher.waitFor({ to: "ada@example.org", subject: /changing/ });
      const mail = await catcher.waitFor({ to: "ada.new@example.org", subject: /Confirm/ });
      expect((await getUserById({ userId: adminId }, deps.db))?.email).toBe("ada@example.org");
      const result = await verifyEmail(deps, { token: linkIn(mail, "/verify-email").searchParams.get("token"), currentSessionId: a.sessionId });
      expect(result.changed).toBe(true);
      expect((await getUserById({ userId: adminId }, deps.db))?.email).toBe("ada.new@example.org");
      expect(await getActiveSession({ userId: adminId, sessionId: b.sessionId, now }, deps.db)).toBeNull();
      expect(await getActiveSession({ userId: adminId, sessionId: a.sessionId, now }, deps.db)).not.toBeNull();
    });

    it("expires verification links after 24 hours", async () => {
      await signUp(deps, { email: "late@example.org", password: PASSWORD, ip: nextIp() });
      await settled();
      const mail = await catcher.waitFor({ to: "late@example.org", subject: /Verify/ });
      advance(24 * 3_600_000 + 1000);
      expect((await refusal(verifyEmail(deps, { token: linkIn(mail, "/verify-email").searchParams.get("token") }))).code).toBe("token_invalid");
    });

    it("invite mode: no invitation, a wrong address or a used invitation is refused", async () => {
      await changeSignupMode(deps, { adminId, mode: "invite" });
      expect((await refusal(signUp(deps, { email: "zoe@example.org", password: PASSWORD, ip: nextIp() }))).code).toBe("invite_required");
      await inviteWriter(deps, { adminId, email: "zoe@example.org" });
      const mail = await catcher.waitFor({ to: "zoe@example.org", subject: /invited/ });
      const invite = linkIn(mail, "/sign-up").searchParams.get("invite");
      expect((await refusal(signUp(deps, { email: "mallory@example.org", password: PASSWORD, invite, ip: nextIp() }))).code).toBe("invite_invalid");
      await signUp(deps, { email: "zoe@example.org", password: PASSWORD, invite, ip: nextIp() });
      await catcher.waitFor({ to: "zoe@example.org", subject: /Verify/ });
      expect((await refusal(signUp(deps, { email: "zoe2@example.org", password: PASSWORD, invite, ip: nextIp() }))).code).toBe("invite_invalid");
      await changeSignupMode(deps, { adminId, mode: "closed" });
      expect((await refusal(signUp(deps, { email: "yan@example.org", password: PASSWORD, ip: nextIp() }))).code).toBe("signup_closed");
      expect((await refusal(changeSignupMode(deps, { adminId, mode: "everyone" }))).status).toBe(422);
      await changeSignupMode(deps, { adminId, mode: "open" });
    });

    it("exports everything about a user as JSON without secrets, then deletes every row", async () => {
      const zoe = await signInWithPassword(deps, { email: "zoe@example.org", password: PASSWORD, ip: nextIp() });
      const data = await exportUserData({ userId: zoe.user.id, db: deps.db, now });
      const json = JSON.stringify(data);
      expect(data?.account.email).toBe("zoe@example.org");
      expect(data?.sessions).toHaveLength(1);
      expect(json).not.toMatch(/argon2|passwordHash|tokenHash/);
      expect(json).not.toContain("ada");
      const refused = await refusal(deleteAccount(deps, { userId: zoe.user.id, currentPassword: PASSWORD, confirm: "yes" }));
      expect(refused.fields?.confirm).toBeDefined();
      await deleteAccount(deps, { userId: zoe.user.id, currentPassword: PASSWORD, confirm: "DELETE" });
      expect(await getUserById({ userId: zoe.user.id }, deps.db)).toBeNull();
      expect(await exportUserData({ userId: zoe.user.id, db: deps.db })).toBeNull();
      expect((await refusal(signInWithPassword(deps, { email: "zoe@example.org", password: PASSWORD, ip: nextIp() }))).status).toBe(401);
    });
  });
});
