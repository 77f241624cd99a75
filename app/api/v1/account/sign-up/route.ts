import { z } from "zod";
import { route } from "@/lib/api/route-handler";
import { signUp } from "@/lib/auth/accounts";
import { currentClientIp } from "@/lib/auth/client-address";
import { getAccountDeps } from "@/lib/auth/deps";
import { setAuditAction } from "@/lib/server/request-context";

/**
 * POST { email, password, name?, invite? } → 202 { status: "check_email" } (the same for a taken
 * address). 429 + Retry-After when limited, 422 with fields, 403 when sign-up is closed or needs an invitation.
 */
export const POST = route({ body: z.record(z.string(), z.unknown()), maxBodyBytes: 16 * 1024 }, async ({ body }) => {
  setAuditAction({ action: "account.sign_up" });
  const result = await signUp(await getAccountDeps(), {
    email: body.email,
    password: body.password,
    name: body.name,
    invite: body.invite,
    ip: currentClientIp(),
  });
  return Response.json(result, { status: 202 });
});
