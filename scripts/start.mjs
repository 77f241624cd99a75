// `npm start`: builds when no (or an outdated) production build exists, then runs Penprint's server
// (lib/server/main.ts, bundled by scripts/build-server.mjs) in this process, so SIGTERM reaches it
// directly and PGlite is closed cleanly.
import { spawnSync } from "node:child_process";
import { builtAt, changedSinceBuild, newestSource } from "./build-state.mjs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const buildId = path.join(root, ".next", "BUILD_ID");
const serverEntry = path.join(root, ".next", "penprint-server.mjs");

function run(args) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// PENPRINT_SKIP_BUILD=1 (the test runner, which builds first) skips `next build`, not the server bundle.
if (process.env.PENPRINT_SKIP_BUILD !== "1" && changedSinceBuild(root).length > 0) {
  console.log(builtAt(buildId) ? "Sources changed since the last build: rebuilding…" : "No production build yet: building (about a minute)…");
  run([path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"]);
}
if (builtAt(serverEntry) < Math.max(newestSource(root), builtAt(buildId))) run([path.join(root, "scripts", "build-server.mjs")]);

process.env.NODE_ENV = "production";
await import(pathToFileURL(serverEntry).href);
