"use server";

import { redirect } from "next/navigation";
import {
  changePassword,
  changeSignupMode,
  deleteAccount,
  inviteWriter,
  requestEmailChange,
  signOutEverywhere,
} from "@/lib/auth/accounts";
import { saveModelChoice } from "@/lib/ai/models";
import { signOut } from "@/lib/auth/auth";
import { currentClientIp } from "@/lib/auth/client-address";
import { getAccountDeps } from "@/lib/auth/deps";
import { requireAdmin, requireUser } from "@/lib/auth/require-user";
import { getEnv } from "@/lib/env";
import { runAction, type ActionResult } from "@/lib/errors";
import { setAuditAction } from "@/lib/server/request-context";

/** Settings actions: each one checks the signed-in user (and the admin role where needed) itself. */

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

type Previous = ActionResult<unknown> | null;

export async function changePasswordAction(_previous: Previous, formData: FormData) {
  setAuditAction({ action: "account.change_password" });
  return runAction(async () => {
    const user = await requireUser();
    return changePassword(await getAccountDeps(), {
      userId: user.id,
      sessionId: user.sessionId,
      currentPassword: field(formData, "currentPassword"),
      newPassword: field(formData, "newPassword"),
    });
  });
}

export async function changeEmailAction(_previous: Previous, formData: FormData) {
  setAuditAction({ action: "account.change_email_requested" });
  return runAction(async () => {
    const user = await requireUser();
    const result = await requestEmailChange(await getAccountDeps(), {
      userId: user.id,
      newEmail: field(formData, "newEmail"),
      currentPassword: field(formData, "currentPassword"),
      ip: currentClientIp(),
    });
    return { status: result.status };
  });
}

export async function signOutEverywhereAction(_previous: Previous, _formData: FormData): Promise<ActionResult<unknown>> {
  setAuditAction({ action: "account.sign_out_everywhere" });
  const result = await runAction(async () => {
    const user = await requireUser();
    return signOutEverywhere(await getAccountDeps(), { userId: user.id });
  });
  if (!result.ok) return result;
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
  return result;
}

export async function deleteAccountAction(_previous: Previous, formData: FormData): Promise<ActionResult<unknown>> {
  setAuditAction({ action: "account.delete" });
  const result = await runAction(async () => {
    const user = await requireUser();
    return deleteAccount(await getAccountDeps(), {
      userId: user.id,
      currentPassword: field(formData, "currentPassword"),
      confirm: field(formData, "confirm"),
    });
  });
  if (!result.ok) return result;
  // The audit row keeps only the action: the user is gone.
  setAuditAction({ action: "account.delete", userId: null });
  await signOut({ redirect: false });
  redirect("/?deleted=1");
}

export async function inviteAction(_previous: Previous, formData: FormData) {
  setAuditAction({ action: "admin.invite" });
  return runAction(async () => {
    const admin = await requireAdmin();
    const invite = await inviteWriter(await getAccountDeps(), { adminId: admin.id, email: field(formData, "email") });
    return { id: invite.id };
  });
}

export async function signupModeAction(_previous: Previous, formData: FormData) {
  setAuditAction({ action: "admin.signup_mode" });
  return runAction(async () => {
    const admin = await requireAdmin();
    return changeSignupMode(await getAccountDeps(), { adminId: admin.id, mode: field(formData, "mode") });
  });
}

export async function rewriteModelAction(_previous: Previous, formData: FormData) {
  setAuditAction({ action: "account.rewrite_model" });
  return runAction(async () => {
    const user = await requireUser();
    return saveModelChoice({ userId: user.id, model: field(formData, "model"), baseUrl: getEnv().OLLAMA_BASE_URL });
  });
}
