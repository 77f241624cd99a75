import { z } from "zod";
import type { Database } from "@/db/client";
import { consumeInvite, createInvite } from "@/db/queries/invites";
import { createSession, revokeAllSessions } from "@/db/queries/sessions";
import { setSignupMode, signupModeSchema, type SignupMode } from "@/db/queries/settings";
import {
  consumeEmailVerificationToken,
  consumePasswordResetToken,
  createEmailVerificationToken,
  createPasswordResetToken,
} from "@/db/queries/tokens";
import {
  countUsers,
  createUser,
  deleteUser,
  getPasswordHash,
  getUserById,
  getUserCredentialsByEmail,
  updatePasswordHash,
  verifyUserEmail,
  type PublicUser,
} from "@/db/queries/users";
import { AppError, forbidden, fromZodError, invalid, locked, notFound, rateLimited, unauthorized } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { sendInBackground, type Mailer } from "@/lib/mail";
import { describeWait, type AccountLimits, type LimitedAction } from "@/lib/rate-limit";
import type { Clock } from "./clock";
import {
  emailChangeNoticeEmail,
  existingAccountEmail,
  inviteEmail,
  passwordChangedEmail,
  resetEmail,
  verificationEmail,
} from "./emails";
import { lockedMessage, type Lockout } from "./lockout";
import { existingPasswordSchema, hashPassword, newPasswordSchema, verifyDummyPassword, verifyPassword } from "./password";
import { SESSION_MAX_AGE_MS } from "./session-policy";
import { getEffectiveSignupMode } from "./signup-mode";
import {
  expiryFrom,
  generateToken,
  hashToken,
  INVITE_TOKEN_TTL_MS,
  isTokenShaped,
  RESET_TOKEN_TTL_MS,
  VERIFICATION_TOKEN_TTL_MS,
} from "./tokens";
import { clearUserCaches } from "./user-caches";

/**
 * The account rules, as plain functions over injected dependencies (database, limits, lockout,
 * mailer, clock): server actions and route handlers are thin wrappers, and tests call these directly.
 * Answers for known and unknown emails are the same and cost the same (argon2 either way, mail sent
 * off the request path).
 */
export interface AccountDeps {
  db: Database;
  limits: AccountLimits;
  lockout: Lockout;
  mailer: Mailer;
  clock: Clock;
  /** Public origin for links in mail (AUTH_URL). */
  baseUrl: string;
  /** SIGNUP_MODE: the default until an admin stores another. */
  defaultSignupMode: SignupMode;
  /** Mail and background work still on their way (tests await them); production does not wait. */
  pendingMail?: Promise<void>[];
}

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, { message: "Enter your email address." })
  .max(254, { message: "That address is too long." })
  .email({ message: "Enter a valid email address, like name@example.org." })
  .transform((email) => email.toLowerCase());

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

function link(deps: AccountDeps, path: string, params: Record<string, string>): string {
  const url = new URL(path, deps.baseUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function mail(deps: AccountDeps, message: Parameters<typeof sendInBackground>[1], purpose: string): void {
  const pending = sendInBackground(deps.mailer, message, purpose);
  deps.pendingMail?.push(pending);
}

/**
 * Work whose presence would tell whether an address has an account (writes, mail) runs after the
 * answer, so both answers take the same time. Failures are logged by purpose, never with the address.
 */
function inBackground(deps: AccountDeps, work: () => Promise<void>, purpose: string): void {
  const pending = Promise.resolve()
    .then(work)
    .catch((error: unknown) => {
      logger.error({ purpose, error: error instanceof Error ? error.message : String(error) }, "background account work failed");
    });
  deps.pendingMail?.push(pending);
}

/** Spends one attempt; a 429 with Retry-After when the address or the email used up its minute. */
async function limit(deps: AccountDeps, action: LimitedAction, subject: { ip: string | null; email?: string; userId?: string }) {
  const limited = await deps.limits.consume(action, subject);
  if (limited) {
    throw rateLimited(Math.ceil(limited.retryAfterMs / 1000), `Too many attempts. Please wait ${describeWait(limited.retryAfterMs)} and try again.`);
  }
}

const invalidCredentials = () =>
  new AppError({ status: 401, code: "invalid_credentials", message: "That email and password do not match an account." });

// ---------------------------------------------------------------- sign in

export const signInSchema = z.object({ email: emailSchema, password: existingPasswordSchema });

export interface SignedIn {
  user: PublicUser;
  sessionId: string;
}

/**
 * Limits, then lockout, then the password (or a dummy hash for an unknown email). A success opens a
 * server-side session row; a failure is counted against (email, client) whether or not the email exists.
 */
export async function signInWithPassword(
  deps: AccountDeps,
  { email: rawEmail, password: rawPassword, ip, userAgent = null }: { email: unknown; password: unknown; ip: string | null; userAgent?: string | null },
): Promise<SignedIn> {
  const emailGuess = typeof rawEmail === "string" ? rawEmail.trim().toLowerCase() : "";
  await limit(deps, "sign-in", { ip, email: emailGuess || undefined });
  const { email, password } = parse(signInSchema, { email: rawEmail, password: rawPassword });
  const lockedUntil = await deps.lockout.lockedUntil({ email, ip });
  if (lockedUntil) throw locked(lockedMessage(lockedUntil), "account_locked");
  const credentials = await getUserCredentialsByEmail({ email }, deps.db);
  const ok = credentials
    ? await verifyPassword({ hash: credentials.passwordHash, password })
    : await verifyDummyPassword(password);
  if (!ok || !credentials) {
    await deps.lockout.recordFailure({ email, ip });
    throw invalidCredentials();
  }
  await deps.lockout.recordSuccess({ email, ip });
  const now = deps.clock();
  const session = await createSession(
    { userId: credentials.id, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_MS), ip, userAgent, now },
    deps.db,
  );
  const user = await getUserById({ userId: credentials.id }, deps.db);
  if (!user) throw invalidCredentials();
  return { user, sessionId: session.id };
}

// ---------------------------------------------------------------- sign up

export const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: z.string().trim().max(100, { message: "Use at most 100 characters." }).optional(),
  invite: z.string().optional(),
});

