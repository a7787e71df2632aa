# syntax=docker/dockerfile:1
# The api image: built in one stage, run from a small one as a non-root user. Every replica of the cluster
# profile runs this image; configure it with the environment variables of the README (docs/cluster.md).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No compiler: better-sqlite3 13 ships prebuilt N-API binaries for Node 22 and later. Its Node 20 twin, the optional
# dependency `better-sqlite3-node20` (decision 0006), is built from source, so it fails here and npm leaves it out.
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
# Production dependencies only, without better-sqlite3's SQLite sources (10 MB): it loads its prebuilt binary.
RUN npm run build && npm prune --omit=dev \
  && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src node_modules/better-sqlite3-node20

FROM node:22-bookworm-slim
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
# Readiness (the event store answers, the projections follow the log): what a balancer and `depends_on` wait
# for. An orchestrator that restarts unhealthy containers should probe liveness, GET /health, instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The service handles SIGTERM itself (requests finish, then the store is closed); run it with an init
# (`docker run --init`, compose `init: true`) so that it is not PID 1.
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
