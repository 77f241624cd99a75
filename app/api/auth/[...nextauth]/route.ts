import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { errorResponse, notFound } from "@/lib/errors";

/**
 * Auth.js endpoints (session, csrf, sign-out with its CSRF check). Password sign-in goes only through
 * the sign-in page's server action, where limits, lockout and their 429/423 answers apply: Auth.js's
 * own credentials callback is not served.
 */
export const GET = handlers.GET;

export async function POST(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    return errorResponse(notFound("Sign in at /sign-in."));
  }
  return handlers.POST(request);
}
