import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { ActionForm } from "@/components/forms/action-form";
import styles from "@/components/forms/forms.module.css";
import { getDb } from "@/db/client";
import { listInvites } from "@/db/queries/invites";
import { getPendingEmail } from "@/db/queries/tokens";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { modelsOverview, type ModelsOverview } from "@/lib/ai/models";
import { requirePageUser } from "@/lib/auth/require-user";
import { getEffectiveSignupMode } from "@/lib/auth/signup-mode";
import { getEnv } from "@/lib/env";
import { resendVerificationAction } from "../../(auth)/actions";
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  inviteAction,
  rewriteModelAction,
  signOutEverywhereAction,
  signupModeAction,
} from "./actions";

export const metadata: Metadata = { title: "Settings" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card as="section" aria-labelledby={`${id}-title`} data-testid={`settings-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </Card>
  );
}

const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

/** The Ollama model this writer's rewrites use, picked from what Ollama has installed. */
function RewriteModel({ models }: { models: ModelsOverview | null }) {
  if (!models) {
    return (
      <p data-testid="rewrite-model-unavailable">
        Ollama is not answering at the configured address, so its models cannot be listed and rewriting is unavailable for now. Analysis and
        fingerprints work without it.
      </p>
    );
  }
  const { selected, defaultModel, selectedAvailable } = models;
  const options = [
    { value: "", label: `Default: ${defaultModel}` },
    // Embedding models cannot write: leave them out of the choice.
    ...models.models.filter((m) => !/embed|minilm/i.test(m.name)).map((m) => ({ value: m.name, label: `${m.name} (${gigabytes(m.sizeBytes)})` })),
    ...(selectedAvailable || selected === defaultModel ? [] : [{ value: selected, label: `${selected} (not installed)` }]),
  ];
  return (
    <>
      <p className={styles.muted}>
        Rewrites use <strong data-testid="rewrite-model-selected">{selected}</strong>
        {selected === defaultModel ? " (the default)" : ""}. Larger models follow your voice more closely but answer more slowly.
      </p>
      {selectedAvailable ? null : (
        <p role="alert" data-testid="rewrite-model-missing">
          {selected} is not installed in Ollama: run <code>ollama pull {selected}</code> on the Ollama server, or choose another model.
        </p>
      )}
      <ActionForm
        action={rewriteModelAction}
        testId="rewrite-model-form"
        submitLabel="Save model"
        fields={[{ name: "model", label: "Model", type: "select", defaultValue: selected === defaultModel ? "" : selected, options }]}
        success={<p>Saved. <Link href="/settings">Refresh settings</Link></p>}
      />
    </>
  );
}

const passwordHint = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; common passwords are refused.`;

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const db = await getDb();
  const pendingEmail = await getPendingEmail({ userId: user.id }, db);
  const admin = user.role === "admin";
  const mode = admin ? await getEffectiveSignupMode({ db, fallback: getEnv().SIGNUP_MODE }) : null;
  const invites = admin ? await listInvites({ userId: user.id }, db) : [];
  const env = getEnv();
  // A hung Ollama must not hold the whole page: after 1.5 s the section says Ollama is not answering.
  const models = await modelsOverview({ userId: user.id, baseUrl: env.OLLAMA_BASE_URL, defaultModel: env.OLLAMA_MODEL, db, timeoutMs: 1_500 }).catch(() => null);

  return (
    <Container width="narrow" className={styles.page} data-testid="settings-page">
      <div>
        <h1>Settings</h1>
        <p className={styles.muted}>
          Signed in as <strong data-testid="settings-email">{user.email}</strong>. <Link href="/dashboard">Back to the dashboard</Link>
        </p>
      </div>

      <Section id="verification" title="Email address">
        {user.emailVerified ? (
          <p data-testid="email-verified">Your address is verified.</p>
        ) : (
          <>
            <p data-testid="email-unverified">
              Your address is not verified yet. Until it is, you can sign in and analyse text, but not save analyses or samples.
            </p>
            <ActionForm
              action={resendVerificationAction}
              testId="resend-verification-form"
              submitLabel="Send a new verification link"
              variant="secondary"
              fields={[]}
              success={<p>A new link is on its way to {user.email}.</p>}
            />
          </>
        )}
        {pendingEmail ? <p data-testid="pending-email">Waiting for confirmation of {pendingEmail}.</p> : null}
      </Section>

      <Section id="password" title="Change password">
        <p className={styles.muted}>Every other session of your account will be signed out.</p>
        <ActionForm
          action={changePasswordAction}
          testId="change-password-form"
          submitLabel="Change password"
          fields={[
            { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
            { name: "newPassword", label: "New password", type: "password", autoComplete: "new-password", hint: passwordHint },
          ]}
          success={<p>Password changed. Every other session was signed out.</p>}
        />
      </Section>

      <Section id="email" title="Change email address">
        <p className={styles.muted}>We mail a link to the new address; the change happens when you open it, and other sessions are signed out then.</p>
        <ActionForm
          action={changeEmailAction}
          testId="change-email-form"
          submitLabel="Send confirmation link"
          fields={[
            { name: "newEmail", label: "New email address", type: "email", autoComplete: "email" },
            { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
          ]}
          success={<p>Check the new address for a confirmation link (valid for 24 hours).</p>}
        />
      </Section>

      <Section id="sessions" title="Sign out everywhere">
        <p className={styles.muted}>Ends every session of your account, on every device, including this one.</p>
        <ActionForm action={signOutEverywhereAction} testId="sign-out-everywhere-form" submitLabel="Sign out everywhere" variant="secondary" fields={[]} />
      </Section>

      <Section id="rewrite-model" title="Rewrite model">
        <RewriteModel models={models} />
      </Section>

      <Section id="export" title="Export my data">
        <p>
          Download one JSON file with everything Penprint stores about you: account, sessions, samples, fingerprints, analyses and drafts.
        </p>
        <p>
          <a href="/api/v1/account/export" download data-testid="export-link">Download my data (JSON)</a>
        </p>
      </Section>

      <Section id="delete" title="Delete my account">
        <p>This removes your account and everything stored with it, at once and for good. Export your data first if you want to keep it.</p>
        <ActionForm
          action={deleteAccountAction}
          testId="delete-account-form"
          submitLabel="Delete my account"
          variant="secondary"
          fields={[
            { name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password" },
            { name: "confirm", label: "Type DELETE to confirm", autoComplete: "off" },
          ]}
        />
      </Section>

      {admin ? (
        <>
          <Section id="signup-mode" title="Who may sign up">
            <p className={styles.muted}>
              Now: <strong data-testid="current-signup-mode">{mode}</strong>. The default comes from SIGNUP_MODE; a choice here overrides it.
            </p>
            <ActionForm
              action={signupModeAction}
              testId="signup-mode-form"
              submitLabel="Save"
              fields={[
                {
                  name: "mode",
                  label: "Sign-up mode",
                  type: "select",
                  defaultValue: mode ?? "open",
                  options: [
                    { value: "open", label: "Open: anyone can create an account" },
                    { value: "invite", label: "Invite: only people you invite" },
                    { value: "closed", label: "Closed: nobody new" },
                  ],
                },
              ]}
              success={<p>Saved. <Link href="/settings">Refresh settings</Link></p>}
            />
          </Section>
          <Section id="invite" title="Invite a writer">
            <ActionForm
              action={inviteAction}
              testId="invite-form"
              submitLabel="Send invitation"
              fields={[{ name: "email", label: "Their email address", type: "email", autoComplete: "off" }]}
              success={<p>Invitation sent. It works once, for that address, for 7 days.</p>}
            />
            {invites.length > 0 ? (
              <ul data-testid="invite-list">
                {invites.map((invite) => (
                  <li key={invite.id}>
                    {invite.email} — {invite.usedAt ? "used" : invite.expiresAt < new Date() ? "expired" : "waiting"}
                  </li>
                ))}
              </ul>
            ) : null}
          </Section>
        </>
      ) : null}
    </Container>
  );
}
