import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sentryServerOptions } from "./sentry.server.config";

// Loaded through require: Node's ESM view of this CommonJS package lists only some of its exports.
const Sentry = createRequire(import.meta.url)("@sentry/nextjs") as typeof import("@sentry/nextjs");

const ESSAY = "She kept the letters in a biscuit tin and read them only when the power went out.";
const TOKEN = "Zq8XwV3tR6yU1iO4pA7sD0fG2hJ5kL9mN";

/** A local stand-in for Sentry's ingestion: records every envelope the SDK sends. */
let server: Server;
const envelopes: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      envelopes.push((req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8"));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Sentry.init(sentryServerOptions(`http://publickey@127.0.0.1:${port}/1`));
});

afterAll(async () => {
  await Sentry.close(2000);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("Sentry with Penprint's server options", () => {
  it("sends an error event with no writing, email or token in it", async () => {
    Sentry.setUser({ id: "user-42", email: "erin@example.org" });
    Sentry.addBreadcrumb({ category: "console", message: `Sign-in link: http://localhost:3000/verify?token=${TOKEN}` });
    Sentry.addBreadcrumb({ category: "app", message: "saving sample", data: { text: ESSAY } });
    Sentry.captureException(new Error(`Failed query: insert into "samples" ("text") values ($1)\nparams: ${ESSAY}`), {
      extra: { prompt: `Rewrite this: ${ESSAY}`, owner: "erin@example.org" },
      tags: { request_id: "0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111" },
    });
    expect(await Sentry.flush(5000)).toBe(true);

    const sent = envelopes.join("\n");
    expect(sent).toContain('"type":"event"');
    expect(sent).toContain("Failed query: insert into");
    expect(sent).toContain("0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111");
    expect(sent).toContain('"id":"user-42"');
    expect(sent).toContain("saving sample");
    expect(sent).not.toContain("biscuit");
    expect(sent).not.toContain("erin@");
    expect(sent).not.toContain(TOKEN);
    const lines = sent.split("\n");
    const event = JSON.parse(lines[lines.indexOf('{"type":"event"}') + 1] ?? "{}") as { breadcrumbs?: { category?: string }[] };
    expect(event.breadcrumbs?.map((crumb) => crumb.category)).toEqual(["app"]);
  });
});
