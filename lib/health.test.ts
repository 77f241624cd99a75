import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { closeRedisClient, createRedisClient, getRedisStatus } from "@/lib/redis";
import { closedLocalPort, skipNote, testDatabaseUrl, testRedisUrl } from "@/tests/helpers/services";
import { checkHealth, checkReadiness, type HealthProbes } from "./health";

/** Stand-ins for the external services: an Ollama that answers /api/tags, an Inngest server, a silent one. */
interface Local {
  server: Server;
  url: string;
}

async function listen(handler: Parameters<typeof createServer>[1]): Promise<Local> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const OLLAMA_TAGS = {
  models: [
    {
      name: "llama3.1:8b",
      model: "llama3.1:8b",
      modified_at: "2026-10-01T09:12:44.123Z",
      size: 4920753328,
      digest: "46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e",
      details: { format: "gguf", family: "llama", parameter_size: "8.0B", quantization_level: "Q4_K_M" },
    },
    { name: "nomic-embed-text:latest", model: "nomic-embed-text:latest", size: 274302450 },
  ],
};

let ollama: Local;
let inngest: Local;
let silent: Local;
let closedPort: number;
let pgliteDir: string;
let pglite: DatabaseHandle;

const loadEngine: HealthProbes["analysis"] = async () => {
  const engine = await import("@/lib/analysis");
  return { engineVersion: engine.ENGINE_VERSION, modelVersion: engine.DEFAULT_WEIGHTS.version };
};

function probes(overrides: Partial<HealthProbes> = {}): HealthProbes {
  return {
    database: async () => pglite,
    redis: () => getRedisStatus(null),
    ollama: { baseUrl: ollama.url, model: "llama3.1:8b" },
    inngest: {},
    analysis: loadEngine,
    ...overrides,
  };
}

beforeAll(async () => {
  ollama = await listen((req, res) => {
    if (req.method === "GET" && req.url === "/api/tags") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(OLLAMA_TAGS));
    else res.writeHead(404).end("404 page not found");
  });
  inngest = await listen((req, res) => {
    if (req.url === "/health") res.writeHead(200, { "content-type": "application/json" }).end('{"status":200,"message":"OK"}');
    else res.writeHead(404).end();
  });
  // Accepts connections and never answers: the timeouts must end the probe.
  silent = await listen(() => undefined);
  closedPort = await closedLocalPort();
  pgliteDir = mkdtempSync(path.join(tmpdir(), "penprint-health-"));
  pglite = await openDatabase({ kind: "pglite", dataDir: pgliteDir });
});

