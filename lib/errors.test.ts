import { sql } from "drizzle-orm";
import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  AppError,
  actionError,
  badRequest,
  conflict,
  errorResponse,
  forbidden,
  invalid,
  locked,
  notFound,
  payloadTooLarge,
  rateLimited,
  runAction,
  setUnexpectedErrorReporter,
  unauthorized,
  unavailable,
  unsupportedMediaType,
  type ErrorBody,
} from "./errors";
import { openDatabase } from "@/db/client";
import { closedLocalPort } from "@/tests/helpers/services";
import { requestContextStorage } from "./server/request-context";

async function bodyOf(response: Response): Promise<ErrorBody> {
  const json = (await response.json()) as { error: ErrorBody };
  expect(Object.keys(json)).toEqual(["error"]);
  return json.error;
}

afterEach(() => setUnexpectedErrorReporter(undefined));

describe("errorResponse", () => {
  it.each([
    [badRequest("malformed_json", "The body is not valid JSON."), 400, "malformed_json"],
    [unauthorized(), 401, "unauthorized"],
    [forbidden(), 403, "forbidden"],
    [notFound(), 404, "not_found"],
    [conflict("email_taken", "That address already has an account.", { email: "Already registered." }), 409, "email_taken"],
    [payloadTooLarge("Files up to 10 MB."), 413, "payload_too_large"],
    [unsupportedMediaType("Send JSON."), 415, "unsupported_media_type"],
    [invalid({ title: "Too long." }), 422, "invalid_input"],
    [locked("Too many failed sign-ins; try again in 15 minutes.", "account_locked"), 423, "account_locked"],
  ])("answers %s with its status and no Retry-After", async (error, status, code) => {
    const response = errorResponse(error, "req-1");
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await bodyOf(response);
    expect(body.code).toBe(code);
    expect(body.message).toBe(error.message);
  });

  it("includes fields only when there are some", async () => {
    expect(await bodyOf(errorResponse(invalid({ "sample.title": "Give it a title." }))) ).toEqual({
      code: "invalid_input",
      message: "Some fields need attention.",
      fields: { "sample.title": "Give it a title." },
    });
    expect("fields" in (await bodyOf(errorResponse(notFound())))).toBe(false);
  });

  it("sends Retry-After for 429 and 503, rounded up to whole seconds", async () => {
    const limited = errorResponse(rateLimited(12.2), "req-2");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("13");
    expect((await bodyOf(limited)).code).toBe("rate_limited");

    const down = errorResponse(unavailable(30, "Rewriting is unavailable: Ollama does not answer.", "ollama_unavailable"));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("30");
    expect(await bodyOf(down)).toEqual({ code: "ollama_unavailable", message: "Rewriting is unavailable: Ollama does not answer." });
  });

  it("turns zod errors into 422 with one message per field path", async () => {
    const schema = z.object({
      title: z.string().min(1, { message: "Give it a title." }),
      settings: z.object({ language: z.enum(["en", "fr"], { message: "Pick English or French." }) }),
    });
    const parsed = schema.safeParse({ title: "", settings: { language: "de" } });
    expect(parsed.success).toBe(false);
    const response = errorResponse(parsed.error);
    expect(response.status).toBe(422);
    expect(await bodyOf(response)).toEqual({
      code: "invalid_input",
      message: "Some fields need attention.",
      fields: { title: "Give it a title.", "settings.language": "Pick English or French." },
    });
  });

  it("uses a root-level zod message as the message", async () => {
    const parsed = z.object({ a: z.string() }, { message: "Send an object." }).safeParse("nope");
    const body = await bodyOf(errorResponse(parsed.error));
    expect(body.message).toBe("Send an object.");
    expect(body.fields).toBeUndefined();
  });

  it("hides unknown errors behind a 500 naming the request id, and reports them", async () => {
    const reported: unknown[] = [];
    setUnexpectedErrorReporter((error, context) => reported.push({ error, context }));
    const secret = new Error("duplicate key value violates unique constraint; params: my whole essay, alice@example.com");
    const response = errorResponse(secret, "0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111");
    expect(response.status).toBe(500);
    const body = await bodyOf(response);
    expect(body).toEqual({
      code: "internal_error",
      message: "Something went wrong on our side. Reference: 0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111",
    });
    expect(JSON.stringify(body)).not.toContain("essay");
    expect(reported).toEqual([{ error: secret, context: { requestId: "0b4c6a4e-6a1f-4f5e-9c89-55d2a2f1a111" } }]);
  });

  it("reads the request id from the request context when none is passed", async () => {
    const response = requestContextStorage.run({ requestId: "ctx-req-9", method: "POST", ip: null }, () =>
      errorResponse(new TypeError("boom")),
    );
    expect(response.headers.get("x-request-id")).toBe("ctx-req-9");
    expect((await bodyOf(response)).message).toContain("ctx-req-9");
  });

  it("answers 503 with Retry-After when a dependency cannot be reached", async () => {
    const database = await openDatabase({ kind: "postgres", url: `postgres://penprint@127.0.0.1:${await closedLocalPort()}/penprint` });
    let thrown: unknown;
    try {
      await database.query(sql`select 1`);
    } catch (error) {
      thrown = error;
    } finally {
      await database.close();
    }
    const response = errorResponse(thrown, "req-3");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await bodyOf(response)).code).toBe("dependency_unavailable");
    expect(actionError(thrown).error.code).toBe("dependency_unavailable");
  });

  it("lets Next's redirect through instead of answering it", () => {
    let thrown: unknown;
    try {
      redirect("/sign-in");
    } catch (error) {
      thrown = error;
    }
    expect(() => errorResponse(thrown)).toThrow();
  });
});