export type SignUpOutcome = { status: "check_email" };

/**
 * Creates an account (the first one is the admin) and mails a verification link. An address that
 * already has an account gets a "you already have an account" mail instead; the answer is the same.
 */
export async function signUp(
  deps: AccountDeps,
  input: { email: unknown; password: unknown; name?: unknown; invite?: unknown; ip: string | null },
): Promise<SignUpOutcome> {
  const emailGuess = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  await limit(deps, "sign-up", { ip: input.ip, email: emailGuess || undefined });
  const { email, password, name, invite } = parse(signUpSchema, input);

  const mode = await getEffectiveSignupMode({ db: deps.db, fallback: deps.defaultSignupMode });
  // Hash first: the same argon2 work whether or not the address is taken.
  const passwordHash = await hashPassword(password);
  const anyAccount = await getUserCredentialsByEmail({ email }, deps.db);
  const now = deps.clock();

  if (mode === "closed") {
    if ((await countUsers(deps.db)) > 0) {
      throw forbidden("Sign-up is closed on this Penprint. Ask its administrator for an account.", "signup_closed");
    }
  }
  if (mode === "invite") {
    if ((await countUsers(deps.db)) > 0) {
      if (typeof invite !== "string" || !isTokenShaped(invite)) {
        throw forbidden("Sign-up on this Penprint needs an invitation. Use the link from your invitation email.", "invite_required");
      }
      if (!anyAccount) {
        const used = await consumeInvite({ tokenHash: hashToken(invite), email, now }, deps.db);
        if (!used) {
          throw new AppError({
            status: 403,
            code: "invite_invalid",
            message: "This invitation is not valid for this address, or it has expired or been used.",
          });
        }
      }
    }
  }

  if (anyAccount) {
    mail(
      deps,
      existingAccountEmail({ to: email, signInLink: link(deps, "/sign-in", {}), resetLink: link(deps, "/forgot-password", {}) }),
      "existing-account",
    );
    return { status: "check_email" };
  }

  inBackground(
    deps,
    async () => {
      const created = await createUser({ email, passwordHash, name: name || null }, deps.db);
      if (created) await sendVerification(deps, { userId: created.user.id, email, change: false });
    },
    "sign-up",
  );
  return { status: "check_email" };
}

async function sendVerification(deps: AccountDeps, { userId, email, change }: { userId: string; email: string; change: boolean }) {
  const { token, tokenHash } = generateToken();
  const now = deps.clock();
  await createEmailVerificationToken(
    { userId, email, tokenHash, expiresAt: expiryFrom(deps.clock, VERIFICATION_TOKEN_TTL_MS), now },
    deps.db,
  );
  mail(deps, verificationEmail({ to: email, link: link(deps, "/verify-email", { token }), change }), "verify-email");
}

/** Mails a fresh verification link to a signed-in, unverified user (limited like the other mail). */
export async function resendVerification(deps: AccountDeps, { userId, ip }: { userId: string; ip: string | null }) {
  await limit(deps, "resend-verification", { ip, userId });
  const user = await getUserById({ userId }, deps.db);
  if (!user) throw unauthorized();
  if (user.emailVerifiedAt) return { status: "already_verified" as const };
  await sendVerification(deps, { userId, email: user.email, change: false });
  return { status: "sent" as const };
}

