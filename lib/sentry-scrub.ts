import type { Breadcrumb, ErrorEvent, Event, EventHint } from "@sentry/nextjs";

/**
 * What Penprint removes before anything reaches Sentry (CONVENTIONS.md, "Privacy"): writing
 * (request bodies, `text`/`content`/`prompt` and similar fields, query parameters echoed in
 * database errors), email addresses anywhere in strings, and tokens (authorization and cookie
 * headers, token-like query parameters, credentials in URLs, long opaque strings).
 */

export const FILTERED = "[Filtered]";

/** Keys whose values are dropped wherever they appear (compared case-insensitively). */
const SENSITIVE_KEY =
  /pass(word)?|secret|token|cookie|authori[sz]ation|e-?mail|session|api[-_]?key|csrf|signature|^(text|content|prompt|body|writing|sample|samples|input|messages|completion|draft|rewrite|excerpt)$/i;

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*:[^\s/@]*@/gi;
const EMAIL = /[a-z0-9._%+-]+(?:@|%40)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;
const AUTH_SCHEME = /\b(Bearer|Basic|Token|Digest)\s+[A-Za-z0-9._~+/=-]+/g;
const TOKEN_PARAM_NAME = /token|code|key|secret|sig|password|passwd|auth|session|state|otp|email/i;
const TOKEN_QUERY_PARAM =
  /([?&;](?:[^=&\s#"'<>]*?(?:token|code|key|secret|sig|password|passwd|auth|session|state|otp|email)[^=&\s#"'<>]*)=)[^&#\s"'<>]*/gi;
// Database errors echo the values of the failed statement: drizzle appends "params: …",
// Postgres adds "Failing row contains (…)" and "Key (col)=(value)".
const QUERY_PARAMS = /\bparams: [\s\S]*?(?=\n\s+at |$)/g;
const FAILING_ROW = /\bFailing row contains [\s\S]*?(?=\n\s+at |$)/g;
const KEY_VALUE = /\b(Key \([^)]*\)=\()[\s\S]*?(\) (?:already exists|is not present))/g;
const OPAQUE = /[A-Za-z0-9_-]{32,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Long random-looking strings (session ids, reset tokens, API keys), but not UUIDs or plain words. */
function scrubOpaque(match: string): string {
  if (UUID.test(match)) return match;
  return /[0-9]/.test(match) && /[A-Za-z]/.test(match) ? FILTERED : match;
}

/** Removes emails, credentials, tokens and echoed statement values from free text. */
export function scrubString(value: string): string {
  return value
    .replace(QUERY_PARAMS, `params: ${FILTERED}`)
    .replace(FAILING_ROW, `Failing row contains ${FILTERED}`)
    .replace(KEY_VALUE, `$1${FILTERED}$2`)
    .replace(URL_CREDENTIALS, `$1${FILTERED}@`)
    .replace(AUTH_SCHEME, `$1 ${FILTERED}`)
    .replace(TOKEN_QUERY_PARAM, `$1${FILTERED}`)
    .replace(EMAIL, "[email]")
    .replace(OPAQUE, scrubOpaque);
}

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/** Deep copy of a value with sensitive keys filtered and every string scrubbed. */
export function scrubValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8 || seen.has(value)) return FILTERED;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? FILTERED : scrubValue(item, depth + 1, seen);
  }
  return out;
}

function scrubRecord<T>(value: T): T {
  return scrubValue(value) as T;
}

function scrubQueryString(query: NonNullable<Event["request"]>["query_string"]): NonNullable<Event["request"]>["query_string"] {
  if (typeof query === "string") return scrubString(`?${query.replace(/^\?/, "")}`).slice(1);
  if (Array.isArray(query)) {
    return query.map(([key, item]): [string, string] => [key, isSensitiveKey(key) || TOKEN_PARAM_NAME.test(key) ? FILTERED : scrubString(item)]);
  }
  return query === undefined ? undefined : scrubRecord(query);
}

