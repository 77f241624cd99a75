import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { logger } from "@/lib/logger";
import { scrubString } from "@/lib/sentry-scrub";
import { internalErrorBody } from "@/lib/internal-error-body";
import { getRequestContext } from "@/lib/server/request-context";

/**
 * Penprint's one error model (CONVENTIONS.md, "Errors"). Route handlers answer
 * `{ "error": { code, message, fields? } }` with the status below; server actions return the same
 * error inside `{ ok: false, error }`. Anything that is not an AppError or a zod error is a bug:
 * it becomes a 500 whose message names only the request id, and its details go to the log.
 */

export type ClientErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423;
/** Statuses that tell the client when to try again (`Retry-After`). */
export type RetryableStatus = 429 | 503;
export type AppErrorStatus = ClientErrorStatus | RetryableStatus;

/** Field name (dotted path for nested values) → why it was refused, for a person. */
export type FieldErrors = Record<string, string>;

/** The body of an error answer and of a failed server action. */
export interface ErrorBody {
  code: string;
  message: string;
  fields?: FieldErrors;
}

interface CommonInit {
  code: string;
  message: string;
  fields?: FieldErrors;
  cause?: unknown;
}

export type AppErrorInit =
  | (CommonInit & { status: ClientErrorStatus })
  | (CommonInit & { status: RetryableStatus; retryAfterSeconds: number });

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

// Brand shared by every copy of this module in the process (the server entry and Next's bundles
// each load their own), so `instanceof AppError` holds for an AppError thrown by any copy.
const APP_ERROR_BRAND = Symbol.for("penprint.AppError");

export class AppError extends Error {
  readonly [APP_ERROR_BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[APP_ERROR_BRAND] === true;
  }

  readonly status: AppErrorStatus;
  readonly code: string;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(init: AppErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    // A badly named code is a programming error; fail where it is written, not in a client.
    if (!SNAKE_CASE.test(init.code)) throw new TypeError(`AppError code must be snake_case: "${init.code}"`);
    this.name = "AppError";
    this.status = init.status;
    this.code = init.code;
    if (init.fields && Object.keys(init.fields).length > 0) this.fields = init.fields;
    if (init.status === 429 || init.status === 503) {
      this.retryAfterSeconds = Math.max(1, Math.ceil(init.retryAfterSeconds));
    }
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

// One constructor per status, so call sites read as what happened.
export const badRequest = (code: string, message: string) => new AppError({ status: 400, code, message });
export const unauthorized = (message = "Please sign in to continue.", code = "unauthorized") =>
  new AppError({ status: 401, code, message });
export const forbidden = (message = "You are not allowed to do that.", code = "forbidden") =>
  new AppError({ status: 403, code, message });
/** Also for ids that belong to another user: never reveal that they exist. */
export const notFound = (message = "Not found.", code = "not_found") => new AppError({ status: 404, code, message });
export const conflict = (code: string, message: string, fields?: FieldErrors) =>
  new AppError({ status: 409, code, message, fields });
export const payloadTooLarge = (message: string, code = "payload_too_large") =>
  new AppError({ status: 413, code, message });
export const unsupportedMediaType = (message: string, code = "unsupported_media_type") =>
  new AppError({ status: 415, code, message });
export const invalid = (fields: FieldErrors, message = "Some fields need attention.", code = "invalid_input") =>
  new AppError({ status: 422, code, message, fields });
export const locked = (message: string, code = "locked") => new AppError({ status: 423, code, message });
export const rateLimited = (retryAfterSeconds: number, message = "Too many attempts. Please wait and try again.", code = "rate_limited") =>
  new AppError({ status: 429, code, message, retryAfterSeconds });
export const unavailable = (retryAfterSeconds: number, message: string, code = "service_unavailable") =>
  new AppError({ status: 503, code, message, retryAfterSeconds });

/** A zod failure as a 422: the first message of each field, keyed by its dotted path. */
export function fromZodError(error: z.core.$ZodError): AppError {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (key === "") general.push(issue.message);
    else if (!(key in fields)) fields[key] = issue.message;
  }
  const message = general[0] ?? "Some fields need attention.";
  return new AppError({ status: 422, code: "invalid_input", message, fields });
}

// Network failures (Node), postgres.js connection codes, and Postgres SQLSTATEs for
// "connection exception" (08…), "too many connections" and "server shutting down / starting".
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "53300",
  "57P01",
  "57P02",
  "57P03",
]);

