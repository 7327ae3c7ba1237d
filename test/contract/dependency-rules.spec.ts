import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEPCRUISE_CLI, ROOT, toolEnv } from './support/paths';

const CONFIG = join(ROOT, '.dependency-cruiser.js');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

/** dependency-cruiser (ESM-only, so as a child process) over `dirs` of `cwd`; exits non-zero on errors. */
function cruise(cwd: string, dirs: string[]): Violation[] {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [DEPCRUISE_CLI, ...dirs, '--config', CONFIG, '--output-type', 'json'], {
      cwd,
      env: toolEnv(),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
  } catch (error) {
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout.trim().startsWith('{')) throw error;
  }
  const result = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

const show = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('dependency rules (.dependency-cruiser.js)', () => {
  it('src/ and libs/ keep the module boundaries', () => {
    const violations = cruise(ROOT, ['src', 'libs']);
    if (violations.length) {
      throw new Error(`${violations.length} forbidden import(s); see .dependency-cruiser.js and docs/architecture.md §1:\n  ${violations.map(show).join('\n  ')}`);
    }
  });

  describe('on a fixture that breaks every rule', () => {
    let dir: string;
    const file = (path: string, content: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'renewa-depcruise-'));
      file('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', baseUrl: '.', paths: { '@libs/*': ['./libs/*'] } } }));
      // auth: a public surface and internals
      file('src/modules/auth/index.ts', "export { UsersService } from './users/users.service';\n");
      file('src/modules/auth/users/users.schema.ts', 'export const users = {};\n');
      file('src/modules/auth/users/users.repository.ts', "import { users } from './users.schema';\nexport const repo = users;\n");
      file('src/modules/auth/users/users.service.ts', "import { repo } from './users.repository';\nexport class UsersService { r = repo; }\n");
      // crm: allowed and forbidden imports of auth
      file(
        'src/modules/crm/leads/leads.service.ts',
        [
          "import { UsersService } from '../../auth';", // allowed: the public surface
          "import { repo } from '../../auth/users/users.repository';", // forbidden: internals
          "import type { users } from '../../auth/users/users.schema';", // forbidden: only schema files may
          'export const x = [UsersService, repo] as unknown as typeof users;',
          '',
        ].join('\n'),
      );
      file(
        'src/modules/crm/leads/leads.schema.ts',
        [
          "import { users } from '../../auth/users/users.schema';", // allowed: foreign key
          "import { UsersService } from '../../auth/users/users.service';", // forbidden for a schema too
          'export const leads = { users, UsersService };',
          '',
        ].join('\n'),
      );
      file('src/modules/crm/leads/leads.db-spec.ts', "import { repo } from '../../auth/users/users.repository';\nexport const r = repo;\n"); // tests are exempt
      file('src/app.factory.ts', "export const createApp = () => 'app';\n");
      file('src/app.module.ts', "export const AppModule = {};\n");
      // libs
      file('libs/http/index.ts', "import { leads } from '../../src/modules/crm/leads/leads.schema';\nexport const h = leads;\n"); // forbidden
      file('libs/db/index.ts', "import { createApp } from '../../src/app.factory';\nexport const d = createApp;\n"); // forbidden outside libs/testing
      file('libs/testing/app.ts', "import { createApp } from '../../src/app.factory';\nimport { AppModule } from '../../src/app.module';\nexport const t = [createApp, AppModule];\n"); // allowed
      file('libs/testing/users.ts', "import { UsersService } from '@libs/../src/modules/auth';\nexport const u = UsersService;\n"); // forbidden
      file('src/db/seeds/index.ts', "export const SEEDS = [];\n");
      file('src/db/schema.ts', "export * from '../modules/crm/leads/leads.schema';\n");
      file('libs/testing/seeds.ts', "import { SEEDS } from '../../src/db/seeds';\nexport const s = SEEDS;\n"); // allowed: seeding the test database
      file('libs/shared/types.ts', "import type * as schema from '../../src/db/schema';\nexport type S = typeof schema;\n"); // allowed: entity types
      file('libs/shared/other.ts', "import { leads } from '../../src/modules/crm/leads/leads.schema';\nexport const o = leads;\n"); // forbidden
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports exactly the forbidden imports', () => {
      const found = cruise(dir, ['src', 'libs']).map(show).sort();
      expect(found).toEqual(
        [
          'context-internals: src/modules/crm/leads/leads.service.ts → src/modules/auth/users/users.repository.ts',
          'context-internals: src/modules/crm/leads/leads.service.ts → src/modules/auth/users/users.schema.ts',
          'schema-imports-schema-only: src/modules/crm/leads/leads.schema.ts → src/modules/auth/users/users.service.ts',
          'libs-import-no-src: libs/http/index.ts → src/modules/crm/leads/leads.schema.ts',
          'libs-import-no-src: libs/db/index.ts → src/app.factory.ts',
          'test-harness-boots-app-only: libs/testing/users.ts → src/modules/auth/index.ts',
          'libs-import-no-src: libs/shared/other.ts → src/modules/crm/leads/leads.schema.ts',
        ].sort(),
      );
    });
  });
});
