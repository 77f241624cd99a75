import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { recordAuditEvent } from "@/db/queries/audit";
import { auditEvents, users } from "@/db/schema";
import { metrics } from "@/lib/metrics";
import { setAuditAction, setRequestUser } from "./request-context";
import { createRequestListener } from "./request-listener";
import { createRouteMatcher } from "./route-patterns";

// The inner handler plays Next's part: it answers like a route handler would, and records the
// signed-in user through the request context as auth does.
let database: DatabaseHandle;
let server: Server;
let base: string;
let userId: string;

beforeAll(async () => {
  database = await openDatabase({ kind: "pglite", dataDir: mkdtempSync(path.join(tmpdir(), "penprint-listener-")) });
  await runMigrations(database);
  const [user] = await database.db
    .insert(users)
    .values({ email: "ada@example.org", passwordHash: "argon2id$test" })
    .returning({ id: users.id });
  userId = user!.id;

  const listener = createRequestListener({
    routes: createRouteMatcher({
      staticRoutes: [{ page: "/api/v1/drafts", regex: "^/api/v1/drafts(?:/)?$" }],
      dynamicRoutes: [{ page: "/api/v1/drafts/[id]", regex: "^/api/v1/drafts/([^/]+?)(?:/)?$" }],
    }),
    trustProxy: false,
    recordAudit: (event) => recordAuditEvent(event, database.db),
    handle: async (req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (req.url === "/boom") throw new Error("database password is hunter2");
      if (req.headers["x-test-user"]) setRequestUser(userId);
      if (req.method === "DELETE") setAuditAction({ action: "draft.delete", targetType: "draft", targetId: "d-42" });
      res.statusCode = req.method === "POST" ? 201 : 200;
      res.end("ok");
    },
  });
  server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});

async function auditRows() {
  // The audit row is written after the response finishes; wait until the write has landed.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const rows = await database.db.select().from(auditEvents);
    if (rows.length > 0) return rows;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return database.db.select().from(auditEvents);
}

describe("request listener", () => {
  it("gives each request an id, or keeps a well-formed incoming one", async () => {
    const fresh = await fetch(`${base}/api/v1/drafts`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${base}/api/v1/drafts`, { headers: { "x-request-id": "lb-7f3a" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a");
    const refused = await fetch(`${base}/api/v1/drafts`, { headers: { "x-request-id": "<script>" } });
    expect(refused.headers.get("x-request-id")).not.toBe("<script>");
  });

  it("counts requests by route pattern, not raw path", async () => {
    await fetch(`${base}/api/v1/drafts/0b5e2c`);
    await fetch(`${base}/api/v1/drafts/9a11ff`);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/drafts\/\[id\]",status="200"\} [2-9]/);
    expect(text).not.toContain("0b5e2c");
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/drafts\/\[id\]"/);
  });

  it("writes no audit event for reads and one per state-changing request, with who, what and where", async () => {
    await database.db.delete(auditEvents);
    await fetch(`${base}/api/v1/drafts`, { headers: { "x-test-user": "1" } });
    await fetch(`${base}/api/v1/drafts`, { method: "POST", headers: { "x-test-user": "1" }, body: "{}" });
    const rows = await auditRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId,
      action: "POST /api/v1/drafts",
      ip: "127.0.0.1",
      metadata: { status: 201, route: "/api/v1/drafts" },
    });
    expect(rows[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses the action a handler named", async () => {
    await database.db.delete(auditEvents);
    await fetch(`${base}/api/v1/drafts/d-42`, { method: "DELETE", headers: { "x-test-user": "1" } });
    const [row] = await auditRows();
    expect(row).toMatchObject({ userId, action: "draft.delete", targetType: "draft", targetId: "d-42" });
  });

  it("answers an unhandled error with a generic 500 naming the request id, never the error", async () => {
    const response = await fetch(`${base}/boom`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal_error");
    expect(body.error.message).toContain(response.headers.get("x-request-id"));
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });
});
