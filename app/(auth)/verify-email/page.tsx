import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { AuthPage } from "@/components/forms/auth-page";
import { verifyEmailAction } from "../actions";

export const metadata: Metadata = { title: "Verify your email" };

/**
 * The mailed link opens this page; the token is used only when the writer presses the button, so a
 * mail scanner that fetches links cannot spend it.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  return (
    <AuthPage title="Verify your email" testId="verify-email-page" lead="One click confirms that this address is yours.">
      {token ? (
        <ActionForm
          action={verifyEmailAction}
          testId="verify-email-form"
          submitLabel="Confirm my email address"
          pendingLabel="Confirming…"
          fields={[{ name: "token", label: "", type: "hidden", defaultValue: token }]}
          success={
            <>
              <h2>Email address confirmed</h2>
              <p>
                Thank you. <Link href="/dashboard">Continue to Penprint</Link> (you may be asked to sign in).
              </p>
            </>
          }
        />
      ) : (
        <p role="status" data-testid="verify-email-missing">
          This page needs the link from your email. Signed in? You can send a new link from <Link href="/settings">Settings</Link>.
        </p>
      )}
    </AuthPage>
  );
}
