import { createApiClient } from '@libs/api-client';
import { BASELINE_GRANTS, standardRoleGrants } from '../../src/modules/auth';
import { createStaff } from '../e2e/support/crm-api';
import { prepareFuzzing } from './support/anchors';
import { ContractApp, startContractApp } from './support/contract-app';
import { ApiOperation, listOperations, loadCommittedDocument } from './support/document';
import { formatStatuses, fuzzAndCheck, FuzzReport, fuzzSettings, NoSuccessAllowList, sortForFuzzing } from './support/fuzz';
import { createFuzzContext, FuzzContext } from './support/fuzz-context';
import { EXAMPLE_BODIES, fuzzFixtures } from './support/fuzz-fixtures';
import { ResponseValidator } from './support/response-validator';
import { Session } from './support/session';

/**
 * Contract fuzzing as a non-admin user: the same examples and generated requests as
 * fuzz.e2e-spec.ts, sent by a `sales` user of the sales department (created through the admin
 * API), who seeds the records it may create itself. The contract holds for them too: no 5xx,
 * errors documented problem+json (403s are expected), 2xx bodies match their schema — and every
 * operation the role's grants allow answers 2xx at least once (allow-list below).
 */
const ROLE = 'sales';
const DEPARTMENT = 'sales';
// Half the generated requests of the administrator's run: broken input is that run's job (the
// same validation answers both); here the point is what the role's grants and scopes do.
const { seed: SEED, runs: ALL_RUNS } = fuzzSettings();
const RUNS = Math.ceil(ALL_RUNS / 2);

const document = loadCommittedDocument();
const operations = sortForFuzzing(listOperations(document));
const grants: Readonly<Record<string, string>> = { ...standardRoleGrants(ROLE), ...BASELINE_GRANTS };
const allowed = (op: ApiOperation) => op.isPublic || (op.permission !== undefined && grants[op.permission] !== undefined);

/**
 * Operations the role may call that cannot answer it 2xx in this setup, each with the reason.
 * Empty: the role's own seeded records serve every operation it may call.
 */
const ROLE_NO_SUCCESS: NoSuccessAllowList = {
  eraseContactDocuments: 'a GDPR erasure needs documents.documents:delete with scope all; sales holds it with scope own',
};

describe(`contract fuzzing as ${ROLE}`, () => {
  let app: ContractApp;
  let ctx: FuzzContext;
  const reports: FuzzReport[] = [];

  beforeAll(async () => {
    app = await startContractApp(document);
    const admin = app.admin;
    if (!admin) throw new Error('the document has no sign-in operation (login): fuzzing as a role needs the auth context');
    const email = `fuzz.${ROLE}@renewa.test`;
    const user = await createStaff(createApiClient({ baseUrl: app.server.baseUrl, token: () => admin.token }), { email, department: DEPARTMENT, roles: [ROLE] });
    const session = await new Session(app.server.baseUrl, { email, password: user.password }).login();
    ctx = createFuzzContext({ baseUrl: app.server.baseUrl, document, operations, validator: new ResponseValidator(document), session, exampleBodies: EXAMPLE_BODIES });
    ctx.ids.protect(session.userId);
    await prepareFuzzing(ctx, fuzzFixtures(app.db.adminUrl));
  }, 60_000);

  afterAll(async () => {
    if (reports.length) process.stderr.write(`fuzz as ${ROLE} (seed ${SEED}, ${RUNS} runs per operation) — status codes per operation:\n  ${formatStatuses(reports)}\n`);
    await app?.close();
  }, 60_000);

  it('has operations the role may and may not call', () => {
    expect(operations.filter(allowed).length).toBeGreaterThan(0);
    expect(operations.filter((op) => !allowed(op)).length).toBeGreaterThan(0);
    expect(Object.keys(ROLE_NO_SUCCESS).filter((id) => !operations.some((op) => op.id === id && allowed(op)))).toEqual([]);
  });

  describe.each(operations.map((op) => [`${op.id} (${op.method} ${op.path})`, op] as const))('%s', (_name, op) => {
    const expectSuccess = allowed(op);
    it(`keeps the contract for its example and ${RUNS} generated requests${expectSuccess ? ', and answers 2xx at least once' : ''}`, async () => {
      const { report, problems } = await fuzzAndCheck(ctx, op, { seed: SEED, runs: RUNS, allowList: ROLE_NO_SUCCESS, expectSuccess });
      reports.push(report);
      if (problems.length) throw new Error(problems.join('\n\n'));
    }, 120_000);
  });
});