// ---------------------------------------------------------------- verify email

/**
 * Uses a verification link. For an email change the address switches now, and every other session
 * ends (the one opening the link, when it is the same user's, stays).
 */
export async function verifyEmail(
  deps: AccountDeps,
  { token, currentSessionId }: { token: unknown; currentSessionId?: string },
): Promise<{ userId: string; email: string; changed: boolean }> {
  const refused = new AppError({
    status: 400,
    code: "token_invalid",
    message: "This verification link is not valid any more: it was used, replaced by a newer one, or it expired.",
  });
  if (!isTokenShaped(token)) throw refused;
  const now = deps.clock();
  const used = await consumeEmailVerificationToken({ tokenHash: hashToken(token), now }, deps.db);
  if (!used) throw refused;
  const before = await getUserById({ userId: used.userId }, deps.db);
  if (!before) throw refused;
  const changed = before.email.toLowerCase() !== used.email.toLowerCase();
  const switched = await verifyUserEmail({ userId: used.userId, email: used.email, now }, deps.db);
  if (!switched) {
    throw new AppError({ status: 409, code: "email_taken", message: "Another account uses that address now." });
  }
  if (changed) await revokeAllSessions({ userId: used.userId, exceptSessionId: currentSessionId, now }, deps.db);
  return { userId: used.userId, email: used.email, changed };
}

// ---------------------------------------------------------------- forgot / reset

export type ForgotOutcome = { status: "check_email" };

/** Mails a reset link when the address has an account; answers the same, as fast, when it has none. */
export async function requestPasswordReset(deps: AccountDeps, { email: rawEmail, ip }: { email: unknown; ip: string | null }): Promise<ForgotOutcome> {
  const emailGuess = typeof rawEmail === "string" ? rawEmail.trim().toLowerCase() : "";
  await limit(deps, "forgot-password", { ip, email: emailGuess || undefined });
  const email = parse(emailSchema, rawEmail);
  const user = await getUserCredentialsByEmail({ email }, deps.db);
  const { token, tokenHash } = generateToken();
  const now = deps.clock();
  if (user) {
    inBackground(
      deps,
      async () => {
        await createPasswordResetToken({ userId: user.id, tokenHash, expiresAt: expiryFrom(() => now, RESET_TOKEN_TTL_MS), now }, deps.db);
        mail(deps, resetEmail({ to: user.email, link: link(deps, "/reset-password", { token }) }), "reset-password");
      },
      "forgot-password",
    );
  }
  return { status: "check_email" };
}

export const resetPasswordSchema = z.object({ password: newPasswordSchema });

/**
 * Sets a new password from a reset link: every session ends, the lockout on the email is lifted
 * everywhere, and the address counts as verified (the link reached it).
 */
export async function resetPassword(
  deps: AccountDeps,
  { token, password: rawPassword, ip }: { token: unknown; password: unknown; ip: string | null },
): Promise<{ userId: string }> {
  await limit(deps, "reset-password", { ip });
  const { password } = parse(resetPasswordSchema, { password: rawPassword });
  if (!isTokenShaped(token)) throw resetRefused();
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  const used = await consumePasswordResetToken({ tokenHash: hashToken(token), now }, deps.db);
  if (!used) throw resetRefused();
  const user = await getUserById({ userId: used.userId }, deps.db);
  if (!user) throw resetRefused();
  await updatePasswordHash({ userId: user.id, passwordHash, now }, deps.db);
  await revokeAllSessions({ userId: user.id, now }, deps.db);
  if (!user.emailVerifiedAt) await verifyUserEmail({ userId: user.id, email: user.email, now }, deps.db);
  await deps.lockout.unlock(user.email);
  mail(deps, passwordChangedEmail({ to: user.email }), "password-changed");
  return { userId: user.id };
}

const resetRefused = () =>
  new AppError({
    status: 400,
    code: "token_invalid",
    message: "This reset link is not valid any more: it was used, replaced by a newer one, or it expired (links last 1 hour).",
  });

// ---------------------------------------------------------------- settings (signed in)

async function assertPassword(deps: AccountDeps, { userId, password, field }: { userId: string; password: unknown; field: string }) {
  const parsed = existingPasswordSchema.safeParse(password);
  const hash = await getPasswordHash({ userId }, deps.db);
  if (!hash) throw unauthorized();
  const ok = parsed.success && (await verifyPassword({ hash, password: parsed.data }));
  if (!ok) throw invalid({ [field]: "That is not your current password." }, "Your current password is needed for this.", "wrong_password");
}

