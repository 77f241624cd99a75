import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, getDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { resetEnvForTests } from "@/lib/env";
import { readiness } from "@/lib/server/readiness";
import { GET } from "./route";

// The route uses the process's own database: point it at a fresh embedded one.
const saved = { ...process.env };
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "penprint-ready-"));
  for (const name of ["DATABASE_URL", "REDIS_URL", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL"]) delete process.env[name];
  process.env.PENPRINT_DATA_DIR = dataDir;
  resetEnvForTests();
});

afterAll(async () => {
  await closeDatabase();
  readiness.migrated = false;
  process.env = saved;
  resetEnvForTests();
  rmSync(dataDir, { recursive: true, force: true });
});

const request = () => new Request("http://penprint.test/ready");
const noParams = { params: Promise.resolve({}) };

describe("GET /ready", () => {
  it("answers 503 with Retry-After until migrations have run", async () => {
    expect(readiness.migrated).toBe(false);
    const response = await GET(request(), noParams);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      error: { code: "not_ready", message: "Database migrations are still running." },
    });
  });

  it("answers 200 once migrations have run and the database answers", async () => {
    await runMigrations(await getDatabase());
    readiness.migrated = true;
    const response = await GET(request(), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("answers 503 when migrations failed", async () => {
    readiness.migrationError = "relation already exists";
    try {
      const response = await GET(request(), noParams);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        "Database migrations failed; see the server log.",
      );
    } finally {
      delete readiness.migrationError;
    }
  });
});
