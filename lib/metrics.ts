import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * One registry per process, kept on globalThis: prom-client's global registry throws "already
 * registered" after a hot reload, and the server entry and the Next bundle must share the same one.
 */
interface Metrics {
  registry: Registry;
  httpRequestsTotal: Counter<"method" | "route" | "status">;
  httpRequestDuration: Histogram<"method" | "route" | "status">;
}

const holder = globalThis as unknown as { __penprintMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestsTotal: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status code",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route pattern and status code",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}

export const metrics: Metrics = (holder.__penprintMetrics ??= createMetrics());

/** Metrics of later features register here, once per process. */
export function getOrCreateMetric<T>(name: string, create: (registry: Registry) => T): T {
  const existing = metrics.registry.getSingleMetric(name);
  return (existing as T | undefined) ?? create(metrics.registry);
}
