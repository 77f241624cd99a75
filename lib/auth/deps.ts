import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { getMailer } from "@/lib/mail";
import { getAccountLimits } from "@/lib/rate-limit";
import type { AccountDeps } from "./accounts";
import { systemClock } from "./clock";
import { getLockout } from "./lockout";

/** The process's real dependencies for the account rules. */
export async function getAccountDeps(): Promise<AccountDeps> {
  const env = getEnv();
  return {
    db: await getDb(),
    limits: getAccountLimits(),
    lockout: getLockout(),
    mailer: getMailer(),
    clock: systemClock,
    baseUrl: env.AUTH_URL,
    defaultSignupMode: env.SIGNUP_MODE,
  };
}
