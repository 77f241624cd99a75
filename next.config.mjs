import { withSentryConfig } from "@sentry/nextjs/config";

process.env.NEXT_TELEMETRY_DISABLED = "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The image ships the standalone output plus the bundled server entry (scripts/build-server.mjs).
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native, WASM or process-global packages must be loaded from node_modules, not bundled:
  // PGlite fails its first query when bundled; pino, prom-client and the drivers keep one copy per process.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "prom-client", "postgres", "ioredis", "@node-rs/argon2"],
  // The embedded database lives in PENPRINT_DATA_DIR (./data by default): never trace it into the build.
  outputFileTracingExcludes: { "*": ["./data/**/*", "./test-results/**/*", "./training-data/**/*"] },
  outputFileTracingIncludes: { "*": ["./db/migrations/**/*"] },
  typescript: { tsconfigPath: "./tsconfig.json" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

// Sentry's build plugin: silent, no telemetry, no source-map upload (nothing leaves the server).
export default withSentryConfig(nextConfig, {
  silent: true,
  telemetry: false,
  sourcemaps: { disable: true },
  autoInstrumentServerFunctions: false,
  autoInstrumentMiddleware: false,
});
