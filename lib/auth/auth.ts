import { AsyncLocalStorage } from "node:async_hooks";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { revokeSession } from "@/db/queries/sessions";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { signInWithPassword, type SignedIn } from "./accounts";
import { currentClientIp } from "./client-address";
import { systemClock } from "./clock";
import { getAccountDeps } from "./deps";
import { checkSession } from "./session-check";
import { SESSION_MAX_AGE_SECONDS } from "./session-policy";
import { sessionCookieName } from "./session-token";

/**
 * Auth.js: credentials, JWT sessions that carry a server-side session id. Every time a session is
 * read, the `jwt` callback checks that row (exists, not revoked, not expired) and slides it, so
 * signing out everywhere, a password change, an email change or a reset ends old cookies at once.
 */

declare module "next-auth" {
  interface Session {
    sessionId: string;
    user: {
      id: string;
      email: string;
      name: string | null;
      role: "admin" | "writer";
      emailVerified: boolean;
    };
  }
  interface User {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    role?: "admin" | "writer";
    verified?: boolean;
  }
}

/** What the sign-in action learns from `authorize` (Auth.js itself only reports "CredentialsSignin"). */
export interface SignInAttempt {
  error?: unknown;
  signedIn?: SignedIn;
}
export const signInAttempt = new AsyncLocalStorage<SignInAttempt>();

function buildConfig(): NextAuthConfig {
  const env = getEnv();
  const secure = env.AUTH_URL.startsWith("https://");
  return {
    secret: env.AUTH_SECRET,
    // Host trust comes from AUTH_URL (always set by lib/env); AUTH_TRUST_HOST adds X-Forwarded-* trust.
    trustHost: true,
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const attempt = signInAttempt.getStore();
          try {
            const signedIn = await signInWithPassword(await getAccountDeps(), {
              email: credentials.email,
              password: credentials.password,
              ip: currentClientIp(),
              userAgent: request.headers.get("user-agent"),
            });
            if (attempt) attempt.signedIn = signedIn;
            return { id: signedIn.user.id, email: signedIn.user.email, name: signedIn.user.name, sessionId: signedIn.sessionId };
          } catch (error) {
            if (attempt) attempt.error = error;
            return null;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // Just signed in: the session row was created by authorize.
          if (!user.sessionId || !user.id) return null;
          token.sid = user.sessionId;
          token.sub = user.id;
        }
        if (!token.sid || !token.sub) return null;
        const current = await checkSession({ db: await getDb(), userId: token.sub, sessionId: token.sid, now: systemClock() });
        if (!current) return null;
        token.email = current.email;
        token.name = current.name;
        token.role = current.role;
        token.verified = current.emailVerifiedAt !== null;
        return token;
      },
      async session({ session, token }) {
        return {
          ...session,
          sessionId: token.sid ?? "",
          user: {
            ...session.user,
            id: token.sub ?? "",
            email: token.email ?? "",
            name: token.name ?? null,
            role: token.role ?? "writer",
            emailVerified: token.verified === true,
          },
        };
      },
    },
    events: {
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (token?.sid && token.sub) {
          await revokeSession({ userId: token.sub, sessionId: token.sid, now: systemClock() }, await getDb());
        }
      },
    },
    logger: {
      // A refused sign-in is an answer, not an error; anything else is logged without its details' secrets.
      error(error) {
        // (Names are minified in the build: compare the class and Auth.js's `type`.)
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
        logger.error({ err: { name: error.name, message: error.message } }, "auth error");
      },
      warn(code) {
        logger.warn({ code }, "auth warning");
      },
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
