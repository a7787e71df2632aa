// Jest runs in ESM mode: NestJS 12 ships ESM only (see ../shared/ENVIRONMENT.md).
import { availableParallelism } from 'node:os';

// libs/sqlite-driver turns on SQLite's URI file names as the driver loads, on the real process's environment; a test
// file's `process.env` is a copy that native code never reads, so the runner sets it here, for itself and the
// workers it starts.
process.env.SQLITE_USE_URI = '1';

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@timeline/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing',
    '^@timeline/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/esdb-real/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testTimeout: 20000,
  // Jest's ESM mode keeps every test file's module graph alive in the process that ran it (jestjs/jest#14605):
  // measured here, 30-40 MB of live heap per end-to-end file on Node 20 and 24 alike. Run in band (one worker on 2
  // cores) the heap reached gigabytes by the last files, where garbage collection made the EventStoreDB
  // conformance file 5-9 times slower than alone. A worker past this much heap after a file is replaced by a fresh
  // one (see docs/decisions/0016-test-workers-recycled.md); this also makes jest use a worker on 2 cores.
  workerIdleMemoryLimit: '512MB',
  // Jest's default (one worker less than the cores) leaves half of a 2-core machine idle: the main process only
  // collects results. Two workers there took the suite on Node 20 from 378 s to 235 s (decision 0016, amended).
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Longest first, from jest's cache or, in a fresh clone, from a recorded run (decision 0075).
  testSequencer: '<rootDir>/test/support/longest-first-sequencer.mjs',
  globalSetup: '<rootDir>/test/support/build-once.mjs',
  reporters: ['default', '<rootDir>/test/support/skipped-tests-reporter.mjs'],
};
