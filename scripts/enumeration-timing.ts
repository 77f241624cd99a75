/**
 * Account enumeration by timing: compares how long sign-in, forgot-password and sign-up take for an
 * address that has an account and for one that has none, over many runs, on a fresh embedded database.
 * The rules run exactly as in the app (lib/auth/accounts.ts); only the limits are fresh per run, so the
 * 5-per-minute budget does not end the measurement. Mail goes to a real local SMTP server.
 *
 *   npx tsx scripts/enumeration-timing.ts [runs=200]
 *
 * Prints medians, means and the difference; exits 1 when a median differs by more than 15% and 5 ms.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import {
  requestPasswordReset,
  signInWithPassword,
  signUp,
  verifyEmail,
  type AccountDeps,
} from "@/lib/auth/accounts";
import { createLockout } from "@/lib/auth/lockout";
import { linkIn, startMailCatcher } from "@/lib/auth/mail-catcher";
import { AppError } from "@/lib/errors";
import { createSmtpMailer } from "@/lib/mail";
import { createAccountLimits } from "@/lib/rate-limit";

const runs = Number(process.argv[2] ?? 200);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { median, mean, p90: sorted[Math.floor(sorted.length * 0.9)] ?? 0 };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "penprint-timing-"));
  const handle = await openDatabase({ kind: "pglite", dataDir: dir });
  const catcher = await startMailCatcher();
  try {
    await runMigrations(handle);
    let n = 0;
    const deps: AccountDeps = {
      db: handle.db,
      limits: createAccountLimits({ redis: null, namespace: "timing" }),
      lockout: createLockout({ redis: null, namespace: "timing" }),
      mailer: createSmtpMailer({ smtpUrl: catcher.url, from: "Penprint <timing@localhost>" }),
      clock: () => new Date(),
      baseUrl: "http://localhost",
      defaultSignupMode: "open",
    };
    const fresh = () => {
      // New limits and lockout each run: the timing of the rules, not of being limited.
      n += 1;
      deps.limits = createAccountLimits({ redis: null, namespace: `timing-${n}` });
      deps.lockout = createLockout({ redis: null, namespace: `timing-${n}` });
    };

    await signUp(deps, { email: "known@example.org", password: "known-password-123", ip: "127.0.0.1" });
    const mail = await catcher.waitFor({ to: "known@example.org" });
    await verifyEmail(deps, { token: linkIn(mail, "/verify-email").searchParams.get("token") });

    const paths: Record<string, { known: () => Promise<unknown>; unknown: () => Promise<unknown> }> = {
      "sign-in (wrong password vs no account)": {
        known: () => signInWithPassword(deps, { email: "known@example.org", password: "wrong-password-1", ip: "127.0.0.1" }),
        unknown: () => signInWithPassword(deps, { email: `nobody-${n}@example.org`, password: "wrong-password-1", ip: "127.0.0.1" }),
      },
      "forgot-password": {
        known: () => requestPasswordReset(deps, { email: "known@example.org", ip: "127.0.0.1" }),
        unknown: () => requestPasswordReset(deps, { email: `nobody-${n}@example.org`, ip: "127.0.0.1" }),
      },
      "sign-up (taken vs new address)": {
        known: () => signUp(deps, { email: "known@example.org", password: "another-password-9", ip: "127.0.0.1" }),
        unknown: () => signUp(deps, { email: `new-${n}@example.org`, password: "another-password-9", ip: "127.0.0.1" }),
      },
    };

    let suspicious = false;
    console.log(`runs per path: ${runs} (alternating known/unknown, after 10 warm-up runs)\n`);
    for (const [name, pair] of Object.entries(paths)) {
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < runs + 10; i++) {
        fresh();
        const order = i % 2 === 0 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
        for (const which of order) {
          const ms = await time(pair[which]);
          if (i >= 10) (which === "known" ? known : unknown).push(ms);
        }
      }
      const k = stats(known);
      const u = stats(unknown);
      const diff = k.median - u.median;
      const relative = Math.abs(diff) / Math.max(k.median, u.median);
      const flag = Math.abs(diff) > 5 && relative > 0.15;
      suspicious ||= flag;
      console.log(
        `${name}\n  known:   median ${k.median.toFixed(1)} ms, mean ${k.mean.toFixed(1)} ms, p90 ${k.p90.toFixed(1)} ms\n` +
          `  unknown: median ${u.median.toFixed(1)} ms, mean ${u.mean.toFixed(1)} ms, p90 ${u.p90.toFixed(1)} ms\n` +
          `  median difference ${diff.toFixed(1)} ms (${(relative * 100).toFixed(1)}%)${flag ? "  <-- distinguishable" : ""}\n`,
      );
    }
    process.exitCode = suspicious ? 1 : 0;
  } finally {
    await catcher.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
