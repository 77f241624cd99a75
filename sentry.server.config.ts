import * as Sentry from "@sentry/nextjs";
import type { NodeOptions } from "@sentry/nextjs";
import packageJson from "@/package.json";
import { setUnexpectedErrorReporter } from "@/lib/errors";
import { beforeBreadcrumb, beforeSend } from "@/lib/sentry-scrub";

/**
 * Server-side error reporting, loaded by instrumentation.ts only when SENTRY_DSN is set.
 * Errors only (no tracing, no replays, no logs), no default PII, every event scrubbed.
 * There is deliberately no browser Sentry: the DSN is a runtime setting (a NEXT_PUBLIC_ value
 * would be frozen into the build), and the browser is where the writing is.
 */
export function sentryServerOptions(dsn: string): NodeOptions {
  return {
    dsn,
    release: `penprint@${packageJson.version}`,
    // Sentry 11 replaced `sendDefaultPii` with `dataCollection`, whose defaults collect everything:
    // collect the minimum (no user info, cookies, bodies, query values, statement data, AI prompts,
    // local variables). beforeSend scrubs what remains.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: { request: { allow: ["accept", "content-type", "user-agent", "x-request-id"] }, response: false },
      httpBodies: [],
      urlQueryParams: false,
      graphQL: { document: false, variables: false },
      genAI: { inputs: false, outputs: false },
      databaseQueryData: false,
      queues: false,
      stackFrameVariables: false,
    },
    // No tracesSampleRate: tracing stays off, so no spans (URLs, statements) are sent at all.
    beforeSend,
    beforeBreadcrumb,
  };
}

const dsn = process.env.SENTRY_DSN?.trim();
if (dsn) {
  Sentry.init(sentryServerOptions(dsn));
  // Errors the route wrapper and server actions turn into 500s never reach onRequestError: report them here.
  setUnexpectedErrorReporter((error, { requestId }) => {
    Sentry.captureException(error, requestId ? { tags: { request_id: requestId } } : undefined);
  });
}
