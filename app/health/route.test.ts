import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, getDatabase } from "@/db/client";
import { resetEnvForTests } from "@/lib/env";
import type { HealthReport } from "@/lib/health";
import { GET } from "./route";

// The route uses the process's configuration: a fresh embedded database and a local "Ollama".
const saved = { ...process.env };
let dataDir: string;
let ollama: Server;

beforeAll(async () => {
  ollama = createServer((req, res) => {
    if (req.url === "/api/tags") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ models: [{ name: "llama3.1:8b", model: "llama3.1:8b" }] }));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => ollama.listen(0, "127.0.0.1", resolve));
  dataDir = mkdtempSync(path.join(tmpdir(), "penprint-health-route-"));
  for (const name of ["DATABASE_URL", "REDIS_URL", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL", "OLLAMA_MODEL"]) {
    delete process.env[name];
  }
  process.env.PENPRINT_DATA_DIR = dataDir;
  process.env.OLLAMA_BASE_URL = `http://127.0.0.1:${(ollama.address() as AddressInfo).port}`;
  resetEnvForTests();
  // As at start-up (migrations open it first): a fresh PGlite takes longer than the probe's 2 s limit.
  await getDatabase();
});

afterAll(async () => {
  await closeDatabase();
  process.env = saved;
  resetEnvForTests();
  rmSync(dataDir, { recursive: true, force: true });
  ollama.closeAllConnections();
  await new Promise((resolve) => ollama.close(resolve));
});

describe("GET /health", () => {
  it("reports every component from the process configuration", async () => {
    const response = await GET(new Request("http://penprint.test/health"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const report = (await response.json()) as HealthReport;
    expect(Object.keys(report)).toEqual(["status", "version", "components"]);
    expect(Object.keys(report.components)).toEqual(["database", "redis", "ollama", "inngest", "analysis"]);
    expect(report.status).toBe("ok");
    expect(report.components.database.status).toBe("ok");
    expect(report.components.redis).toMatchObject({ status: "disabled", fallback: "in-process" });
    expect(report.components.ollama).toMatchObject({ status: "ok", model: "llama3.1:8b", modelPresent: true });
    expect(report.components.inngest).toMatchObject({ status: "disabled", mode: "in-process" });
    expect(report.components.analysis.status).toBe("ok");
  });
});
