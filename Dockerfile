# syntax=docker/dockerfile:1
# Penprint image: deps → build → prod-deps → run. Build with `docker build -t penprint .`
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

# --- prod-deps: runtime dependencies only (tsx included: it runs the server entry) ---------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# --- run ------------------------------------------------------------------------------------------
# Why not Next's standalone output: the image must run the same server as `npm start`,
# lib/server/main.ts (request ids, JSON logs, metrics by route pattern, audit rows, migrations at
# start, PGlite closed on SIGTERM). That entry uses Next's programmatic API (`next({ customServer })`,
# which loads next.config.mjs and therefore @sentry/nextjs), imports db/, inngest/ and lib/ outside
# the Next bundle, and runs through tsx; standalone's traced node_modules hold none of that reliably.
# So the run stage is a pruned install (`npm ci --omit=dev`) plus the build (.next without its cache)
# and the source folders the entry imports at run time (lib, db with its migrations, inngest).
FROM ${NODE_IMAGE} AS run
WORKDIR /app
# HOSTNAME is set explicitly because Docker puts the container id there, and Penprint binds to it.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    PENPRINT_DATA_DIR=/data
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/tsconfig.json /app/next.config.mjs ./
COPY --from=build /app/.next ./.next
COPY --from=build /app/public ./public
COPY --from=build /app/lib ./lib
COPY --from=build /app/db ./db
COPY --from=build /app/inngest ./inngest
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
# Node is PID 1 and handles SIGTERM itself: in-flight requests finish, then the database is closed.
CMD ["node", "--import", "tsx", "lib/server/main.ts"]
