import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "penprint-env-"));

function problemsOf(source: Record<string, string>, cwd = tempDir()): string[] {
  try {
    parseEnv(source, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseEnv", () => {
  it("starts the embedded mode with no environment at all", () => {
    const cwd = tempDir();
    const env = parseEnv({}, cwd);
    expect(env.mode).toBe("embedded");
    expect(env.PORT).toBe(3000);
    expect(env.AUTH_URL).toBe("http://localhost:3000");
    expect(env.dataDir).toBe(path.join(cwd, "data"));
    expect(env.SIGNUP_MODE).toBe("open");
    expect(env.ANALYSIS_RETENTION_DAYS).toBe(30);
    expect(env.OLLAMA_BASE_URL).toBe("http://localhost:11434");
  });

  it("generates the embedded auth secret once, keeps it private and reuses it", () => {
    const cwd = tempDir();
    const first = parseEnv({}, cwd);
    const file = path.join(cwd, "data", "auth-secret");
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first.AUTH_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseEnv({}, cwd).AUTH_SECRET).toBe(first.AUTH_SECRET);
  });

  it("defaults AUTH_URL to the configured port", () => {
    expect(parseEnv({ PORT: "4123" }, tempDir()).AUTH_URL).toBe("http://localhost:4123");
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", REDIS_URL: "  ", PORT: "" }, tempDir());
    expect(env.mode).toBe("embedded");
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("requires AUTH_SECRET and AUTH_URL in services mode and names them", () => {
    const problems = problemsOf({ DATABASE_URL: "postgres://u@db:5432/penprint" });
    expect(problems.join("\n")).toMatch(/AUTH_SECRET: required when DATABASE_URL is set/);
    expect(problems.join("\n")).toMatch(/AUTH_URL: required when DATABASE_URL is set/);
  });

  it("accepts a complete services configuration", () => {
    const env = parseEnv(
      {
        DATABASE_URL: "postgres://u@db:5432/penprint",
        AUTH_SECRET: "x".repeat(40),
        AUTH_URL: "https://penprint.example.org",
        REDIS_URL: "redis://redis:6379",
        OLLAMA_BASE_URL: "http://ollama:11434/",
        AUTH_TRUST_HOST: "true",
      },
      tempDir(),
    );
    expect(env.mode).toBe("services");
    expect(env.OLLAMA_BASE_URL).toBe("http://ollama:11434");
    expect(env.AUTH_TRUST_HOST).toBe(true);
  });

  it.each([
    [{ PORT: "eighty" }, /PORT/],
    [{ PORT: "70000" }, /PORT/],
    [{ DATABASE_URL: "mysql://u@db/penprint" }, /DATABASE_URL: must use postgres:\/\/ or postgresql:\/\//],
    [{ REDIS_URL: "not a url" }, /REDIS_URL: must be a URL/],
    [{ SIGNUP_MODE: "sometimes" }, /SIGNUP_MODE: must be open, invite or closed/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL/],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET: must be at least 32 characters/],
    [{ ANALYSIS_RETENTION_DAYS: "0" }, /ANALYSIS_RETENTION_DAYS/],
    [{ AUTH_TRUST_HOST: "maybe" }, /AUTH_TRUST_HOST: must be true or false/],
    [{ INNGEST_SIGNING_KEY: "signkey-test-abc" }, /INNGEST_EVENT_KEY: required/],
  ])("refuses %o with a message naming the variable", (source, message) => {
    expect(problemsOf(source).join("\n")).toMatch(message);
  });

  it("refuses a data folder inside .next", () => {
    expect(problemsOf({ PENPRINT_DATA_DIR: ".next/data" }).join("\n")).toMatch(/PENPRINT_DATA_DIR/);
  });
});
