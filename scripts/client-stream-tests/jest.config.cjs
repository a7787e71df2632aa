// Jest 27 configuration for the official client's stream tests against the protocol double; the paths come from
// scripts/run-client-stream-tests.sh.
const env = (name) => process.env[name] ?? `(${name} unset: run scripts/run-client-stream-tests.sh)`;
const tests = env('CLIENT_TESTS_CHECKOUT');
const project = env('CLIENT_TESTS_PROJECT');

module.exports = {
  rootDir: env('CLIENT_TESTS_RUNNER'),
  roots: [`${tests}/src/streams`],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60_000,
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        isolatedModules: true,
        tsconfig: { target: 'es2022', module: 'commonjs', esModuleInterop: true, experimentalDecorators: true },
      },
    ],
  },
  globals: {
    'ts-jest': {
      isolatedModules: true,
      tsconfig: { target: 'es2022', module: 'commonjs', esModuleInterop: true, experimentalDecorators: true },
    },
  },
  moduleNameMapper: {
    '^@test-utils$': '<rootDir>/src/utils/index.cjs',
    '^@client-test-utils/(.*)$': `${tests}/src/utils/$1`,
    '^@protocol-double$': `${project}/test/esdb-protocol-double/index.ts`,
    '^@eventstore/db-client$': `${project}/node_modules/@eventstore/db-client`,
    '^@eventstore/db-client/(.*)$': `${project}/node_modules/@eventstore/db-client/$1`,
  },
};
