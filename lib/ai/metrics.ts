import { Counter, Histogram } from "prom-client";
import { getOrCreateMetric } from "@/lib/metrics";

/**
 * Rewrite metrics on Penprint's registry (/metrics). Outcomes: `done`, `cancelled` (the writer
 * stopped it), or the error code it ended with (pre-stream refusals included: `rate_limited`,
 * `no_fingerprint`, `ollama_unreachable` …).
 */
export const rewriteRequests = () =>
  getOrCreateMetric(
    "penprint_rewrite_requests_total",
    (registry) =>
      new Counter({
        name: "penprint_rewrite_requests_total",
        help: "Rewrite requests by outcome (done, cancelled, or the error code)",
        labelNames: ["outcome"],
        registers: [registry],
      }),
  );

export const rewriteTimeToFirstToken = () =>
  getOrCreateMetric(
    "penprint_rewrite_time_to_first_token_seconds",
    (registry) =>
      new Histogram({
        name: "penprint_rewrite_time_to_first_token_seconds",
        help: "Time from the rewrite request to the first token sent to the writer",
        buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
        registers: [registry],
      }),
  );

export const rewriteTokensPerSecond = () =>
  getOrCreateMetric(
    "penprint_rewrite_tokens_per_second",
    (registry) =>
      new Histogram({
        name: "penprint_rewrite_tokens_per_second",
        help: "Output tokens per second of a finished rewrite, from its first token to its end",
        buckets: [1, 2, 5, 10, 15, 20, 30, 50, 75, 100, 200],
        registers: [registry],
      }),
  );
