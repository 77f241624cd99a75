// `npm test`: every test, provisioning what the tests need.
//   1. vitest (unit + integration; integration also on TEST_DATABASE_URL / TEST_REDIS_URL when set)
//   2. a Chromium for Playwright (Debian's, installed with apt when running as root)
//   3. a production build (`next build`, skipped when the existing one is newer than every source)
//   4. Playwright against that build, served by `node scripts/start.mjs` on a free port with a fresh
//      embedded database (playwright.config.ts)
//   5. the log scan: no password, token or writing the suite used appears in the captured logs
// Fails fast; the last line is always `N passed, N failed` (tests counted from the JSON reports;
// a step that fails without a failing test, such as the build, counts as one failure).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { changedSinceBuild } from "./build-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const resultsDir = path.join(root, "test-results");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0 };
const timings = [];

function header(title) {
  console.log(`\n${"=".repeat(78)}\n== ${title}\n${"=".repeat(78)}`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

function finish(code, failedStep) {
  if (timings.length > 0) {
    header("Summary");
    for (const { step, ms, outcome } of timings) console.log(`  ${outcome.padEnd(7)} ${step.padEnd(34)} ${seconds(ms)}`);
  }
  if (failedStep) console.log(`\nnpm test stopped at: ${failedStep}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

/** Runs a command with inherited output; resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: process.env, ...options });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on("error", (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

/** Runs one step, timing it; a failing step ends the run (fail fast). */
async function step(title, action) {
  header(title);
  const started = Date.now();
  let ok = false;
  try {
    ok = await action();
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
  }
  timings.push({ step: title, ms: Date.now() - started, outcome: ok ? "ok" : "FAILED" });
  if (!ok) finish(1, title);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Adds a step's test counts; a failing step with no failing test still counts once. */
function count(passed, failed, exitCode) {
  totals.passed += passed;
  totals.failed += failed > 0 ? failed : exitCode === 0 ? 0 : 1;
  return exitCode === 0;
}

// ---------------------------------------------------------------------------------------------

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

await step("1/5 Unit and integration tests (vitest)", async () => {
  const report = path.join(resultsDir, "vitest-results.json");
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson(report);
  if (!json) console.error(`vitest wrote no JSON report at ${report}`);
  return count(json?.numPassedTests ?? 0, json?.numFailedTests ?? 0, json ? code : 1);
});

await step("2/5 Chromium for Playwright", async () => {
  const debian = "/usr/bin/chromium";
  if (existsSync(debian)) {
    console.log(`using ${debian}`);
    process.env.PLAYWRIGHT_CHROMIUM_PATH = debian;
    return true;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (isRoot && hasApt) {
    console.log("Chromium is missing: installing Debian's package (apt-get install chromium)…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const updated = await run("apt-get", ["update", "-q"], { env });
    const installed = updated === 0 ? await run("apt-get", ["install", "-y", "-q", "chromium"], { env }) : 1;
    if (installed === 0 && existsSync(debian)) {
      process.env.PLAYWRIGHT_CHROMIUM_PATH = debian;
      return true;
    }
    console.error("apt-get could not install chromium.");
    return false;
  }
  // Not root: Playwright's own Chromium, downloading it when it is not there yet.
  const { chromium } = await import("playwright-core");
  if (existsSync(chromium.executablePath())) {
    console.log(`using Playwright's Chromium at ${chromium.executablePath()}`);
    return true;
  }
  console.log("No Chromium found: trying Playwright's own download (npx playwright install chromium)…");
  if ((await run(bin("playwright"), ["install", "chromium"])) === 0) return true;
  console.error(
    [
      "No Chromium for the browser tests. Either:",
      "  - as root: apt-get update && apt-get install -y chromium   (Debian/Ubuntu), or",
      "  - npx playwright install --with-deps chromium   (needs access to Playwright's download server), or",
      "  - set PLAYWRIGHT_CHROMIUM_PATH to a Chromium/Chrome binary.",
    ].join("\n"),
  );
  return false;
});

await step("3/5 Production build (npm run build)", async () => {
  // Same rule as scripts/start.mjs (scripts/build-state.mjs): rebuild when a source is newer than the build.
  const builtAt = existsSync(path.join(root, ".next", "BUILD_ID")) ? 1 : 0;
  const changed = changedSinceBuild(root);
  if (builtAt > 0 && changed.length === 0 && process.env.PENPRINT_FORCE_BUILD !== "1") {
    console.log("The production build is newer than every source: reusing it.");
    return true;
  }
  console.log(builtAt === 0 ? "No production build yet: building." : `Changed since the last build: ${changed.join(", ")}. Building.`);
  // `npm run build`: next build, then the server entry bundle (scripts/build-server.mjs).
  return (await run("npm", ["run", "--silent", "build"])) === 0;
});

await step("4/5 Browser tests (Playwright, production build)", async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "penprint-e2e-"));
  process.env.PENPRINT_E2E_DATA_DIR = dataDir;
  const report = path.join(resultsDir, "playwright-results.json");
  try {
    const code = await run(bin("playwright"), ["test"]);
    const json = readJson(report);
    if (!json) console.error(`Playwright wrote no JSON report at ${report}`);
    const stats = json?.stats ?? {};
    const ok = count((stats.expected ?? 0) + (stats.flaky ?? 0), (stats.unexpected ?? 0), json ? code : 1);
    if (!ok) {
      const log = path.join(resultsDir, "server.log");
      if (existsSync(log)) {
        const lines = readFileSync(log, "utf8").trimEnd().split("\n");
        console.log(`\nLast lines of ${path.relative(root, log)}:\n${lines.slice(-40).join("\n")}`);
      }
    }
    return ok;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

await step("5/5 Log scan (no secrets in captured logs)", async () => {
  const tap = path.join(resultsDir, "log-scan.tap");
  const code = await run(process.execPath, [
    "--test",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tap}`,
    "tests/e2e/log-scan/log-scan.check.mjs",
  ]);
  const text = existsSync(tap) ? readFileSync(tap, "utf8") : "";
  const number = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
  return count(number("pass"), number("fail"), text ? code : 1);
});

finish(0);
