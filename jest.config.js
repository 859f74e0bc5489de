const { swcOptions } = require('./scripts/swc-options');

/** Unit (*.unit.spec.ts), database-backed (*.int.spec.ts) and HTTP (test/*.e2e.spec.ts) tests.
 *  One PostgreSQL per run (globalSetup); each test file creates its own database. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test', '<rootDir>/deploy', '<rootDir>/bench'],
  testRegex: '\\.(unit|int|e2e)\\.spec\\.ts$',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions(), swcrc: false }],
    '^.+/node_modules/.+\\.m?js$': '<rootDir>/scripts/jest-esm-to-cjs.js',
  },
  // ES-module-only dependencies are rewritten to CommonJS (see scripts/jest-esm-to-cjs.js).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
