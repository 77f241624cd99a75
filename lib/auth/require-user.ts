import { redirect } from "next/navigation";
import { AppError, forbidden, unauthorized } from "@/lib/errors";
import { setRequestUser } from "@/lib/server/request-context";
import { auth } from "./auth";

/**
 * The one gate of every server action, route handler and signed-in page. The session behind it was
 * checked against its server-side row (not revoked, not expired) by the Auth.js `jwt` callback.
 */
export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: "admin" | "writer";
  emailVerified: boolean;
  sessionId: string;
}

/** The signed-in user, or null. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) return null;
  const user: CurrentUser = {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role: session.user.role,
    emailVerified: session.user.emailVerified,
    sessionId: session.sessionId,
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
