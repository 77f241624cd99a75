import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { AuthPage } from "@/components/forms/auth-page";
import styles from "@/components/forms/forms.module.css";
import { safeReturnPath } from "@/lib/auth/safe-redirect";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  const notice =
    params.signedOut !== undefined
      ? "You are signed out."
      : params.reset !== undefined
        ? "Your password was changed. Sign in with the new one."
        : params.verified !== undefined
          ? "Your email address is verified. Sign in to continue."
          : null;
  return (
    <AuthPage
      title="Sign in"
      lead="Welcome back. Your drafts and your voice are waiting."
      testId="sign-in-page"
      footer={
        <p>
          <Link href="/forgot-password">Forgot your password?</Link> · New here? <Link href="/sign-up">Create an account</Link>
        </p>
      }
    >
      {notice ? (
        <div role="status" className={styles.success} data-testid="sign-in-notice" style={{ marginBottom: "var(--space-4)" }}>
          <p>{notice}</p>
        </div>
      ) : null}
      <ActionForm
        action={signInAction}
        testId="sign-in-form"
        submitLabel="Sign in"
        pendingLabel="Signing in…"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
          { name: "callbackUrl", label: "", type: "hidden", defaultValue: callbackUrl },
        ]}
      />
    </AuthPage>
  );
}
