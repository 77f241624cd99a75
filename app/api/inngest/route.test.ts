import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { GET, POST, PUT } from "./route";

const keys = ["INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL", "PENPRINT_DATA_DIR", "DATABASE_URL"] as const;
const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
const dataDir = mkdtempSync(path.join(tmpdir(), "penprint-inngest-route-"));
const url = "http://localhost:3000/api/inngest";

function configure(values: Partial<Record<(typeof keys)[number], string>>) {
  for (const key of keys) delete process.env[key];
  process.env.PENPRINT_DATA_DIR = dataDir;
  Object.assign(process.env, values);
  resetEnvForTests();
}

afterAll(() => {
  for (const key of keys) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("/api/inngest without a signing key", () => {
  beforeEach(() => configure({}));

  it.each([
    ["GET", GET],
    ["POST", POST],
    ["PUT", PUT],
  ] as const)("answers %s with 404 and the error body", async (method, handler) => {
    const body = method === "GET" ? undefined : JSON.stringify({ event: { name: "inngest/scheduled.timer" } });
    const response = await handler(new NextRequest(`${url}?fnId=penprint-cleanup-expired-auth&stepId=step`, { method, body }));
    expect(response.status).toBe(404);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("not_found");
    expect(json.error.message).toMatch(/INNGEST_SIGNING_KEY/);
  });
});

/** What an Inngest server sends: `t=<unix seconds>&s=HMAC-SHA256(body + t)` keyed with the key minus its prefix. */
function inngestSignature(body: string, key: string, at = Math.floor(Date.now() / 1000)): string {
  const secret = key.replace(/^signkey-\w+-/, "");
  return `t=${at}&s=${createHmac("sha256", secret).update(body + String(at)).digest("hex")}`;
}

describe("/api/inngest with a signing key", () => {
  const signingKey = `signkey-test-${"ab".repeat(32)}`;
  beforeEach(() =>
    configure({
      INNGEST_SIGNING_KEY: signingKey,
      INNGEST_EVENT_KEY: "test-event-key",
      // A closed port: nothing here may reach a real Inngest server.
      INNGEST_BASE_URL: "http://127.0.0.1:9",
    }),
  );

  it("serves the SDK endpoint to signed requests and lists the functions", async () => {
    const response = await GET(new NextRequest(url, { headers: { "x-inngest-signature": inngestSignature("", signingKey) } }));
    expect(response.status).toBe(200);
    const json = (await response.json()) as Record<string, unknown>;
    // Two scheduled jobs, the fingerprint rebuild, the long-document analysis and its failure
    // handler (Inngest registers an `onFailure` as a function of its own).
    expect(json).toMatchObject({ function_count: 5, has_signing_key: true, authentication_succeeded: true });
  });

  it("refuses unsigned and wrongly signed introspection", async () => {
    expect((await GET(new NextRequest(url))).status).toBe(401);
    const forged = inngestSignature("", `signkey-test-${"cd".repeat(32)}`);
    expect((await GET(new NextRequest(url, { headers: { "x-inngest-signature": forged } }))).status).toBe(401);
  });

  it("refuses an unsigned function call", async () => {
    const response = await POST(
      new NextRequest(`${url}?fnId=penprint-cleanup-expired-auth&stepId=step`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event: { name: "inngest/scheduled.timer", data: {} }, events: [], steps: {}, ctx: {} }),
      }),
    );
    expect(response.status).toBe(401);
  });
});
