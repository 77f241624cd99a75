import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests run against the production build (`next build` happens before, in `npm test`),
 * served by Penprint's own entry (`node scripts/start.mjs`) on a free port with a fresh embedded
 * database. The server's stdout/stderr go to test-results/server.log, which the log scan reads.
 *
 * This file is evaluated by the runner and again by every worker: the port and the data folder are
 * chosen once and passed on through the environment, so all of them agree.
 */

const root = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(root, "test-results");
mkdirSync(resultsDir, { recursive: true });

function freePort(): number {
  // Synchronous on purpose (config files cannot await): ask the OS for a free port in a child process.
  const probe = spawnSync(
    process.execPath,
    ["-e", 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'],
    { encoding: "utf8" },
  );
  const port = Number(probe.stdout);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port: ${probe.stderr}`);
  return port;
}

process.env.PENPRINT_E2E_PORT ||= String(freePort());
process.env.PENPRINT_E2E_OLLAMA_PORT ||= String(freePort());
process.env.PENPRINT_E2E_DATA_DIR ||= mkdtempSync(path.join(os.tmpdir(), "penprint-e2e-"));
const port = Number(process.env.PENPRINT_E2E_PORT);
const dataDir = process.env.PENPRINT_E2E_DATA_DIR;
const baseURL = `http://127.0.0.1:${port}`;
/** The Ollama protocol peer (tests/helpers/ollama-peer.ts) Penprint talks to; specs steer it through /__peer/*. */
const ollamaURL = `http://127.0.0.1:${process.env.PENPRINT_E2E_OLLAMA_PORT}`;

/** Debian's Chromium when present (npm test installs it as root); otherwise Playwright's own browser. */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // Test artefacts in a subfolder: Playwright empties its output folder at start, and server.log,
  // screenshots/ and secrets-used.txt beside it must survive until the log scan has read them.
  outputDir: path.join(resultsDir, "playwright"),
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One worker everywhere: every spec signs in from 127.0.0.1, which shares one 5-a-minute sign-in
  // budget and one lockout counter; parallel specs would spend each other's attempts.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(resultsDir, "playwright-results.json") }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      // Started first: Penprint probes Ollama on /health and the rewrite specs need it from the start.
      command: `npx tsx tests/helpers/ollama-peer-cli.ts --port ${process.env.PENPRINT_E2E_OLLAMA_PORT} > "${path.join(resultsDir, "ollama-peer.log")}" 2>&1`,
      cwd: root,
      url: `${ollamaURL}/api/version`,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: `node scripts/start.mjs > "${path.join(resultsDir, "server.log")}" 2>&1`,
      cwd: root,
      url: `${baseURL}/ready`,
      timeout: 180_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        AUTH_URL: baseURL,
        PENPRINT_DATA_DIR: dataDir,
        PENPRINT_SKIP_BUILD: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "info",
        // Embedded mode with nothing external, whatever the caller's shell has set (empty = unset).
        DATABASE_URL: "",
        REDIS_URL: "",
        SMTP_URL: "",
        SENTRY_DSN: "",
        INNGEST_SIGNING_KEY: "",
        INNGEST_EVENT_KEY: "",
        INNGEST_BASE_URL: "",
        AUTH_SECRET: "",
        SIGNUP_MODE: "open",
        OLLAMA_BASE_URL: ollamaURL,
        OLLAMA_MODEL: "llama3.1:8b",
        OLLAMA_EMBED_MODEL: "nomic-embed-text:latest",
        // Short, so the stalled-model test sees the timeout in seconds (the peer's slowest gap is 0.2 s).
        OLLAMA_TIMEOUT_SECONDS: "3",
        // One writer runs a dozen rewrites in the rewrite spec within a minute; the limit itself is unit-tested.
        REWRITE_RATE_LIMIT_PER_MINUTE: "100",
      },
    },
  ],
});
