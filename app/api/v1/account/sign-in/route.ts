import { AuthError } from "next-auth";
import { z } from "zod";
import { route } from "@/lib/api/route-handler";
import { signIn, signInAttempt, type SignInAttempt } from "@/lib/auth/auth";
import { unauthorized } from "@/lib/errors";
import { setAuditAction, setRequestUser } from "@/lib/server/request-context";

/**
 * POST { email, password } → 200 { user } and the session cookie; 401 invalid_credentials (same for an
 * unknown email), 423 account_locked (saying when), 429 + Retry-After when limited (checked first).
 */
export const POST = route({ body: z.record(z.string(), z.unknown()), maxBodyBytes: 16 * 1024 }, async ({ body }) => {
  setAuditAction({ action: "account.sign_in" });
  const attempt: SignInAttempt = {};
  try {
    await signInAttempt.run(attempt, () =>
      signIn("credentials", {
        email: typeof body.email === "string" ? body.email : "",
        password: typeof body.password === "string" ? body.password : "",
        redirect: false,
      }),
    );
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
  if (attempt.error !== undefined) throw attempt.error;
  if (!attempt.signedIn) throw unauthorized("That email and password do not match an account.", "invalid_credentials");
  const { user } = attempt.signedIn;
  setRequestUser(user.id);
  setAuditAction({ action: "account.sign_in", userId: user.id });
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerifiedAt !== null } });
});
