// See: https://kulshekhar.github.io/ts-jest/docs/guides/esm-support
/** @type {import('ts-jest').JestConfigWithTsJest} */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  clearMocks: true,
  // src imports use NodeNext-style './x.js'; map them back to the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/__tests__/**/*.test.ts'],
  testTimeout: 30000,
  // npm test runs with --coverage: the tests drive src/ in-process, and a
  // drop below 90 % of its lines fails the run. json-summary is what .ci/run
  // prints the figure from.
  collectCoverageFrom: ['src/**/*.ts'],
  coveragePathIgnorePatterns: ['/node_modules/', '/dist/'],
  coverageReporters: ['text-summary', 'json-summary'],
  coverageThreshold: { global: { lines: 90 } }
}
