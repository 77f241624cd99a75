import { getRequestContext } from "@/lib/server/request-context";

/**
 * The client address limits and lockouts are counted against: the one the HTTP entry resolved
 * (X-Forwarded-For only behind a trusted proxy). Null outside a request.
 */
export function currentClientIp(): string | null {
  return getRequestContext()?.ip ?? null;
}
