/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // `ts` before `js`, so that `../index` resolves to index.ts rather than the compiled shim.
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/test/setupEnv.ts'],
  setupFilesAfterEnv: [
    '<rootDir>/test/support/nockPerFile.ts',
    '<rootDir>/test/support/specConformance.ts',
  ],
  testTimeout: 30000,
};
