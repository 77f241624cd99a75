import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { listInstalledModels, sameModel } from "@/lib/ai/tags";
import type { RedisHealth } from "@/lib/redis";
import { scrubString } from "@/lib/sentry-scrub";
import packageJson from "@/package.json";

/**
 * What /health and /ready report (CONVENTIONS.md, "Operations endpoints"). Every probe takes its
 * dependency as a parameter, so tests hand in a real PGlite handle or a local HTTP server while the
 * routes use the process's own (`defaultHealthProbes`). Probes run in parallel, each with a short
 * timeout, and never throw: a failure is reported as `down` with the reason.
 */

export type ComponentStatus = "ok" | "down" | "disabled";
export type OverallStatus = "ok" | "degraded" | "down";

export interface ComponentHealth {
  status: ComponentStatus;
  latencyMs?: number;
  error?: string;
  /** For a person reading /health: what this state means for Penprint. */
  note?: string;
}

export interface RedisComponent extends ComponentHealth {
  fallback?: "in-process";
}

export interface OllamaComponent extends ComponentHealth {
  model: string;
  modelPresent?: boolean;
}

export interface InngestComponent extends ComponentHealth {
  mode: "in-process" | "self-hosted" | "cloud";
}

export interface AnalysisComponent extends ComponentHealth {
  engineVersion?: string;
  modelVersion?: string;
}

export interface HealthReport {
  status: OverallStatus;
  version: string;
  components: {
    database: ComponentHealth;
    redis: RedisComponent;
    ollama: OllamaComponent;
    inngest: InngestComponent;
    analysis: AnalysisComponent;
  };
}

type Queryable = Pick<DatabaseHandle, "query">;

export interface HealthProbes {
  /** The database to `select 1` on (opened lazily by the default probes). */
  database: () => Promise<Queryable>;
  /** Redis's own status (lib/redis.ts `getRedisStatus`). */
  redis: () => Promise<RedisHealth>;
  ollama: { baseUrl: string; model: string };
  inngest: { signingKey?: string; baseUrl?: string };
  /** Loads the analysis engine and names its versions. */
  analysis: () => Promise<{ engineVersion: string; modelVersion?: string }>;
  /** Per-probe time limits in milliseconds. */
  timeouts?: Partial<Record<keyof HealthReport["components"], number>>;
}

export const DEFAULT_TIMEOUTS: Record<keyof HealthReport["components"], number> = {
  database: 2_000,
  // lib/redis.ts waits up to its 2 s connect timeout for a first connection.
  redis: 2_500,
  ollama: 1_500,
  inngest: 1_500,
  analysis: 5_000,
};

export const VERSION: string = packageJson.version;

class ProbeTimeout extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = "ProbeTimeout";
  }
}

async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new ProbeTimeout(ms));
      reject(new ProbeTimeout(ms));
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A short, credential-free reason: "connect ECONNREFUSED 127.0.0.1:11434" rather than "fetch failed". */
export function describeProbeError(error: unknown): string {
  let current: unknown = error;
  // fetch wraps the network error in `cause`; the innermost message is the useful one.
  for (let depth = 0; depth < 4 && current instanceof Error && current.cause instanceof Error; depth++) current = current.cause;
  if (current instanceof AggregateError && current.errors[0] instanceof Error) current = current.errors[0];
  const message = current instanceof Error ? current.message || current.name : String(current);
  return scrubString(message).slice(0, 300);
}

function elapsedMs(started: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
}

export async function probeDatabase(open: HealthProbes["database"], timeoutMs: number): Promise<ComponentHealth> {
  const started = process.hrtime.bigint();
  try {
    await withTimeout(timeoutMs, async () => {
      const database = await open();
      await database.query(sql`select 1`);
    });
    return { status: "ok", latencyMs: elapsedMs(started) };
  } catch (error) {
    return { status: "down", latencyMs: elapsedMs(started), error: describeProbeError(error) };
  }
}

export async function probeRedis(status: HealthProbes["redis"], timeoutMs: number): Promise<RedisComponent> {
  const started = process.hrtime.bigint();
  let health: RedisHealth;
  try {
    health = await withTimeout(timeoutMs, () => status());
  } catch (error) {
    health = { status: "down", error: describeProbeError(error), fallback: "in-process" };
  }
  const component: RedisComponent = {
    status: health.status,
    latencyMs: health.latencyMs ?? elapsedMs(started),
    ...(health.error ? { error: scrubString(health.error) } : {}),
    ...(health.status !== "ok" ? { fallback: health.fallback ?? "in-process" } : {}),
  };
  if (health.status === "disabled") {
    delete component.latencyMs;
    component.note = "REDIS_URL is not set: rate limits and caches use the in-process fallback.";
  } else if (health.status === "down") {
    component.note = "Redis does not answer: rate limits and caches use the in-process fallback until it returns.";
  }
  return component;
}