/** Whether a thrown value (or its cause) says a dependency could not be reached, rather than a bug. */
export function isDependencyUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDependencyUnreachable(inner))) return true;
    current = current.cause;
  }
  return false;
}

/**
 * The AppError a thrown value stands for, or undefined for an unexpected error. Errors of
 * Next's own control flow (redirect, notFound) are rethrown so Next can handle them.
 */
function knownError(error: unknown): AppError | undefined {
  unstable_rethrow(error);
  if (error instanceof AppError) return error;
  if (error instanceof z.core.$ZodError) return fromZodError(error);
  if (isDependencyUnreachable(error)) {
    logger.warn({ error: loggable(error) }, "dependency unreachable");
    return unavailable(5, "A service Penprint needs is not answering. Please try again in a moment.", "dependency_unavailable");
  }
  return undefined;
}


/** Forwards unexpected errors to error reporting (Sentry registers one when SENTRY_DSN is set). */
export type UnexpectedErrorReporter = (error: unknown, context: { requestId?: string }) => void;

// On globalThis: Sentry's set-up (instrumentation) and the route bundles may load separate copies of this module.
const reporters = globalThis as unknown as { __penprintErrorReporter?: UnexpectedErrorReporter };

export function setUnexpectedErrorReporter(reporter: UnexpectedErrorReporter | undefined): void {
  reporters.__penprintErrorReporter = reporter;
}

/**
 * An error as logged: database errors echo statement values (drizzle's "params: …"), which may be
 * writing or emails, so the text goes through the same scrubber as Sentry events.
 */
function loggable(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubString(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: scrubString(error.message),
    ...(error.stack ? { stack: scrubString(error.stack) } : {}),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(error.cause !== undefined && depth < 3 ? { cause: loggable(error.cause, depth + 1) } : {}),
  };
}

/** Logs an unexpected error (the only place its details go) and returns the generic body. */
function reportUnexpected(error: unknown, requestId: string | undefined): ErrorBody {
  logger.error({ error: loggable(error), ...(requestId ? { requestId } : {}) }, "unexpected error");
  try {
    reporters.__penprintErrorReporter?.(error, requestId ? { requestId } : {});
  } catch (reportError) {
    logger.warn({ err: reportError }, "error reporter failed");
  }
  return internalErrorBody(requestId);
}

/** The HTTP answer for any thrown value. */
export function errorResponse(error: unknown, requestId: string | undefined = getRequestContext()?.requestId): Response {
  const known = knownError(error);
  const headers = new Headers({ "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  if (requestId) headers.set("x-request-id", requestId);
  if (!known) {
    return new Response(JSON.stringify({ error: reportUnexpected(error, requestId) }), { status: 500, headers });
  }
  if (known.retryAfterSeconds !== undefined) headers.set("retry-after", String(known.retryAfterSeconds));
  return new Response(JSON.stringify({ error: known.toBody() }), { status: known.status, headers });
}

/** What a server action returns; the page shows `error.message` and `error.fields[name]` by the field. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** A thrown value as a failed action result (unexpected errors are logged and made generic). */
export function actionError(
  error: unknown,
  requestId: string | undefined = getRequestContext()?.requestId,
): { ok: false; error: ErrorBody } {
  const known = knownError(error);
  return { ok: false, error: known ? known.toBody() : reportUnexpected(error, requestId) };
}

/** Runs a server action's body, turning whatever it throws into `{ ok: false, error }`. */
export async function runAction<T>(body: () => Promise<T> | T): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    return actionError(error);
  }
}
