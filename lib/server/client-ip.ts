import type { IncomingMessage } from "node:http";

/**
 * The client's address. X-Forwarded-For is believed only behind a trusted proxy (AUTH_TRUST_HOST),
 * otherwise any client could pick the address its rate limits and lockouts are counted against.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  const address = req.socket.remoteAddress ?? null;
  return address?.startsWith("::ffff:") ? address.slice(7) : address;
}
