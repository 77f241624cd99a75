import { existsSync, readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import nextEnv from "@next/env";
import next from "next";
import { closeDatabase, getDatabase } from "@/db/client";
import { applyMigrationsAndClose, runMigrations } from "@/db/migrate";
import { recordAuditEvent } from "@/db/queries/audit";
import { startInProcessJobs } from "@/inngest/in-process";
import { ConfigError, getEnv, type Env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeRedis } from "@/lib/redis";
import { readiness } from "./readiness";
import { createRequestListener } from "./request-listener";
import { loadRouteMatcher } from "./route-patterns";

/**
 * Penprint's HTTP entry: Next's request handler inside a plain Node server (see request-listener.ts),
 * so that start-up (config, migrations, jobs) and SIGTERM (PGlite closed) happen in one place.
 */

/** Sends events still queued at stop. Node's ESM view of @sentry/nextjs lacks flush: load it as CommonJS. */
async function flushSentry(): Promise<void> {
  try {
    const sentry = createRequire(import.meta.url)("@sentry/nextjs") as { flush(timeoutMs: number): Promise<boolean> };
    await sentry.flush(2000);
  } catch (error) {
    logger.warn({ err: error }, "Sentry events not flushed");
  }
}

function answerWhileStarting(url: string, res: ServerResponse): void {
  const live = url === "/live" || url.startsWith("/live?");
  res.statusCode = live ? 200 : 503;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  if (!live) res.setHeader("retry-after", "5");
  res.end(
    JSON.stringify(
      live ? { status: "live" } : { error: { code: "starting", message: "Penprint is starting. Try again in a few seconds." } },
    ),
  );
}

/**
 * Serve with the configuration the build recorded, as Next's own standalone server does: the image
 * has no next.config.mjs (nor the build-time packages it imports), and a build is served as built.
 */
function applyBuildConfig(dir: string): void {
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) return;
  const file = path.join(dir, ".next", "required-server-files.json");
  if (!existsSync(file)) return;
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  // Read .env files now, as Next would later during prepare(): configuration is decided once, here.
  nextEnv.loadEnvConfig(process.cwd(), dev);
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

  // `--migrate`: apply migrations and exit (the image has no npm scripts).
  if (process.argv.includes("--migrate")) {
    await applyMigrationsAndClose();
    logger.info({ mode: env.mode }, "migrations applied");
    logger.flush();
    process.exit(0);
  }

  logger.info({ mode: env.mode, port: env.PORT, dev }, "starting Penprint");
  const dir = process.cwd();
  if (!dev) applyBuildConfig(dir);
  const app = next({ dev, dir, hostname: env.HOSTNAME, port: env.PORT, customServer: true });
  const handle = app.getRequestHandler();

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

  // Listen at once: while Next prepares, /live says the process is up and everything else 503.
  let prepared = false;
  const server = createServer(
    createRequestListener({
      handle: async (req, res) => {
        if (prepared) return handle(req, res);
        answerWhileStarting(req.url ?? "/", res);
      },
      routes: loadRouteMatcher(path.join(dir, ".next")),
      trustProxy: env.AUTH_TRUST_HOST === true,
      recordAudit: (event) => recordAuditEvent(event),
    }),
  );
  server.keepAliveTimeout = 65_000;

  // Signals are handled from the start: a stop during migrations or Next's preparation still closes PGlite.
  let jobs: ReturnType<typeof startInProcessJobs> | undefined;
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
    await closeRedis().catch(() => undefined);
    if (env.SENTRY_DSN) await flushSentry();
    await migrating;
    await closeDatabase().catch((error: unknown) => logger.error({ err: error }, "database close failed"));
    logger.info("stopped");
    logger.flush();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOSTNAME, () => resolve());
  });
  logger.info({ url: env.AUTH_URL, port: env.PORT }, "Penprint is listening");
  await app.prepare();
  prepared = true;

  await migrating;
  // Without Inngest the same jobs run here on the same schedules (not against an unmigrated database).
  if (!stopping) jobs = env.INNGEST_SIGNING_KEY || !readiness.migrated ? undefined : startInProcessJobs();
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "Penprint failed to start");
  logger.flush();
  process.exit(1);
});
