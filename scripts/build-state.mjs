// Is the production build current? Shared by `npm start` (scripts/start.mjs) and `npm test`
// (scripts/test.mjs): a build is stale when any file that goes into it is newer than .next/BUILD_ID.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_FOLDERS = ["app", "components", "lib", "db", "inngest", "public"];
const SOURCE_FILES = ["next.config.mjs", "package-lock.json", "tsconfig.json"];
// Root-level TypeScript that is test or tool configuration, not part of the app.
const NOT_APP = /(^|\.)(test|spec)\.tsx?$|\.d\.ts$|^(playwright|vitest|drizzle)\.config\.ts$/;

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Every source of the build, relative to the repository root (proxy.ts, instrumentation.ts … included). */
export function buildSources(root) {
  const rootTs = readdirSync(root).filter((name) => /\.tsx?$/.test(name) && !NOT_APP.test(name));
  return [...SOURCE_FOLDERS, ...SOURCE_FILES, ...rootTs];
}

export const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** The sources changed since the last `next build` (all of them when there is none). */
export function changedSinceBuild(root) {
  const built = builtAt(path.join(root, ".next", "BUILD_ID"));
  return buildSources(root).filter((source) => newestMtime(path.join(root, source)) > built);
}

export function newestSource(root) {
  return Math.max(...buildSources(root).map((source) => newestMtime(path.join(root, source))));
}
