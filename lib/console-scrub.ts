import { format } from "node:util";
import { scrubString } from "@/lib/sentry-scrub";

/**
 * Next prints errors it catches itself (a route handler that throws outside `route()`, a failing
 * render) with console.error, bypassing pino's redaction; database errors in those messages echo
 * writing and emails. This passes console.error and console.warn output through the same scrubber
 * as Sentry events. The embedded sign-in link is written to stdout directly and is not affected.
 */
const SCRUBBED = Symbol.for("penprint.consoleScrubbed");

type ConsoleLike = Pick<Console, "error" | "warn">;

export function scrubConsole(target: ConsoleLike = console): void {
  for (const method of ["error", "warn"] as const) {
    const current = target[method] as ConsoleLike[typeof method] & { [SCRUBBED]?: true };
    if (current[SCRUBBED]) continue;
    const original = current.bind(target);
    const scrubbed = Object.assign((...args: unknown[]) => original(scrubString(format(...args))), { [SCRUBBED]: true as const });
    target[method] = scrubbed;
  }
}
