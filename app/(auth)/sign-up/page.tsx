import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { AuthPage } from "@/components/forms/auth-page";
import { getDb } from "@/db/client";
import { countUsers } from "@/db/queries/users";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { getEffectiveSignupMode } from "@/lib/auth/signup-mode";
import { getEnv } from "@/lib/env";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const invite = typeof params.invite === "string" ? params.invite : undefined;
  const invitedEmail = typeof params.email === "string" ? params.email : undefined;
  const db = await getDb();
  const first = (await countUsers(db)) === 0;
  const mode = first ? "open" : await getEffectiveSignupMode({ db, fallback: getEnv().SIGNUP_MODE });

  if (mode === "closed" || (mode === "invite" && !invite)) {
    return (
      <AuthPage
        title="Create an account"
        testId="sign-up-page"
        footer={<p>Already have an account? <Link href="/sign-in">Sign in</Link></p>}
      >
        <div role="status" data-testid="sign-up-unavailable">
          <p>
            {mode === "closed"
              ? "Sign-up is closed on this Penprint. Ask its administrator for an account."
              : "Sign-up on this Penprint is by invitation. Open the link in your invitation email to create your account."}
          </p>
        </div>
      </AuthPage>
    );
  }

  const fields: FieldSpec[] = [
    { name: "name", label: "Name (optional)", autoComplete: "name", required: false, maxLength: 100 },
    { name: "email", label: "Email", type: "email", autoComplete: "email", defaultValue: invitedEmail },
    {
      name: "password",
      label: "Password",
      type: "password",
      autoComplete: "new-password",
      hint: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters. A few unrelated words make a strong one; common passwords are refused.`,
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
    },
  ];
  if (invite) fields.push({ name: "invite", label: "", type: "hidden", defaultValue: invite });

  return (
    <AuthPage
      title="Create an account"
      lead={first ? "You are the first here: this account will administer this Penprint." : "Keep private drafts, learn your own voice, and rewrite in it."}
      testId="sign-up-page"
      footer={<p>Already have an account? <Link href="/sign-in">Sign in</Link></p>}
    >
      <ActionForm
        action={signUpAction}
        testId="sign-up-form"
        submitLabel="Create account"
        pendingLabel="Creating your account…"
        fields={fields}
        success={
          <>
            <h2>Check your email</h2>
            <p>
              We sent a link to the address you gave. Open it to verify your address, then <Link href="/sign-in">sign in</Link>.
              The link works for 24 hours.
            </p>
          </>
        }
      />
    </AuthPage>
  );
}
