import { Controller, Get, Module } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { createApiClient, unwrap } from '@libs/api-client';
import { BASELINE_GRANTS, STANDARD_ROLE_KEYS, standardRoleGrants } from '../../src/modules/auth';
import { ContractApp, startContractApp } from './support/contract-app';
import { ApiOperation as Operation, listOperations, loadCommittedDocument, OpenApiDocument } from './support/document';
import { send } from './support/http';
import { formatRow, matrixMismatches, Principal, runMatrixRow } from './support/matrix';
import { Session } from './support/session';

/**
 * Authorization matrix: every operation of the committed document × anonymous and one user per
 * seeded role, each created through the admin API and signed in. The expected outcome comes from
 * the permission catalogue (`standardRoleGrants` + `BASELINE_GRANTS`, the grants the seed gives
 * each role) and the operation's `x-permission`; see support/matrix.ts. New routes are covered as
 * soon as `make openapi` puts them in the document.
 */
const document = loadCommittedDocument();
const operations = listOperations(document);
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
    const cells = await runMatrixRow(app.server.baseUrl, op, principals);
    rows.push(`${op.id.padEnd(24)} ${(op.permission ?? (op.isPublic ? 'public' : '—')).padEnd(30)} ${formatRow(cells)}`);
    const problems = matrixMismatches(op, cells);
    if (problems.length) throw new Error(`The API disagrees with the permission catalogue:\n  ${problems.join('\n  ')}`);
  });

  describe('catches a missing permission decorator (test-only routes)', () => {
    let live: OpenApiDocument;
    const row = async (id: string) => {
      const op = listOperations(live).find((o) => o.id === id);
      if (!op) throw new Error(`${id} is not in the served document`);
      return matrixMismatches(op, await runMatrixRow(app.server.baseUrl, op, principals));
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
  });
});
