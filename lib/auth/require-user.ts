import { redirect } from "next/navigation";
import { AppError, forbidden, unauthorized } from "@/lib/errors";
import { setRequestUser } from "@/lib/server/request-context";
import { getDb } from "@/db/client";
import { systemClock } from "./clock";
import { checkSession } from "./session-check";
import { readSessionToken } from "./session-token";

/** The one gate of every server action, route handler and signed-in page. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: "admin" | "writer";
  emailVerified: boolean;
  sessionId: string;
}

/**
 * The signed-in user, or null: the session cookie's token (decrypted, not expired) and its
 * server-side row (exists, not revoked, not expired — the same check as the Auth.js `jwt` callback).
 */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const token = await readSessionToken();
  if (!token?.sub || !token.sid) return null;
  const current = await checkSession({ db: await getDb(), userId: token.sub, sessionId: token.sid, now: systemClock() });
  if (!current) return null;
  const user: CurrentUser = {
    id: current.id,
    email: current.email,
    name: current.name,
    role: current.role,
    emailVerified: current.emailVerifiedAt !== null,
    sessionId: token.sid,
  };
  setRequestUser(user.id);
  return user;
}

export const unverifiedError = () =>
  new AppError({
    status: 403,
    code: "email_unverified",
    message: "Verify your email address first: open the link we mailed you, or send a new one from Settings.",
  });

/**
 * Throws 401 when signed out; with `verified: true`, 403 until the email is verified (the policy in
 * docs/accounts.md: unverified accounts can sign in and analyse, but not save anything).
 */
export async function requireUser({ verified = false }: { verified?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  if (verified && !user.emailVerified) throw unverifiedError();
  return user;
}

/** Admin-only actions: 401 signed out, 403 for writers. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw forbidden("Only the administrator can do that.", "admin_only");
  return user;
}

/** For pages: sends a signed-out visitor to sign in, then back. */
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
