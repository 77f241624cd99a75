import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { AuthPage } from "@/components/forms/auth-page";
import { forgotPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthPage
      title="Forgot your password?"
      lead="Give the address you sign in with; we will mail a link to choose a new password."
      testId="forgot-password-page"
      footer={<p>Remembered it? <Link href="/sign-in">Sign in</Link></p>}
    >
      <ActionForm
        action={forgotPasswordAction}
        testId="forgot-password-form"
        submitLabel="Send the link"
        pendingLabel="Sending…"
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
        success={
          <>
            <h2>Check your email</h2>
            <p>If an account uses that address, a link to reset its password is on its way. It works once, for 1 hour.</p>
          </>
        }
      />
    </AuthPage>
  );
}
