import { auth } from "@/lib/auth/auth";

/**
 * Reads the session on signed-in pages, which slides it: the Auth.js `jwt` callback checks the
 * server-side row and the refreshed cookie is sent back. Pages still call requirePageUser() —
 * the proxy is not the gate, every page, action and handler checks for itself.
 */
export default auth;

export const config = {
  matcher: ["/dashboard/:path*", "/settings/:path*", "/editor/:path*", "/samples/:path*", "/history/:path*", "/fingerprint/:path*"],
};
