// Jest runs in ESM mode: NestJS 12 ships ESM only (see ../shared/ENVIRONMENT.md).
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
  globalSetup: '<rootDir>/test/support/build-once.mjs',
  reporters: ['default', '<rootDir>/test/support/skipped-tests-reporter.mjs'],
};
