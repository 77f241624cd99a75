import { z } from "zod";
import { route } from "@/lib/api/route-handler";
import { requestPasswordReset } from "@/lib/auth/accounts";
import { currentClientIp } from "@/lib/auth/client-address";
import { getAccountDeps } from "@/lib/auth/deps";
import { setAuditAction } from "@/lib/server/request-context";

/** POST { email } → 202 { status: "check_email" } whether or not the address has an account; 429 + Retry-After when limited. */
export const POST = route({ body: z.record(z.string(), z.unknown()), maxBodyBytes: 16 * 1024 }, async ({ body }) => {
  setAuditAction({ action: "account.forgot_password" });
  const result = await requestPasswordReset(await getAccountDeps(), { email: body.email, ip: currentClientIp() });
  return Response.json(result, { status: 202 });
});
