import { Controller, Get, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { createApiClient, unwrap } from '@libs/api-client';
import { BASELINE_GRANTS, STANDARD_ROLE_KEYS, standardRoleGrants } from '../../src/modules/auth';
import { ContractApp, startContractApp } from './support/contract-app';
import { ApiOperation as Operation, listOperations, loadCommittedDocument, OpenApiDocument } from './support/document';
import { send } from './support/http';
import { formatRow, matrixMismatches, Principal, runMatrixRow } from './support/matrix';
import { loadPermissionTable, TableRow } from './support/permission-table';
import { Session } from './support/session';

/**
 * Authorization matrix: every operation of the committed document × anonymous and one user per
 * seeded role, each created through the admin API and signed in. The expected outcome comes from
 * the reviewed permission table (docs/api-permissions.md: operation → permission, not the route's
 * own decorator) and the permission catalogue (`standardRoleGrants` + `BASELINE_GRANTS`, the
 * grants the seed gives each role); see support/matrix.ts. A route guarded by another permission
 * than the table names fails, and so does a route the table does not list yet (review it, then
 * `UPDATE_DOCS=1 npx jest permission-table`).
 */
const document = loadCommittedDocument();
const operations = listOperations(document);
const table = loadPermissionTable();
const PASSWORD = 'Matrix-Role-Password-1!';

// ------------------------------------------------------------------------------------------
// Routes the app does not ship, to show the matrix catches a missing permission decorator.

@ApiTags('matrix-probes')
@Controller('matrix-probes')
class MatrixProbeController {
  @Get('guarded')
  @RequirePermission('auth.roles:update')
  @ApiOperation({ operationId: 'probeGuarded', summary: 'Declares and enforces its permission' })
  @ApiOkResponse({ description: 'OK' })
  probeGuarded(): { ok: true } {
    return { ok: true };
  }

  /** `@RequirePermission` removed from the code, while clients were promised the permission. */
  @Get('decorator-removed')
  @ApiBearerAuth('bearer')
  @ApiExtension('x-permission', 'auth.roles:update')
  @ApiOperation({ operationId: 'probeDecoratorRemoved', summary: 'Documents a permission the code does not declare' })
  @ApiOkResponse({ description: 'OK' })
  probeDecoratorRemoved(): { ok: true } {
    return { ok: true };
  }

  /** Guarded by `auth.roles:read`, while the reviewed table (below) says `auth.roles:update`. */
  @Get('wrong-permission')
  @RequirePermission('auth.roles:read')
  @ApiOperation({ operationId: 'probeWrongPermission', summary: 'Guarded by another permission than the reviewed table names' })
  @ApiOkResponse({ description: 'OK' })
  probeWrongPermission(): { ok: true } {
    return { ok: true };
  }

  /** Declares and enforces a permission, but nobody reviewed it: it is not in the table. */
  @Get('unreviewed')
  @RequirePermission('auth.roles:read')
  @ApiOperation({ operationId: 'probeUnreviewed', summary: 'Missing from the reviewed table' })
  @ApiOkResponse({ description: 'OK' })
  probeUnreviewed(): { ok: true } {
    return { ok: true };
  }

  /** Neither `@Public()` nor `@RequirePermission`. */
  @Get('undeclared')
  @ApiOperation({ operationId: 'probeUndeclared', summary: 'Declares no access at all' })
  @ApiOkResponse({ description: 'OK' })
  probeUndeclared(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [MatrixProbeController] })
class MatrixProbeModule {}

// ------------------------------------------------------------------------------------------

describe('authorization matrix', () => {
  let app: ContractApp;
  const principals: Principal[] = [];
  const rows: string[] = [];

  beforeAll(async () => {
    app = await startContractApp(document, [MatrixProbeModule]);
    const admin = app.admin;
    if (!admin) throw new Error('the document has no sign-in operation (login): the matrix needs the auth context');
    const api = createApiClient({ baseUrl: app.server.baseUrl, token: () => admin.token });
    const roles = await unwrap(api.GET('/api/v1/roles', { params: { query: { limit: 200 } } }));

    principals.push({ name: 'anonymous', headers: () => ({}) });
    for (const key of STANDARD_ROLE_KEYS) {
      const role = roles.items.find((r) => r.key === key);
      if (!role) throw new Error(`seeded role ${key} is missing from GET /api/v1/roles`);
      const email = `matrix.${key.replace(/_/g, '-')}@renewa.test`;
      const user = await unwrap(api.POST('/api/v1/users', { body: { email, name: `Matrix ${key}`, password: PASSWORD } }));
      await unwrap(api.PUT('/api/v1/users/{id}/roles', { params: { path: { id: user.id } }, body: { roleIds: [role.id] } }));
      const session = await new Session(app.server.baseUrl, { email, password: PASSWORD }).login();
      principals.push({
        name: key,
        grants: { ...standardRoleGrants(key), ...BASELINE_GRANTS },
        headers: () => session.headers(),
        renew: async () => void (await session.relogin()),
      });
    }
  }, 60_000);

  afterAll(async () => {
    if (rows.length) process.stderr.write(`authorization matrix (status per principal):\n  ${rows.join('\n  ')}\n`);
    await app?.close();
  });

  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(principals.map((p) => p.name)).toEqual(['anonymous', ...STANDARD_ROLE_KEYS]);
  });

  it.each(operations.map((op) => [`${op.id} (${op.method} ${op.path})`, op] as const))('%s', async (_name, op: Operation) => {
    const row = await runMatrixRow(app.server.baseUrl, op, principals, table);
    rows.push(`${op.id.padEnd(24)} ${(row.permission ?? '—').padEnd(30)} ${formatRow(row.cells)}`);
    const problems = matrixMismatches(row);
    if (problems.length) throw new Error(`The API disagrees with the reviewed permission table and the roles' grants:\n  ${problems.join('\n  ')}`);
  });

  describe('catches a missing or wrong permission decorator (test-only routes)', () => {
    let live: OpenApiDocument;
    // What a reviewer approved for the probes; probeUnreviewed is deliberately missing.
    const probeTable = new Map<string, TableRow>([
      ...table,
      ...[
        ['probeGuarded', 'guarded', 'auth.roles:update'],
        ['probeDecoratorRemoved', 'decorator-removed', 'auth.roles:update'],
        ['probeWrongPermission', 'wrong-permission', 'auth.roles:update'],
        ['probeUndeclared', 'undeclared', 'auth.roles:update'],
      ].map(([operationId, path, permission]): [string, TableRow] => [operationId, { operationId, route: `GET /api/v1/matrix-probes/${path}`, permission }]),
    ]);
    const row = async (id: string) => {
      const op = listOperations(live).find((o) => o.id === id);
      if (!op) throw new Error(`${id} is not in the served document`);
      return matrixMismatches(await runMatrixRow(app.server.baseUrl, op, principals, probeTable));
    };

    beforeAll(async () => {
      live = (await send(app.server.baseUrl, { method: 'GET', url: '/docs/openapi.json', headers: {} })).json as OpenApiDocument;
    });

    it('passes a route that declares and enforces its permission', async () => {
      expect(await row('probeGuarded')).toEqual([]);
    });

    it('flags a route whose @RequirePermission was removed but whose permission is still documented', async () => {
      const problems = await row('probeDecoratorRemoved');
      // The guard closes an undeclared route to everyone: the roles holding the permission are refused.
      expect(problems).toEqual(
        expect.arrayContaining([expect.stringMatching(/^probeDecoratorRemoved .* as admin: expected allowed \(needs auth\.roles:update\), got 403 AUTH_ROUTE_NOT_DECLARED/)]),
      );
    });

    it('flags a route that declares neither @Public() nor a permission', async () => {
      const problems = await row('probeUndeclared');
      expect(problems[0]).toMatch(/probeUndeclared .* declares neither @Public\(\) nor a permission/);
    });

    it('flags a route guarded by another permission than the reviewed table names', async () => {
      const problems = await row('probeWrongPermission');
      expect(problems[0]).toMatch(/^probeWrongPermission .* is guarded by auth\.roles:read, but the reviewed permission table says auth\.roles:update/);
      // The roles holding auth.roles:read but not :update get through where the table says they must not.
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^probeWrongPermission .* as read_only: expected forbidden \(needs auth\.roles:update\), got 200 → allowed/)]));
    });

    it('flags a route the reviewed table does not list, telling how to review and regenerate it', async () => {
      const problems = await row('probeUnreviewed');
      expect(problems).toEqual([expect.stringMatching(/^probeUnreviewed \(GET \/api\/v1\/matrix-probes\/unreviewed\) is not in the reviewed permission table docs\/api-permissions\.md: .*UPDATE_DOCS=1 npx jest permission-table/)]);
    });
  });
});
