# syntax=docker/dockerfile:1
# The api image: built in one stage, run from a small one as a non-root user. Every replica of the cluster
# profile runs this image; configure it with the environment variables of the README (docs/cluster.md).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Node 24, the line CI tests besides 20. No compiler: better-sqlite3 13 ships prebuilt N-API binaries. Its Node 20
# twin, the optional dependency `better-sqlite3-node20` (decision 0006), is never loaded here: npm fetches a prebuilt
# binary for it or, without network, fails to build it and leaves it out; it is deleted below either way.
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
# Production dependencies only, without better-sqlite3's SQLite sources (10 MB): it loads its prebuilt binary.
RUN npm run build && npm prune --omit=dev \
  && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src node_modules/better-sqlite3-node20

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000 TIMELINE_DATA_DIR=/data
WORKDIR /app
# The code stays root's, read-only to the service; only its data directory is writable.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Readiness (the event store answers, the projections have caught up with the log): what `depends_on` waits for.
# A replica catching up on a long log is not ready until it has (about a minute per million events on SQLite):
# the long start period keeps that from counting as unhealthy, and a check that passes ends it at once. An
# orchestrator that restarts unhealthy containers should probe liveness, GET /health, instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10m --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The service handles SIGTERM itself (requests finish, then the store is closed); run it with an init
# (`docker run --init`, compose `init: true`) so that it is not PID 1.
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