describe("AppError", () => {
  it("refuses codes that are not snake_case", () => {
    expect(() => new AppError({ status: 400, code: "BadThing", message: "x" })).toThrow(/snake_case/);
    expect(() => new AppError({ status: 400, code: "bad-thing", message: "x" })).toThrow(/snake_case/);
    expect(new AppError({ status: 400, code: "bad_thing_2", message: "x" }).code).toBe("bad_thing_2");
  });

  it("keeps the cause for the log without exposing it", () => {
    const cause = new Error("socket hang up");
    const error = new AppError({ status: 503, code: "database_unavailable", message: "Try again soon.", retryAfterSeconds: 5, cause });
    expect(error.cause).toBe(cause);
    expect(error.toBody()).toEqual({ code: "database_unavailable", message: "Try again soon." });
  });
});

describe("server action results", () => {
  it("wraps data and errors", async () => {
    expect(await runAction(() => 42)).toEqual({ ok: true, data: 42 });
    expect(
      await runAction(async () => {
        throw invalid({ email: "Enter an email address." });
      }),
    ).toEqual({
      ok: false,
      error: { code: "invalid_input", message: "Some fields need attention.", fields: { email: "Enter an email address." } },
    });
    expect(await runAction(() => z.object({ name: z.string({ message: "Required." }) }).parse({}))).toEqual({
      ok: false,
      error: { code: "invalid_input", message: "Some fields need attention.", fields: { name: "Required." } },
    });
  });

  it("makes unexpected errors generic", () => {
    expect(actionError(new RangeError("private detail"), "r-1")).toEqual({
      ok: false,
      error: { code: "internal_error", message: "Something went wrong on our side. Reference: r-1" },
    });
  });

  it("rethrows Next's redirect so the action still redirects", async () => {
    await expect(runAction(() => redirect("/done"))).rejects.toThrow();
  });
});

describe("AppError across module copies", () => {
  it("is recognised when another copy of lib/errors threw it (the server entry and Next's bundles load their own)", async () => {
    vi.resetModules();
    const otherCopy = await import("./errors");
    expect(otherCopy.AppError).not.toBe(AppError);
    const thrown = new otherCopy.AppError({ status: 423, code: "account_locked", message: "Locked for 15 minutes." });
    expect(thrown instanceof AppError).toBe(true);
    const response = errorResponse(thrown, "req-1");
    expect(response.status).toBe(423);
    expect(await response.json()).toEqual({ error: { code: "account_locked", message: "Locked for 15 minutes." } });
    expect(new Error("plain") instanceof AppError).toBe(false);
  });
});
