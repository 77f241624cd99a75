import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import styles from "@/components/forms/forms.module.css";
import { requirePageUser } from "@/lib/auth/require-user";
import { signOutAction } from "../../(auth)/actions";

export const metadata: Metadata = { title: "Dashboard" };

/** A minimal signed-in landing (the workspace issue replaces it). */
export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  return (
    <Container className={styles.page} data-testid="dashboard-page">
      <h1>Dashboard</h1>
      <Card>
        <p data-testid="signed-in-as">
          Signed in as <strong>{user.email}</strong>
          {user.role === "admin" ? " (administrator)" : ""}.
        </p>
        {!user.emailVerified ? (
          <p data-testid="unverified-notice">
            Your email address is not verified yet: you can analyse text, but saving needs a verified address.{" "}
            <Link href="/settings">Send a new link</Link>.
          </p>
        ) : null}
        <div className={styles.actions}>
          <Link href="/settings" data-testid="settings-link">Account settings</Link>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary" data-testid="sign-out">Sign out</Button>
          </form>
        </div>
      </Card>
    </Container>
  );
}
