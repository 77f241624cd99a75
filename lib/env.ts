import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Every variable of the README's configuration table, validated once at start-up.
 * Empty strings count as unset, so `FOO=` in an env file behaves like no FOO at all.
 */

const optionalString = z.string().trim().min(1).optional();
const optionalUrl = (protocols: string[], label: string) =>
  z
    .string()
    .trim()
    .url({ message: `must be a URL (${label})` })
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
      message: `must use ${protocols.map((p) => p.replace(":", "://")).join(" or ")}`,
    })
    .optional();

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1" || value === "yes")
  .optional();

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().trim().min(1).default("0.0.0.0"),
  AUTH_URL: optionalUrl(["http:", "https:"], "e.g. https://penprint.example.org"),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (try `openssl rand -base64 32`)" }).optional(),
  AUTH_TRUST_HOST: booleanFlag,
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"], "postgres://user:password@host:5432/db"),
  PENPRINT_DATA_DIR: z.string().trim().min(1).default("./data"),
  REDIS_URL: optionalUrl(["redis:", "rediss:"], "redis://host:6379"),
  OLLAMA_BASE_URL: z
    .string()
    .trim()
    .url({ message: "must be a URL (the Ollama server root, e.g. http://ollama:11434)" })
    .default("http://localhost:11434")
    .transform((value) => value.replace(/\/+$/, "")),
  OLLAMA_MODEL: z.string().trim().min(1).default("llama3.1:8b"),
  OLLAMA_EMBED_MODEL: optionalString,
  /** Longest wait for a rewrite's first token, and between two tokens (a cold model loads slowly). */
  OLLAMA_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  REWRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  REWRITE_MAX_WORDS: z.coerce.number().int().min(50).max(50_000).default(2000),
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_BASE_URL: optionalUrl(["http:", "https:"], "the self-hosted Inngest server"),
  SMTP_URL: optionalUrl(["smtp:", "smtps:"], "smtp://user:password@host:587"),
  MAIL_FROM: z.string().trim().min(3).default("Penprint <penprint@localhost>"),
  SIGNUP_MODE: z.enum(["open", "invite", "closed"], { message: "must be open, invite or closed" }).default("open"),
  SENTRY_DSN: optionalUrl(["http:", "https:"], "the DSN from your Sentry project"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  ANALYSIS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  SAMPLE_WORDS_LIMIT: z.coerce.number().int().min(1000, { message: "must be at least 1000 words" }).default(200_000),
});

export type EnvInput = z.input<typeof envSchema>;
export type Env = z.output<typeof envSchema> & {
  mode: "embedded" | "services";
  /** Absolute path of PENPRINT_DATA_DIR. */
  dataDir: string;
  AUTH_URL: string;
  AUTH_SECRET: string;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Penprint cannot start: invalid configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function withoutEmptyStrings(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== "") out[key] = value;
  }
  return out;
}

/** The embedded mode's auth secret: generated on first start, kept in the data folder (mode 0600). */
export function loadOrCreateEmbeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * Parse and check the configuration. Pure apart from the embedded secret file, so tests can pass
 * their own `source` and `cwd`.
 */
export function parseEnv(
  source: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): Env {
  const result = envSchema.safeParse(withoutEmptyStrings(source));
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".") || "config"}: ${issue.message}`));
  }
  const parsed = result.data;
  const mode = parsed.DATABASE_URL ? "services" : "embedded";
  const dataDir = path.resolve(cwd, parsed.PENPRINT_DATA_DIR);
  if (dataDir.split(path.sep).includes(".next")) {
    throw new ConfigError(["PENPRINT_DATA_DIR: must not be inside .next (a rebuild would delete it)"]);
  }

  const problems: string[] = [];
  if (mode === "services" && !parsed.AUTH_SECRET) {
    problems.push("AUTH_SECRET: required when DATABASE_URL is set (generate one with `openssl rand -base64 32`)");
  }
  if (mode === "services" && !parsed.AUTH_URL) {
    problems.push("AUTH_URL: required when DATABASE_URL is set (the public URL writers open, e.g. https://penprint.example.org)");
  }
  if (parsed.INNGEST_SIGNING_KEY && !parsed.INNGEST_EVENT_KEY) {
    problems.push("INNGEST_EVENT_KEY: required when INNGEST_SIGNING_KEY is set");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    ...parsed,
    mode,
    dataDir,
    AUTH_URL: parsed.AUTH_URL ?? `http://localhost:${parsed.PORT}`,
    AUTH_SECRET: parsed.AUTH_SECRET ?? loadOrCreateEmbeddedSecret(dataDir),
  };
}

const cache = globalThis as unknown as { __penprintEnv?: Env };

/** The validated configuration of this process (parsed once). */
export function getEnv(): Env {
  if (!cache.__penprintEnv) {
    const env = parseEnv();
    // Auth.js and Next read these straight from process.env: hand them the resolved values.
    process.env.AUTH_SECRET = env.AUTH_SECRET;
    process.env.AUTH_URL = env.AUTH_URL;
    if (env.AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = "true";
    process.env.NEXT_TELEMETRY_DISABLED = "1";
    cache.__penprintEnv = env;
  }
  return cache.__penprintEnv;
}

/** For tests: forget the cached configuration. */
export function resetEnvForTests(): void {
  delete cache.__penprintEnv;
}
