/**
 * Dependency rules of the modular monolith (docs/architecture.md §1), checked by
 * test/contract/dependency-rules.spec.ts (`npx depcruise src libs --config .dependency-cruiser.js`).
 *
 * - A context (`src/modules/<ctx>/`) uses another context only through its public surface,
 *   `src/modules/<other>/index.ts`. A `*.schema.ts` may also import another context's `*.schema.ts`,
 *   to declare a foreign key. Type-only imports count: they couple the code just the same.
 * - `libs/` is shared infrastructure and never imports the application (`src/`). Two exceptions:
 *   the test harness boots and seeds the app, so `libs/testing/` may import `src/app.factory.ts`,
 *   `src/app.module.ts` and the seeds (`src/db/seeds/`) — nothing else from `src/` (never a context);
 *   and `libs/shared/types.ts` derives every entity type from `src/db/schema.ts` (types only).
 *
 * Tests (`*.spec.ts`, `*.db-spec.ts`, `*.e2e-spec.ts`) are exempt from the context rules: they may
 * set up fixtures through another context's tables. Paths are relative to the working directory;
 * `$1` in `to` is the context captured by `from`.
 */
const TESTS = '\\.(spec|db-spec|e2e-spec)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'context-internals',
      severity: 'error',
      comment: "Use another context through its index.ts (module, events, facade), never its internals.",
      from: { path: '^src/modules/([^/]+)/', pathNot: ['\\.schema\\.ts$', TESTS] },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'schema-imports-schema-only',
      severity: 'error',
      comment: "A schema file may import another context's *.schema.ts (foreign key) or its index.ts, nothing else.",
      from: { path: '^src/modules/([^/]+)/.*\\.schema\\.ts$', pathNot: TESTS },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$', '\\.schema\\.ts$'] },
    },
    {
      name: 'libs-import-no-src',
      severity: 'error',
      comment: 'libs/ is shared infrastructure and never depends on the application in src/.',
      from: { path: '^libs/', pathNot: ['^libs/testing/', '^libs/shared/types\\.ts$'] },
      to: { path: '^src/' },
    },
    {
      name: 'test-harness-boots-app-only',
      severity: 'error',
      comment: 'The test harness may import src/app.factory.ts, src/app.module.ts and src/db/seeds/ to boot and seed the app, nothing else from src/.',
      from: { path: '^libs/testing/' },
      to: { path: '^src/', pathNot: ['^src/app\\.(factory|module)\\.ts$', '^src/db/seeds/'] },
    },
    {
      name: 'shared-types-from-schema-only',
      severity: 'error',
      comment: 'libs/shared/types.ts reads the entity types from src/db/schema.ts (the schema entry point) and nothing else in src/.',
      from: { path: '^libs/shared/types\\.ts$' },
      to: { path: '^src/', pathNot: '^src/db/schema\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
