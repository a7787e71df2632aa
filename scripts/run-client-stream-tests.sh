#!/usr/bin/env bash
# Runs the official Node client's own stream tests (EventStore-Client-NodeJS v6.2.1, packages/test/src/streams)
# against this project's EventStoreDB protocol double, unchanged except for their server fixture: the tests' docker
# node (`createTestNode`, `enableVersionCheck`) is replaced by scripts/client-stream-tests/, which starts the double
# in-process. Not part of `npm test`: the figures and what is out of scope are in test/esdb-protocol-double/README.md.
#
#   bash scripts/run-client-stream-tests.sh /path/to/EventStore-Client-NodeJS [jest arguments...]
#
# The checkout must be the client repository at tag v6.2.1, outside this project (e.g. `git clone --branch v6.2.1
# https://github.com/EventStore/EventStore-Client-NodeJS /work/client-tests`). The script fetches nothing but npm
# packages: the tests' own runner (jest 27, ts-jest 27, TypeScript 4.9, as the client's package.json pins them),
# installed in a folder inside the checkout, never in this project. The client under test is this project's
# @eventstore/db-client 6.2.1 (the published build of that tag): the double must load the very generated
# protobuf modules the client uses. Needs `npm install` done here, and openssl (the tests connect with TLS).
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
checkout=$(cd "${1:?usage: run-client-stream-tests.sh CLIENT_CHECKOUT [jest arguments...]}" && pwd)
shift
tests="$checkout/packages/test"
[ -d "$tests/src/streams" ] || {
  echo "No packages/test/src/streams in $checkout: is it EventStore-Client-NodeJS at v6.2.1?" >&2
  exit 2
}
case "$checkout/" in "$project/"*)
  echo 'The client checkout must be outside this project' >&2
  exit 2
  ;;
esac

runner="$checkout/.protocol-double-runner"
mkdir -p "$runner/src/utils" "$runner/certs"
if [ ! -d "$runner/node_modules/ts-jest" ]; then
  (cd "$runner" && [ -f package.json ] || echo '{ "private": true }' >package.json)
  (cd "$runner" && npm install --no-audit --no-fund --no-save \
    jest@27.5.1 ts-jest@27.1.5 typescript@4.9.5 jest-environment-node@27.5.1 @types/node@20 >/dev/null)
fi

# The tests' certificates: a CA (node.certs.root), the node's certificate for localhost, two user certificates.
certs="$runner/certs"
if [ ! -f "$certs/node.crt" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj '/CN=Protocol double test CA' \
    -keyout "$certs/ca.key" -out "$certs/ca.crt" 2>/dev/null
  for name in node user-admin user-invalid; do
    subject="/CN=$name" && [ "$name" = node ] && subject=/CN=localhost
    openssl req -newkey rsa:2048 -nodes -subj "$subject" -keyout "$certs/$name.key" -out "$certs/$name.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$certs/$name.ext"
    openssl x509 -req -in "$certs/$name.csr" -CA "$certs/ca.crt" -CAkey "$certs/ca.key" -CAcreateserial -days 30 \
      -extfile "$certs/$name.ext" -out "$certs/$name.crt" 2>/dev/null
  done
fi

fixture="$project/scripts/client-stream-tests"
cp "$fixture/test-node.cjs" "$runner/src/utils/test-node.cjs"
cp "$fixture/test-utils.cjs" "$runner/src/utils/index.cjs"
# The path the tests' docblock names (`@jest-environment ./src/utils/enableVersionCheck.ts`, from the rootDir).
cp "$fixture/version-check-environment.cjs" "$runner/src/utils/enableVersionCheck.ts"

export CLIENT_TESTS_CERTS="$certs"
export CLIENT_TESTS_DB_CLIENT="$project/node_modules/@eventstore/db-client"
export CLIENT_TESTS_DOUBLE="$project/test/esdb-protocol-double/index.ts"
export CLIENT_TESTS_PROJECT="$project"
export CLIENT_TESTS_CHECKOUT="$tests"
export CLIENT_TESTS_RUNNER="$runner"
cd "$runner"
exec node node_modules/jest/bin/jest.js --config "$fixture/jest.config.cjs" --runInBand "$@"