function scrubRequest(request: NonNullable<Event["request"]>): NonNullable<Event["request"]> {
  // Bodies are writing or credentials; cookies and the server environment are never needed.
  const { data: _data, cookies: _cookies, env: _env, ...rest } = request;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(rest.headers ?? {})) {
    headers[name] = isSensitiveKey(name) ? FILTERED : scrubString(value);
  }
  return {
    ...rest,
    ...(rest.url ? { url: scrubString(rest.url) } : {}),
    ...(rest.headers ? { headers } : {}),
    ...(rest.query_string !== undefined ? { query_string: scrubQueryString(rest.query_string) } : {}),
  };
}

/** A breadcrumb without writing or secrets; console output is dropped (it may carry mail links). */
export function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb | null {
  if (breadcrumb.category === "console") return null;
  return {
    ...breadcrumb,
    ...(breadcrumb.message !== undefined ? { message: scrubString(breadcrumb.message) } : {}),
    ...(breadcrumb.data !== undefined ? { data: scrubRecord(breadcrumb.data) } : {}),
  };
}

/** Scrubs every part of an event that can hold user data. */
export function scrubEvent<T extends Event>(event: T): T {
  const out: T = { ...event };
  if (out.message !== undefined) out.message = scrubString(out.message);
  if (out.logentry) {
    out.logentry = {
      ...(out.logentry.message !== undefined ? { message: scrubString(out.logentry.message) } : {}),
      ...(out.logentry.params !== undefined ? { params: scrubRecord(out.logentry.params) } : {}),
    };
  }
  if (out.transaction !== undefined) out.transaction = scrubString(out.transaction);
  if (out.request) out.request = scrubRequest(out.request);
  // Only the opaque user id is kept: no email, username or IP address.
  if (out.user) out.user = out.user.id !== undefined ? { id: out.user.id } : {};
  if (out.exception?.values) {
    out.exception = {
      values: out.exception.values.map((exception) => ({
        ...exception,
        ...(exception.value !== undefined ? { value: scrubString(exception.value) } : {}),
        ...(exception.stacktrace?.frames
          ? {
              stacktrace: {
                ...exception.stacktrace,
                // Local variables would hold whatever the failing code was working on; source
                // lines are kept (they are our code) but scrubbed like any other text.
                frames: exception.stacktrace.frames.map(({ vars: _vars, ...frame }) => ({
                  ...frame,
                  ...(frame.context_line !== undefined ? { context_line: scrubString(frame.context_line) } : {}),
                  ...(frame.pre_context ? { pre_context: frame.pre_context.map(scrubString) } : {}),
                  ...(frame.post_context ? { post_context: frame.post_context.map(scrubString) } : {}),
                })),
              },
            }
          : {}),
        ...(exception.mechanism?.data ? { mechanism: { ...exception.mechanism, data: scrubRecord(exception.mechanism.data) } } : {}),
      })),
    };
  }
  if (out.breadcrumbs) {
    out.breadcrumbs = out.breadcrumbs.map(scrubBreadcrumb).filter((crumb): crumb is Breadcrumb => crumb !== null);
  }
  if (out.extra) out.extra = scrubRecord(out.extra);
  if (out.contexts) {
    // The trace context holds Sentry's own ids, which its ingestion needs as they are.
    const { trace, ...contexts } = out.contexts;
    out.contexts = { ...scrubRecord(contexts), ...(trace ? { trace } : {}) };
  }
  if (out.tags) out.tags = scrubRecord(out.tags);
  return out;
}

/** Sentry's `beforeSend`. */
export function beforeSend(event: ErrorEvent, _hint?: EventHint): ErrorEvent {
  return scrubEvent(event);
}

/** Sentry's `beforeBreadcrumb`. */
export function beforeBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb | null {
  return scrubBreadcrumb(breadcrumb);
}
