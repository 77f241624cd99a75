import type { Instrumentation } from "next";

/**
 * Next calls register() once per server process. Sentry is loaded only when SENTRY_DSN is set, so
 * builds and starts without a DSN never load it and never touch the network.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Next's own error printing bypasses pino: scrub it like Sentry events (lib/console-scrub.ts).
  const { scrubConsole } = await import("@/lib/console-scrub");
  scrubConsole();
  if (process.env.SENTRY_DSN?.trim()) await import("./sentry.server.config");
}

/** Errors Next catches while rendering or handling a request; forwarded only when Sentry is initialised. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.SENTRY_DSN?.trim()) return;
  const Sentry = await import("@sentry/nextjs");
  if (Sentry.isInitialized()) Sentry.captureRequestError(error, request, context);
};
