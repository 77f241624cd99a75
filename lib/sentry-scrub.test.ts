import type { ErrorEvent } from "@sentry/nextjs";
import { describe, expect, it } from "vitest";
import { FILTERED, beforeBreadcrumb, beforeSend, scrubString } from "./sentry-scrub";

const ESSAY =
  "The lighthouse keeper counted the ships twice, because the first count never felt like his own.";
const RESET_TOKEN = "k3J9sQ2vX8pL0aZt7YcWbN4mR1eUfHdG6iOyTqAs";

/** Shaped like what @sentry/nextjs builds from onRequestError for a failing POST. */
function requestErrorEvent(): ErrorEvent {
  return {
    type: undefined,
    event_id: "6f2c7c1e0b8f4a3f9a4f2f5d2c1b0a99",
    level: "error",
    platform: "node",
    server_name: "penprint-1",
    release: "penprint@0.1.0",
    message: "Sign-in failed for alice.writer@example.org",
    exception: {
      values: [
        {
          type: "DrizzleQueryError",
          value: `Failed query: insert into "writing_samples" ("user_id", "title", "text") values ($1, $2, $3)\nparams: 7d1e0c9a-3b5f-4d8e-a1c2-9f0e8d7c6b5a,My story,${ESSAY}`,
          stacktrace: {
            frames: [
              {
                filename: "/app/.next/server/chunks/ssr/db_queries_samples_ts.js",
                function: "insertSample",
                lineno: 42,
                vars: { text: ESSAY, userEmail: "alice.writer@example.org" },
              },
            ],
          },
          mechanism: { type: "onRequestError", handled: false },
        },
        {
          type: "PostgresError",
          value: `new row for relation "users" violates check constraint; Failing row contains (1, bob@example.com, ${ESSAY}).`,
        },
        {
          type: "PostgresError",
          value: 'duplicate key value violates unique constraint "users_email_unique": Key (email)=(carol@example.net) already exists.',
        },
      ],
    },
    request: {
      method: "POST",
      url: `https://penprint.example.org/reset-password?token=${RESET_TOKEN}&next=%2Fsettings`,
      query_string: `token=${RESET_TOKEN}&next=%2Fsettings`,
      headers: {
        host: "penprint.example.org",
        "user-agent": "Mozilla/5.0",
        cookie: `authjs.session-token=${RESET_TOKEN}`,
        authorization: `Bearer ${RESET_TOKEN}`,
        referer: `https://penprint.example.org/verify?email=alice%40example.org&code=123456`,
        "x-request-id": "0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111",
      },
      cookies: { "authjs.session-token": RESET_TOKEN },
      data: JSON.stringify({ text: ESSAY, email: "alice.writer@example.org", password: "hunter2hunter2" }),
      env: { REMOTE_ADDR: "203.0.113.9" },
    },
    user: { id: "7d1e0c9a-3b5f-4d8e-a1c2-9f0e8d7c6b5a", email: "alice.writer@example.org", ip_address: "203.0.113.9", username: "alice" },
    breadcrumbs: [
      { category: "console", level: "log", message: `Sign-in link for alice.writer@example.org: http://localhost:3000/verify?token=${RESET_TOKEN}` },
      { category: "http", type: "http", data: { method: "GET", url: `http://ollama:11434/api/tags?api_key=${RESET_TOKEN}`, status_code: 200 } },
      { category: "app", message: "analysis finished", data: { sampleId: "s-1", content: ESSAY, prompt: `Rewrite: ${ESSAY}` } },
    ],
    extra: { input: { text: ESSAY, title: "My story" }, databaseUrl: "postgres://penprint:s3cretpass@db:5432/penprint" },
    contexts: {
      trace: { trace_id: "4bf92f3577b34da6a3ce929d0e0e4736", span_id: "00f067aa0ba902b7" },
      nextjs: { request_path: `/verify?token=${RESET_TOKEN}`, router_kind: "App Router", route_type: "route" },
    },
    tags: { request_id: "0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111", runtime: "node" },
  };
}

