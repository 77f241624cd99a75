import { headers } from "next/headers";
import { getToken, type JWT } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

/** The session cookie's name; `__Secure-` when the site is served over https (the browser enforces it). */
export const sessionCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}penprint.session-token`;

/**
 * The signed-in request's session token, decrypted and checked for expiry by Auth.js's own `getToken`
 * (chunked cookies included), or null. Reading it this way skips Auth.js's full session round (a
 * synthetic request, a second encryption and a refreshed cookie), which cost about 10 ms a request
 * on the path to a rewrite's first token; the cookie is still refreshed on pages by proxy.ts.
 */
export async function readSessionToken(): Promise<JWT | null> {
  const env = getEnv();
  const secure = env.AUTH_URL.startsWith("https://");
  const cookieName = sessionCookieName(secure);
  try {
    return await getToken({ req: { headers: await headers() }, secret: env.AUTH_SECRET, secureCookie: secure, cookieName, salt: cookieName });
  } catch {
    // A tampered, foreign or expired token is no session.
    return null;
  }
}
