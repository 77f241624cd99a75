// Bundles Penprint's server entry (lib/server/main.ts) into .next/penprint-server.mjs after `next build`.
// The bundle runs from the repository (`npm start`) and from Next's standalone output (the image)
// alike: packages Next keeps external (and Next itself) stay imports, resolved from node_modules.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextConfigSource = readFileSync(path.join(root, "next.config.mjs"), "utf8");
// The same list as next.config.mjs's serverExternalPackages: one copy per process of each.
const serverExternal = JSON.parse(/serverExternalPackages:\s*(\[[^\]]*\])/.exec(nextConfigSource)?.[1] ?? "[]");

await build({
  entryPoints: [path.join(root, "lib/server/main.ts")],
  outfile: path.join(root, ".next/penprint-server.mjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  tsconfig: path.join(root, "tsconfig.json"),
  external: ["next", "next/*", "@next/env", "@sentry/nextjs", ...serverExternal],
  // Bundled CommonJS code calls require(); give the ES module one.
  banner: { js: "import { createRequire as __penprintCreateRequire } from 'node:module'; const require = __penprintCreateRequire(import.meta.url);" },
  legalComments: "none",
  logLevel: "warning",
});
console.log("Server entry bundled: .next/penprint-server.mjs");
