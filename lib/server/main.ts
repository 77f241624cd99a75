import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { closeDatabase, getDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { recordAuditEvent } from "@/db/queries/audit";
import { startInProcessJobs } from "@/inngest/in-process";
import { ConfigError, getEnv, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { clientIp } from "./client-ip";
import { readiness } from "./readiness";
import { requestContextStorage, type RequestContext } from "./request-context";
import { loadRouteMatcher, type RouteMatcher } from "./route-patterns";

/**
 * Penprint's HTTP entry: Next's request handler inside a plain Node server, so that every request
 * gets a request id, a log line, metrics by route pattern and (when it changes state) an audit row,
 * and so that start-up (config, migrations, jobs) and SIGTERM (PGlite closed) are in one place.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function observe(
  { req, res, context, routes, started }: {
    req: IncomingMessage;
    res: ServerResponse;
    context: RequestContext;
    routes: RouteMatcher;
    started: bigint;
  },
): void {
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const route = routes.match(pathname);
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

  if (!SAFE_METHODS.has(method) && route !== "/_next" && route !== "/_next/static") {
    const audit = context.audit;
    recordAuditEvent({
      userId: audit?.userId !== undefined ? audit.userId : (context.userId ?? null),
      action: audit?.action ?? `${method} ${route}`,
      targetType: audit?.targetType ?? null,
      targetId: audit?.targetId ?? null,
      ip: context.ip,
      requestId: context.requestId,
      metadata: { status: res.statusCode, route, ...(req.headers["next-action"] ? { serverAction: true } : {}) },
    }).catch((error: unknown) => logger.error({ err: error, requestId: context.requestId }, "audit event not written"));
  }
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  logger.info({ mode: env.mode, port: env.PORT, dev }, "starting Penprint");
  const dir = process.cwd();
  const app = next({ dev, dir, hostname: env.HOSTNAME, port: env.PORT, customServer: true });
  const handle = app.getRequestHandler();
  const routes = loadRouteMatcher(path.join(dir, ".next"));

  // Migrations run while Next prepares; /ready answers 503 until they are done.
  const migrating = getDatabase()
    .then((database) => runMigrations(database))
    .then(() => {
      readiness.migrated = true;
      logger.info({ mode: env.mode }, "database ready");
    })
    .catch((error: unknown) => {
      readiness.migrationError = error instanceof Error ? error.message : String(error);
      logger.error({ err: error }, "migrations failed; /ready will answer 503");
    });

  await app.prepare();

  const server = createServer((req, res) => {
    const context: RequestContext = {
      requestId: requestIdOf(req),
      method: req.method ?? "GET",
      ip: clientIp(req, env.AUTH_TRUST_HOST === true),
    };
    res.setHeader("x-request-id", context.requestId);
    const started = process.hrtime.bigint();
    res.once("finish", () => observe({ req, res, context, routes, started }));
    requestContextStorage.run(context, () => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error, requestId: context.requestId }, "unhandled request error");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader("content-type", "application/json");
          res.end(
            JSON.stringify({
              error: { code: "internal_error", message: `Something went wrong. Reference: ${context.requestId}` },
            }),
          );
        } else res.end();
      });
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOSTNAME, () => resolve());
  });
  logger.info({ url: env.AUTH_URL, port: env.PORT }, "Penprint is listening");

  await migrating;
  const jobs = env.INNGEST_SIGNING_KEY ? undefined : startInProcessJobs();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    // Give in-flight requests a moment, but never hang the stop.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await jobs?.stop();
    await closeDatabase().catch((error: unknown) => logger.error({ err: error }, "database close failed"));
    logger.info("stopped");
    logger.flush();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "Penprint failed to start");
  logger.flush();
  process.exit(1);
});