export async function probeOllama(config: HealthProbes["ollama"], timeoutMs: number): Promise<OllamaComponent> {
  const started = process.hrtime.bigint();
  try {
    // The same /api/tags reading rewrites use (lib/ai/tags.ts).
    const installed = await withTimeout(timeoutMs, (signal) => listInstalledModels({ baseUrl: config.baseUrl, signal, timeoutMs }));
    const modelPresent = installed.some((model) => sameModel(model.name, config.model));
    return {
      status: "ok",
      latencyMs: elapsedMs(started),
      model: config.model,
      modelPresent,
      ...(modelPresent ? {} : { note: `Rewriting needs the model: run \`ollama pull ${config.model}\`.` }),
    };
  } catch (error) {
    return {
      status: "down",
      latencyMs: elapsedMs(started),
      model: config.model,
      error: describeProbeError(error),
      note: "Rewriting is disabled until Ollama answers; analysis does not need it.",
    };
  }
}

export async function probeInngest(config: HealthProbes["inngest"], timeoutMs: number): Promise<InngestComponent> {
  if (!config.signingKey) {
    return { status: "disabled", mode: "in-process", note: "No INNGEST_SIGNING_KEY: scheduled jobs run in-process." };
  }
  if (!config.baseUrl) {
    return { status: "ok", mode: "cloud", note: "Inngest Cloud is used; it is not probed from here." };
  }
  const started = process.hrtime.bigint();
  try {
    await withTimeout(timeoutMs, async (signal) => {
      const response = await fetch(`${config.baseUrl?.replace(/\/+$/, "")}/health`, { signal, cache: "no-store" });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status} from /health`);
    });
    return { status: "ok", mode: "self-hosted", latencyMs: elapsedMs(started) };
  } catch (error) {
    return {
      status: "down",
      mode: "self-hosted",
      latencyMs: elapsedMs(started),
      error: describeProbeError(error),
      note: "Scheduled jobs wait until the Inngest server answers.",
    };
  }
}

export async function probeAnalysis(load: HealthProbes["analysis"], timeoutMs: number): Promise<AnalysisComponent> {
  const started = process.hrtime.bigint();
  try {
    const versions = await withTimeout(timeoutMs, () => load());
    return {
      status: "ok",
      latencyMs: elapsedMs(started),
      engineVersion: versions.engineVersion,
      ...(versions.modelVersion ? { modelVersion: versions.modelVersion } : {}),
    };
  } catch (error) {
    return { status: "down", latencyMs: elapsedMs(started), error: describeProbeError(error) };
  }
}

/** The database decides `down`; any other component down makes the whole `degraded`. */
export function overallStatus(components: HealthReport["components"]): OverallStatus {
  if (components.database.status !== "ok") return "down";
  const optional = [components.redis, components.ollama, components.inngest, components.analysis];
  return optional.some((component) => component.status === "down") ? "degraded" : "ok";
}

export async function checkHealth(probes: HealthProbes): Promise<HealthReport> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...probes.timeouts };
  const [database, redis, ollama, inngest, analysis] = await Promise.all([
    probeDatabase(probes.database, timeouts.database),
    probeRedis(probes.redis, timeouts.redis),
    probeOllama(probes.ollama, timeouts.ollama),
    probeInngest(probes.inngest, timeouts.inngest),
    probeAnalysis(probes.analysis, timeouts.analysis),
  ]);
  const components = { database, redis, ollama, inngest, analysis };
  return { status: overallStatus(components), version: VERSION, components };
}

export interface ReadinessState {
  migrated: boolean;
  migrationError?: string;
}

export type ReadinessReport = { ready: true } | { ready: false; reason: string };

/** Ready once migrations have run in this process and the database answers. */
export async function checkReadiness(
  state: ReadinessState,
  database: HealthProbes["database"],
  timeoutMs = DEFAULT_TIMEOUTS.database,
): Promise<ReadinessReport> {
  if (state.migrationError) return { ready: false, reason: "Database migrations failed; see the server log." };
  if (!state.migrated) return { ready: false, reason: "Database migrations are still running." };
  const probe = await probeDatabase(database, timeoutMs);
  return probe.status === "ok" ? { ready: true } : { ready: false, reason: `The database does not answer (${probe.error ?? "unknown error"}).` };
}

/** The probes of this process: its database, Redis client, configured Ollama and Inngest, and engine. */
export async function defaultHealthProbes(): Promise<HealthProbes> {
  const [{ getEnv }, { getDatabase }, { getRedisStatus }] = await Promise.all([
    import("@/lib/env"),
    import("@/db/client"),
    import("@/lib/redis"),
  ]);
  const env = getEnv();
  return {
    database: getDatabase,
    redis: () => getRedisStatus(),
    ollama: { baseUrl: env.OLLAMA_BASE_URL, model: env.OLLAMA_MODEL },
    inngest: { signingKey: env.INNGEST_SIGNING_KEY, baseUrl: env.INNGEST_BASE_URL },
    analysis: async () => {
      const engine = await import("@/lib/analysis");
      return { engineVersion: engine.ENGINE_VERSION, modelVersion: engine.DEFAULT_WEIGHTS.version };
    },
  };
}
