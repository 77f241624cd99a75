"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import {
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signUp,
  verifyEmail,
} from "@/lib/auth/accounts";
import { signIn, signInAttempt, signOut, type SignInAttempt } from "@/lib/auth/auth";
import { currentClientIp } from "@/lib/auth/client-address";
import { getAccountDeps } from "@/lib/auth/deps";
import { getCurrentUser, requireUser } from "@/lib/auth/require-user";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { actionError, runAction, type ActionResult } from "@/lib/errors";
import { setAuditAction, setRequestUser } from "@/lib/server/request-context";

/**
 * The account pages' server actions. Each is a public POST: it checks its own input, limits and
 * (where it acts for someone) the signed-in user; the rules live in lib/auth/accounts.ts.
 */

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

export async function signInAction(_previous: ActionResult<unknown> | null, formData: FormData): Promise<ActionResult<unknown>> {
  setAuditAction({ action: "account.sign_in" });
  const attempt: SignInAttempt = {};
  try {
    await signInAttempt.run(attempt, () =>
      signIn("credentials", { email: field(formData, "email") ?? "", password: field(formData, "password") ?? "", redirect: false }),
    );
  } catch (error) {
    // Auth.js reports every refusal as CredentialsSignin; the reason was kept in `attempt`.
    if (!(error instanceof AuthError)) return actionError(error);
  }
  if (attempt.error !== undefined || !attempt.signedIn) return actionError(attempt.error);
  setRequestUser(attempt.signedIn.user.id);
  setAuditAction({ action: "account.sign_in", userId: attempt.signedIn.user.id });
  redirect(safeReturnPath(field(formData, "callbackUrl")));
}

export async function signUpAction(_previous: ActionResult<unknown> | null, formData: FormData) {
  setAuditAction({ action: "account.sign_up" });
  return runAction(async () =>
    signUp(await getAccountDeps(), {
      email: field(formData, "email"),
      password: field(formData, "password"),
      name: field(formData, "name") || undefined,
      invite: field(formData, "invite") || undefined,
      ip: currentClientIp(),
    }),
  );
}

export async function verifyEmailAction(_previous: ActionResult<unknown> | null, formData: FormData) {
  setAuditAction({ action: "account.verify_email" });
  return runAction(async () => {
    const current = await getCurrentUser();
    const result = await verifyEmail(await getAccountDeps(), {
      token: field(formData, "token"),
      currentSessionId: current?.sessionId,
    });
    setAuditAction({ action: result.changed ? "account.email_changed" : "account.verify_email", userId: result.userId });
    return { changed: result.changed, signedIn: current?.id === result.userId };
  });
}

export async function resendVerificationAction(_previous: ActionResult<unknown> | null, _formData: FormData) {
  setAuditAction({ action: "account.resend_verification" });
  return runAction(async () => {
    const user = await requireUser();
    return resendVerification(await getAccountDeps(), { userId: user.id, ip: currentClientIp() });
  });
}

export async function forgotPasswordAction(_previous: ActionResult<unknown> | null, formData: FormData) {
  setAuditAction({ action: "account.forgot_password" });
  return runAction(async () => requestPasswordReset(await getAccountDeps(), { email: field(formData, "email"), ip: currentClientIp() }));
}

export async function resetPasswordAction(_previous: ActionResult<unknown> | null, formData: FormData) {
  setAuditAction({ action: "account.reset_password" });
  return runAction(async () => {
    const { userId } = await resetPassword(await getAccountDeps(), {
      token: field(formData, "token"),
      password: field(formData, "password"),
      ip: currentClientIp(),
    });
    setAuditAction({ action: "account.reset_password", userId });
    return { reset: true };
  });
}

export async function signOutAction() {
  const user = await getCurrentUser();
  setAuditAction({ action: "account.sign_out", userId: user?.id ?? null });
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