export const changePasswordSchema = z.object({ currentPassword: existingPasswordSchema, newPassword: newPasswordSchema });

/** Changes the password; every other session ends at once. */
export async function changePassword(
  deps: AccountDeps,
  { userId, sessionId, currentPassword, newPassword }: { userId: string; sessionId: string; currentPassword: unknown; newPassword: unknown },
): Promise<{ otherSessionsEnded: number }> {
  const input = parse(changePasswordSchema, { currentPassword, newPassword });
  await assertPassword(deps, { userId, password: input.currentPassword, field: "currentPassword" });
  if (input.currentPassword === input.newPassword) {
    throw invalid({ newPassword: "Choose a password different from the current one." });
  }
  const now = deps.clock();
  await updatePasswordHash({ userId, passwordHash: await hashPassword(input.newPassword), now }, deps.db);
  const otherSessionsEnded = await revokeAllSessions({ userId, exceptSessionId: sessionId, now }, deps.db);
  const user = await getUserById({ userId }, deps.db);
  if (user) mail(deps, passwordChangedEmail({ to: user.email }), "password-changed");
  return { otherSessionsEnded };
}

export const changeEmailSchema = z.object({ newEmail: emailSchema, currentPassword: existingPasswordSchema });

/**
 * Starts an email change: the new address gets a confirmation link, the old one a notice. Nothing
 * changes (and no session ends) until the link is opened. Whether the new address is taken is only
 * told then, to the owner of that address.
 */
export async function requestEmailChange(
  deps: AccountDeps,
  { userId, newEmail, currentPassword, ip }: { userId: string; newEmail: unknown; currentPassword: unknown; ip: string | null },
): Promise<{ status: "check_email"; email: string }> {
  await limit(deps, "change-email", { ip, userId });
  const input = parse(changeEmailSchema, { newEmail, currentPassword });
  await assertPassword(deps, { userId, password: input.currentPassword, field: "currentPassword" });
  const user = await getUserById({ userId }, deps.db);
  if (!user) throw unauthorized();
  if (user.email.toLowerCase() === input.newEmail) throw invalid({ newEmail: "That is already your address." });
  await sendVerification(deps, { userId, email: input.newEmail, change: true });
  mail(deps, emailChangeNoticeEmail({ to: user.email, newEmail: input.newEmail }), "email-change-notice");
  return { status: "check_email", email: input.newEmail };
}

export async function signOutEverywhere(deps: AccountDeps, { userId }: { userId: string }): Promise<{ ended: number }> {
  return { ended: await revokeAllSessions({ userId, now: deps.clock() }, deps.db) };
}

export const deleteAccountSchema = z.object({
  currentPassword: existingPasswordSchema,
  confirm: z.literal("DELETE", { message: 'Type DELETE to confirm.' }),
});

/** Deletes the account: every row (cascade), every cache entry; audit events keep only the action. */
export async function deleteAccount(
  deps: AccountDeps,
  { userId, currentPassword, confirm }: { userId: string; currentPassword: unknown; confirm: unknown },
): Promise<{ deleted: true }> {
  const input = parse(deleteAccountSchema, { currentPassword, confirm });
  await assertPassword(deps, { userId, password: input.currentPassword, field: "currentPassword" });
  await clearUserCaches(userId);
  if (!(await deleteUser({ userId }, deps.db))) throw notFound();
  return { deleted: true };
}

// ---------------------------------------------------------------- admin

export const inviteSchema = z.object({ email: emailSchema });

/** An admin invites one address; the link works for that address only, once, for 7 days. */
export async function inviteWriter(deps: AccountDeps, { adminId, email: rawEmail }: { adminId: string; email: unknown }) {
  const { email } = parse(inviteSchema, { email: rawEmail });
  const { token, tokenHash } = generateToken();
  const invite = await createInvite(
    { userId: adminId, email, tokenHash, expiresAt: expiryFrom(deps.clock, INVITE_TOKEN_TTL_MS), now: deps.clock() },
    deps.db,
  );
  mail(deps, inviteEmail({ to: email, link: link(deps, "/sign-up", { invite: token, email }) }), "invite");
  return invite;
}

export async function changeSignupMode(deps: AccountDeps, { adminId, mode }: { adminId: string; mode: unknown }) {
  const parsed = signupModeSchema.safeParse(mode);
  if (!parsed.success) throw invalid({ mode: "Choose open, invite or closed." });
  await setSignupMode({ userId: adminId, mode: parsed.data, now: deps.clock() }, deps.db);
  return { mode: parsed.data };
}
