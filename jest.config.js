const ESM_ONLY = 'pg-boss|serialize-error|rrule-temporal|temporal-spec|non-error';

/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // `ts` before `js`, so that `../index` resolves to index.ts rather than the compiled shim.
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  transform: {
    '^.+\\.tsx?$': 'ts-jest',
    // pg-boss and its dependencies ship only ES modules: compiled to CommonJS for Jest's sandbox.
    [`/node_modules/(${ESM_ONLY})/.+\\.js$`]: [
      'ts-jest',
      {
        tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true },
        isolatedModules: true,
      },
    ],
    // The relay's embedded store (PGlite) imports Node built-ins dynamically: see the transform.
    '/node_modules/@electric-sql/pglite/dist/.+\\.cjs$':
      '<rootDir>/test/relay/support/nodeImportTransform.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(@electric-sql/pglite|${ESM_ONLY})/)`],
  setupFiles: ['<rootDir>/test/setupEnv.ts'],
  setupFilesAfterEnv: [
    '<rootDir>/test/support/nockPerFile.ts',
    '<rootDir>/test/support/specConformance.ts',
  ],
  testTimeout: 30000,
  // `npm test` runs with --coverage: the app (both connections) and the relay, not the sandbox,
  // scripts or bench. The thresholds are where the suite stands, so coverage can only rise.
  collectCoverageFrom: [
    '{index,authentication,app}.ts',
    '{lib,triggers,creates,searches,relay}/**/*.ts',
  ],
  coverageReporters: ['text-summary'],
  coverageThreshold: { global: { lines: 86, branches: 71 } },
};
