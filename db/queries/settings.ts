import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Database } from "../client";
import { appSettings } from "../schema";

/**
 * Instance-wide settings the admin changes at run time. Values are validated on the way out, so a
 * hand-edited row can never switch a mode to something the code does not know.
 */
export const signupModeSchema = z.enum(["open", "invite", "closed"]);
export type SignupMode = z.infer<typeof signupModeSchema>;

const SIGNUP_MODE_KEY = "signup_mode";

/** The mode stored by an admin, or null when none was stored (then SIGNUP_MODE applies). */
export async function getStoredSignupMode(db?: Database): Promise<SignupMode | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SIGNUP_MODE_KEY)).limit(1);
  const parsed = signupModeSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** Stores the sign-up mode. `userId` is the admin doing it (checked by the caller's requireAdmin). */
export async function setSignupMode(
  { userId, mode, now = new Date() }: { userId: string; mode: SignupMode; now?: Date },
  db?: Database,
): Promise<void> {
  void userId;
  const conn = db ?? (await getDb());
  await conn
    .insert(appSettings)
    .values({ key: SIGNUP_MODE_KEY, value: mode, updatedAt: now })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: mode, updatedAt: now } });
}
