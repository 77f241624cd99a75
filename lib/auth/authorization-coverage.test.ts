import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The static half of the authorization walk (the HTTP half is tests/e2e/accounts/authorization.spec.ts):
 * every route handler and every server action under app/ must call requireUser() or requireAdmin(),
 * unless it is listed here as public, with the reason. A new route or action fails this test until it
 * does one or the other.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  "app/health/route.ts": "operations probe",
  "app/ready/route.ts": "operations probe",
  "app/live/route.ts": "operations probe",
  "app/metrics/route.ts": "operations scrape",
  "app/api/auth/[...nextauth]/route.ts": "Auth.js endpoints (session, csrf, sign-out)",
  "app/api/inngest/route.ts": "signed by Inngest, served only with a signing key",
  "app/api/v1/account/sign-in/route.ts": "signing in (limits and lockout apply)",
  "app/api/v1/account/sign-up/route.ts": "creating an account (limits apply)",
  "app/api/v1/account/forgot-password/route.ts": "asking for a reset link (limits apply)",
};

const PUBLIC_ACTIONS: Record<string, string> = {
  signInAction: "signing in",
  signUpAction: "creating an account",
  verifyEmailAction: "the mailed token is the credential",
  forgotPasswordAction: "asking for a reset link",
  resetPasswordAction: "the mailed token is the credential",
  signOutAction: "signing out (revokes the caller's own session only)",
};

const root = path.resolve(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const appFiles = files(path.join(root, "app")).map((f) => path.relative(root, f).split(path.sep).join("/"));
const guard = /\brequire(User|Admin)\s*\(/;

describe("authorization coverage", () => {
  const routes = appFiles.filter((f) => /\/route\.tsx?$/.test(f));

  it("finds the route handlers", () => {
    expect(routes).toContain("app/api/v1/account/export/route.ts");
  });

  it.each(routes.filter((r) => !(r in PUBLIC_ROUTES)))("%s checks the signed-in user in every handler", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const handlers = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    expect(handlers.length, "exports at least one handler").toBeGreaterThan(0);
    // Each handler's own text (up to the next export) must call the gate.
    const chunks = source.split(/(?=export (?:const|async function) (?:GET|POST|PUT|PATCH|DELETE)\b)/).slice(1);
    for (const chunk of chunks) expect(chunk, chunk.slice(0, 60)).toMatch(guard);
  });

  const actionFiles = appFiles.filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/m.test(readFileSync(path.join(root, f), "utf8")));

  it("finds the server actions", () => {
    expect(actionFiles).toContain("app/(app)/settings/actions.ts");
  });

  it.each(actionFiles)("%s: every action checks the signed-in user or is listed as public", (file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const parts = source.split(/(?=export async function )/).slice(1);
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      const name = part.match(/^export async function (\w+)/)?.[1] ?? "?";
      if (name in PUBLIC_ACTIONS) continue;
      expect(part, `${file}: ${name}`).toMatch(guard);
    }
  });
});
