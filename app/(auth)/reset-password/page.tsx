import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { AuthPage } from "@/components/forms/auth-page";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  return (
    <AuthPage
      title="Choose a new password"
      lead="Every session of your account will be signed out, on every device."
      testId="reset-password-page"
      footer={<p><Link href="/forgot-password">Need a new link?</Link></p>}
    >
      {token ? (
        <ActionForm
          action={resetPasswordAction}
          testId="reset-password-form"
          submitLabel="Set the new password"
          pendingLabel="Saving…"
          fields={[
            {
              name: "password",
              label: "New password",
              type: "password",
              autoComplete: "new-password",
              hint: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; common passwords are refused.`,
              minLength: PASSWORD_MIN_LENGTH,
              maxLength: PASSWORD_MAX_LENGTH,
            },
            { name: "token", label: "", type: "hidden", defaultValue: token },
          ]}
          success={
            <>
              <h2>Password changed</h2>
              <p>
                Every session was signed out. <Link href="/sign-in?reset=1">Sign in with your new password</Link>.
              </p>
            </>
          }
        />
      ) : (
        <p role="status" data-testid="reset-password-missing">
          This page needs the link from your email. <Link href="/forgot-password">Ask for a new link</Link>.
        </p>
      )}
    </AuthPage>
  );
}