afterAll(async () => {
  await pglite?.close();
  rmSync(pgliteDir, { recursive: true, force: true });
  for (const { server } of [ollama, inngest, silent]) server.closeAllConnections();
  await Promise.all([ollama, inngest, silent].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

describe("checkHealth", () => {
  it("is ok with the database up, Ollama answering with the model, Redis and Inngest not configured", async () => {
    const report = await checkHealth(probes());
    expect(report.status).toBe("ok");
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.components.database.status).toBe("ok");
    expect(report.components.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(report.components.redis).toMatchObject({ status: "disabled", fallback: "in-process" });
    expect(report.components.redis.note).toMatch(/in-process fallback/);
    expect(report.components.ollama).toMatchObject({ status: "ok", model: "llama3.1:8b", modelPresent: true });
    expect(report.components.inngest).toMatchObject({ status: "disabled", mode: "in-process" });
    expect(report.components.analysis.status).toBe("ok");
    expect(report.components.analysis.engineVersion).toEqual(expect.any(String));
  });

  it("says whether the configured model is pulled (untagged names mean :latest)", async () => {
    const missing = await checkHealth(probes({ ollama: { baseUrl: ollama.url, model: "mistral:7b" } }));
    expect(missing.status).toBe("ok");
    expect(missing.components.ollama).toMatchObject({ status: "ok", model: "mistral:7b", modelPresent: false });
    expect(missing.components.ollama.note).toContain("ollama pull mistral:7b");
    const untagged = await checkHealth(probes({ ollama: { baseUrl: `${ollama.url}/`, model: "nomic-embed-text" } }));
    expect(untagged.components.ollama.modelPresent).toBe(true);
  });

  it("is degraded, not down, when Ollama is unreachable", async () => {
    const report = await checkHealth(probes({ ollama: { baseUrl: `http://127.0.0.1:${closedPort}`, model: "llama3.1:8b" } }));
    expect(report.status).toBe("degraded");
    expect(report.components.ollama.status).toBe("down");
    expect(report.components.ollama.error).toContain("ECONNREFUSED");
    expect(report.components.ollama.note).toMatch(/Rewriting is disabled/);
    expect(report.components.database.status).toBe("ok");
  });

  it("ends a probe that hangs at its timeout", async () => {
    const started = Date.now();
    const report = await checkHealth(
      probes({ ollama: { baseUrl: silent.url, model: "llama3.1:8b" }, timeouts: { ollama: 300 } }),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report.status).toBe("degraded");
    expect(report.components.ollama).toMatchObject({ status: "down", error: "timed out after 300 ms" });
  });

  it("probes a self-hosted Inngest server when a signing key is set", async () => {
    const up = await checkHealth(probes({ inngest: { signingKey: "signkey-test-abc", baseUrl: inngest.url } }));
    expect(up.components.inngest).toMatchObject({ status: "ok", mode: "self-hosted" });
    expect(up.status).toBe("ok");

    const down = await checkHealth(probes({ inngest: { signingKey: "signkey-test-abc", baseUrl: `http://127.0.0.1:${closedPort}` } }));
    expect(down.components.inngest).toMatchObject({ status: "down", mode: "self-hosted" });
    expect(down.status).toBe("degraded");

    const cloud = await checkHealth(probes({ inngest: { signingKey: "signkey-test-abc" } }));
    expect(cloud.components.inngest).toMatchObject({ status: "ok", mode: "cloud" });
  });

  it("is degraded when Redis is configured but down, and says the fallback is in use", async () => {
    const client = createRedisClient(`redis://127.0.0.1:${closedPort}`, { connectTimeout: 300 });
    try {
      const report = await checkHealth(probes({ redis: () => getRedisStatus(client) }));
      expect(report.status).toBe("degraded");
      expect(report.components.redis).toMatchObject({ status: "down", fallback: "in-process" });
      expect(report.components.redis.note).toMatch(/in-process fallback until it returns/);
    } finally {
      await closeRedisClient(client);
    }
  });

  it(`reports a real Redis as ok${skipNote("TEST_REDIS_URL")}`, { skip: !testRedisUrl }, async () => {
    const client = createRedisClient(testRedisUrl ?? "");
    try {
      const report = await checkHealth(probes({ redis: () => getRedisStatus(client) }));
      expect(report.components.redis.status).toBe("ok");
      expect(report.components.redis.latencyMs).toBeGreaterThanOrEqual(0);
    } finally {
      await closeRedisClient(client);
    }
  });

  it("is down when the database does not answer", async () => {
    const unreachable = await openDatabase({ kind: "postgres", url: `postgres://penprint:secret@127.0.0.1:${closedPort}/penprint` });
    try {
      const report = await checkHealth(probes({ database: async () => unreachable }));
      expect(report.status).toBe("down");
      expect(report.components.database.status).toBe("down");
      expect(report.components.database.error).toContain("ECONNREFUSED");
      expect(JSON.stringify(report)).not.toContain("secret");
    } finally {
      await unreachable.close();
    }
  });

  it("is down when opening the database fails", async () => {
    const report = await checkHealth(
      probes({
        database: async () => {
          throw new Error("could not open postgres://penprint:hunter2@db:5432/penprint");
        },
      }),
    );
    expect(report.status).toBe("down");
    expect(report.components.database.error).toBe("could not open postgres://[Filtered]@db:5432/penprint");
  });

  it(`answers on a real Postgres${skipNote("TEST_DATABASE_URL")}`, { skip: !testDatabaseUrl }, async () => {
    const postgres = await openDatabase({ kind: "postgres", url: testDatabaseUrl ?? "" });
    try {
      const report = await checkHealth(probes({ database: async () => postgres }));
      expect(report.components.database.status).toBe("ok");
    } finally {
      await postgres.close();
    }
  });
});

describe("checkReadiness", () => {
  it("is not ready before migrations, ready after, and not ready when they failed", async () => {
    expect(await checkReadiness({ migrated: false }, async () => pglite)).toEqual({
      ready: false,
      reason: "Database migrations are still running.",
    });
    expect(await checkReadiness({ migrated: true }, async () => pglite)).toEqual({ ready: true });
    expect(await checkReadiness({ migrated: false, migrationError: "relation exists" }, async () => pglite)).toEqual({
      ready: false,
      reason: "Database migrations failed; see the server log.",
    });
  });

  it("is not ready when the database stops answering", async () => {
    const unreachable = await openDatabase({ kind: "postgres", url: `postgres://penprint@127.0.0.1:${closedPort}/penprint` });
    try {
      const report = await checkReadiness({ migrated: true }, async () => unreachable);
      expect(report.ready).toBe(false);
      if (!report.ready) expect(report.reason).toMatch(/does not answer.*ECONNREFUSED/);
    } finally {
      await unreachable.close();
    }
  });
});
