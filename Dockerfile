# syntax=docker/dockerfile:1
# Penprint image: deps → build → run (Next's standalone output). Build with `docker build -t penprint .`
# No secret is baked in: every secret comes from the environment at run time (see .env.example).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: the full dependency tree, needed to build --------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

# --- build: next build (no migrations, no database, no network) ---------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# .next/cache only speeds up rebuilds; public/ may be absent in a clone (git keeps no empty folders).
RUN npm run build && rm -rf .next/cache && mkdir -p public

# --- run ------------------------------------------------------------------------------------------
# Next's standalone output (server code plus the node_modules it traced, db/migrations included via
# outputFileTracingIncludes) and Penprint's own server entry, bundled by scripts/build-server.mjs
# into .next/penprint-server.mjs: the same server `npm start` runs (request ids, JSON logs, metrics
# by route pattern, audit rows, migrations at start, PGlite closed on SIGTERM).
FROM ${NODE_IMAGE} AS run
WORKDIR /app
# HOSTNAME is set explicitly because Docker puts the container id there, and Penprint binds to it.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    PENPRINT_DATA_DIR=/data
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/.next/penprint-server.mjs ./.next/penprint-server.mjs
COPY --from=build /app/public ./public
# The code stays root-owned; the app user writes only to the data folder and Next's runtime cache.
RUN mkdir -p /data /app/.next/cache && chown node:node /data /app/.next/cache
USER node
# Embedded mode (no DATABASE_URL): PGlite and the generated auth secret live here.
VOLUME ["/data"]
EXPOSE 3000
# /health answers 200 when ok or degraded (an optional service is down), 503 when the database is down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The server applies pending migrations (db/migrations) at start; /ready answers 503 until they ran.
# `node .next/penprint-server.mjs --migrate` applies them and exits.
# Node is PID 1 and handles SIGTERM itself: in-flight requests finish, then the database is closed.
CMD ["node", ".next/penprint-server.mjs"]
