import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonDifferences } from './support/json-diff';
import { CLIENT_REDOCLY_CONFIG, CLIENT_TYPES, COMMITTED_DOCUMENT, DIST_CLI, OPENAPI_TS_CLI, requireBuild, ROOT, toolEnv } from './support/paths';

const REGENERATE = 'The committed API contract is stale: run `make openapi` and commit openapi/openapi.json and libs/api-client/schema.ts.';

/**
 * The committed document and client are what the code generates: the document from the `nest build`
 * output (where the Swagger CLI plugin ran; `npm test` builds in pretest), the client types from the
 * committed document, exactly as `make openapi` does.
 */
describe('the committed OpenAPI document and client are current', () => {
  beforeAll(requireBuild);

  it('openapi/openapi.json equals the document generated from dist/', () => {
    const generated = execFileSync(process.execPath, [DIST_CLI, 'openapi', '--out', '-'], { cwd: ROOT, env: toolEnv(), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    const committed = readFileSync(COMMITTED_DOCUMENT, 'utf8');
    if (generated !== committed) {
      const differences = jsonDifferences(JSON.parse(committed), JSON.parse(generated));
      throw new Error(`${REGENERATE}\nDifferences (committed vs code):\n  ${differences.join('\n  ') || '(formatting only)'}`);
    }
  });

  it('libs/api-client/schema.ts equals what openapi-typescript makes of the committed document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renewa-openapi-ts-'));
    try {
      const output = join(dir, 'schema.ts');
      // Exactly what `make openapi` runs, with the output redirected.
      execFileSync(process.execPath, [OPENAPI_TS_CLI, COMMITTED_DOCUMENT, '--output', output, '--redocly', CLIENT_REDOCLY_CONFIG], {
        cwd: ROOT,
        env: toolEnv(),
        stdio: 'pipe',
        timeout: 60_000,
      });
      if (readFileSync(CLIENT_TYPES, 'utf8') !== readFileSync(output, 'utf8')) {
        throw new Error(`${REGENERATE}\nlibs/api-client/schema.ts differs from what openapi-typescript generates from openapi/openapi.json.`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports where a stale document differs (how the failure reads)', () => {
    const committed = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    const changed = structuredClone(committed);
    changed.paths['/health/live'].get.operationId = 'renamedHandler';
    expect(jsonDifferences(committed, changed)).toEqual([
      '/paths/~1health~1live/get/operationId: committed "getLiveness", code "renamedHandler"',
    ]);
  });
});
