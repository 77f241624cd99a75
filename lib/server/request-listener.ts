import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { AuditEventInput } from "@/db/queries/audit";
import { internalErrorBody } from "@/lib/internal-error-body";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { clientIp } from "./client-ip";
import { requestContextStorage, type RequestContext } from "./request-context";
import type { RouteMatcher } from "./route-patterns";

/**
 * Wraps Next's request handler so that every request gets a request id, one log line, metrics by
 * route pattern and, when it may change state (not GET/HEAD/OPTIONS), one audit event.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface RequestListenerOptions {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  routes: RouteMatcher;
  trustProxy: boolean;
  recordAudit: (event: AuditEventInput) => Promise<void>;
}

function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function createRequestListener({ handle, routes, trustProxy, recordAudit }: RequestListenerOptions): RequestListener {
  function observe(req: IncomingMessage, res: ServerResponse, context: RequestContext, started: bigint): void {
    const route = routes.match((req.url ?? "/").split("?")[0] ?? "/");
    const method = req.method ?? "GET";
    const status = String(res.statusCode);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.httpRequestsTotal.inc({ method, route, status });
    metrics.httpRequestDuration.observe({ method, route, status }, seconds);

    const line = {
      requestId: context.requestId,
      method,
      route,
      status: res.statusCode,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(context.userId ? { userId: context.userId } : {}),
    };
    if (route.startsWith("/_next")) logger.debug(line, "request");
    else logger.info(line, "request");

    if (SAFE_METHODS.has(method) || route.startsWith("/_next")) return;
    const audit = context.audit;
    recordAudit({
      userId: audit?.userId !== undefined ? audit.userId : (context.userId ?? null),
      action: audit?.action ?? `${method} ${route}`,
      targetType: audit?.targetType ?? null,
      targetId: audit?.targetId ?? null,
      ip: context.ip,
      requestId: context.requestId,
      metadata: { status: res.statusCode, route, ...(req.headers["next-action"] ? { serverAction: true } : {}) },
    }).catch((error: unknown) => logger.error({ err: error, requestId: context.requestId }, "audit event not written"));
  }

  return (req, res) => {
    const context: RequestContext = {
      requestId: requestIdOf(req),
      method: req.method ?? "GET",
      ip: clientIp(req, trustProxy),
    };
    res.setHeader("x-request-id", context.requestId);
    const started = process.hrtime.bigint();
    res.once("finish", () => observe(req, res, context, started));
    requestContextStorage.run(context, () => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error, requestId: context.requestId }, "unhandled request error");
        if (res.headersSent) {
          res.end();
          return;
        }
        res.statusCode = 500;
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ error: internalErrorBody(context.requestId) }));
      });
    });
  };
}
