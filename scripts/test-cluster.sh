#!/usr/bin/env bash
# `npm run test:cluster`: the replica checks against the real thing. Brings up the compose `cluster` profile (a
# 3-node KurrentDB cluster, two api replicas, nginx) in a project of its own, runs test/cluster-real/ through
# nginx and each replica, stops the leader on the way, and tears it all down, volumes included. Needs Docker with
# the compose plugin, and `npm install` done. Not part of `npm test`.
#   KEEP_CLUSTER=1 npm run test:cluster     leave the cluster running afterwards (then: docker compose -p
#                                           timeline-cluster-test --profile cluster down -v)
set -euo pipefail
cd "$(dirname "$0")/.."

docker compose version >/dev/null 2>&1 || {
  echo 'test:cluster needs Docker with the compose plugin (docker compose version)' >&2
  exit 2
}

project=${CLUSTER_COMPOSE_PROJECT:-timeline-cluster-test}
# Keys of this run only, the same for both replicas (compose passes TIMELINE_API_KEYS to each).
editor_key=$(node -p "require('node:crypto').randomBytes(24).toString('hex')")
auditor_key=$(node -p "require('node:crypto').randomBytes(24).toString('hex')")
export TIMELINE_API_KEYS="editor:${editor_key},auditor:${auditor_key}"

compose() { docker compose -p "$project" --profile cluster "$@"; }

finish() {
  status=$?
  mkdir -p artifacts
  compose logs --no-color --timestamps >artifacts/cluster-logs.txt 2>&1 || true
  if [ "${KEEP_CLUSTER:-}" = 1 ]; then
    echo "The cluster is still up (project $project): http://127.0.0.1:8080" >&2
  else
    compose down -v --remove-orphans >/dev/null 2>&1 || true
  fi
  [ "$status" -eq 0 ] || echo "test:cluster failed; the containers' logs are in artifacts/cluster-logs.txt" >&2
  exit "$status"
}
trap finish EXIT

echo "== building and starting the cluster profile (project $project)" >&2
# `lb` and what it depends on: the three nodes, the signing key, both replicas; not the single-node services.
compose up --detach --build --wait --wait-timeout 300 lb

echo '== the replica checks, through nginx and each replica' >&2
CLUSTER_URL=http://127.0.0.1:8080 \
  CLUSTER_REPLICA_URLS=http://127.0.0.1:3101,http://127.0.0.1:3102 \
  CLUSTER_EDITOR_KEY="$editor_key" \
  CLUSTER_AUDITOR_KEY="$auditor_key" \
  CLUSTER_COMPOSE_PROJECT="$project" \
  node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --runInBand --testMatch '**/test/cluster-real/**/*.real-spec.ts'