describe("beforeSend", () => {
  const scrubbed = beforeSend(requestErrorEvent());
  const json = JSON.stringify(scrubbed);

  it("leaves no writing, emails or tokens anywhere in the event", () => {
    expect(json).not.toContain("lighthouse");
    expect(json).not.toMatch(/alice|bob@|carol@|example\.(org|com|net)\b(?!.*penprint)/);
    expect(json).not.toContain("alice.writer");
    expect(json).not.toContain("alice%40");
    expect(json).not.toContain(RESET_TOKEN);
    expect(json).not.toContain("hunter2");
    expect(json).not.toContain("s3cretpass");
    expect(json).not.toContain("203.0.113.9");
    expect(json).not.toContain("123456");
  });

  it("drops bodies, cookies and the server environment from the request", () => {
    expect(scrubbed.request?.data).toBeUndefined();
    expect(scrubbed.request?.cookies).toBeUndefined();
    expect(scrubbed.request?.env).toBeUndefined();
    expect(scrubbed.request?.headers?.cookie).toBe(FILTERED);
    expect(scrubbed.request?.headers?.authorization).toBe(FILTERED);
  });

  it("keeps what is needed to debug: route, method, ids, types, frames", () => {
    expect(scrubbed.request?.method).toBe("POST");
    expect(scrubbed.request?.url).toBe(`https://penprint.example.org/reset-password?token=${FILTERED}&next=%2Fsettings`);
    expect(scrubbed.request?.query_string).toBe(`token=${FILTERED}&next=%2Fsettings`);
    expect(scrubbed.request?.headers?.host).toBe("penprint.example.org");
    expect(scrubbed.request?.headers?.["x-request-id"]).toBe("0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111");
    expect(scrubbed.user).toEqual({ id: "7d1e0c9a-3b5f-4d8e-a1c2-9f0e8d7c6b5a" });
    expect(scrubbed.tags).toEqual({ request_id: "0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111", runtime: "node" });
    expect(scrubbed.contexts?.trace).toEqual({ trace_id: "4bf92f3577b34da6a3ce929d0e0e4736", span_id: "00f067aa0ba902b7" });
    const [first, second, third] = scrubbed.exception?.values ?? [];
    expect(first?.type).toBe("DrizzleQueryError");
    expect(first?.value).toBe(`Failed query: insert into "writing_samples" ("user_id", "title", "text") values ($1, $2, $3)\nparams: ${FILTERED}`);
    expect(first?.stacktrace?.frames?.[0]).toEqual({
      filename: "/app/.next/server/chunks/ssr/db_queries_samples_ts.js",
      function: "insertSample",
      lineno: 42,
    });
    expect(second?.value).toBe(`new row for relation "users" violates check constraint; Failing row contains ${FILTERED}`);
    expect(third?.value).toBe(`duplicate key value violates unique constraint "users_email_unique": Key (email)=(${FILTERED}) already exists.`);
    expect(scrubbed.message).toBe("Sign-in failed for [email]");
    expect(scrubbed.extra).toEqual({ input: FILTERED, databaseUrl: `postgres://${FILTERED}@db:5432/penprint` });
  });

  it("drops console breadcrumbs and scrubs the others", () => {
    expect(scrubbed.breadcrumbs).toEqual([
      { category: "http", type: "http", data: { method: "GET", url: `http://ollama:11434/api/tags?api_key=${FILTERED}`, status_code: 200 } },
      { category: "app", message: "analysis finished", data: { sampleId: "s-1", content: FILTERED, prompt: FILTERED } },
    ]);
  });

  it("does not change the event it was given", () => {
    const original = requestErrorEvent();
    beforeSend(original);
    expect(original).toEqual(requestErrorEvent());
  });
});

describe("beforeBreadcrumb", () => {
  it("drops console output, which may carry sign-in links", () => {
    expect(beforeBreadcrumb({ category: "console", message: "anything" })).toBeNull();
  });

  it("scrubs fetch breadcrumbs", () => {
    expect(
      beforeBreadcrumb({
        category: "fetch",
        data: { url: `https://hooks.example.org/x?signature=${RESET_TOKEN}`, method: "POST", body: ESSAY },
      }),
    ).toEqual({ category: "fetch", data: { url: `https://hooks.example.org/x?signature=${FILTERED}`, method: "POST", body: FILTERED } });
  });
});

describe("scrubString", () => {
  it.each([
    ["Contact dana+penprint@mail.example.co.uk today", "Contact [email] today"],
    ["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "Authorization: Bearer [Filtered]"],
    ["redis://:hunter2@cache:6379/0", `redis://${FILTERED}@cache:6379/0`],
    [`session ${RESET_TOKEN} expired`, `session ${FILTERED} expired`],
    ["request 0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111 failed", "request 0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111 failed"],
    ["GET /api/v1/analyses/[id] 404", "GET /api/v1/analyses/[id] 404"],
  ])("%s", (input, expected) => {
    expect(scrubString(input)).toBe(expected);
  });
});
