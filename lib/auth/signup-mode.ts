import type { Database } from "@/db/client";
import { getStoredSignupMode, type SignupMode } from "@/db/queries/settings";

/** The mode in force: what an admin stored in settings, else SIGNUP_MODE. */
export async function getEffectiveSignupMode({ db, fallback }: { db: Database; fallback: SignupMode }): Promise<SignupMode> {
  return (await getStoredSignupMode(db)) ?? fallback;
}
