import { Controller, Get, HttpCode, Module, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, Public } from '@libs/http';
import { prepareFuzzing } from './support/anchors';
import { ContractApp, startContractApp } from './support/contract-app';
import { listOperations, loadCommittedDocument, OpenApiDocument } from './support/document';
import { formatReport, formatStatuses, fuzzAndCheck, fuzzOperation, FuzzReport, fuzzSettings, NoSuccessAllowList, sortForFuzzing, successGap } from './support/fuzz';
import { createFuzzContext, FuzzContext } from './support/fuzz-context';
import { EXAMPLE_BODIES, fuzzFixtures } from './support/fuzz-fixtures';
import { send } from './support/http';
import { ResponseValidator } from './support/response-validator';

/**
 * Contract fuzzing: every operation of the committed document (openapi/openapi.json, which
 * openapi-current.spec.ts keeps equal to the code) gets its documented example (support/anchors.ts:
 * real ids, seeded records, fixtures) and FUZZ_RUNS requests generated from its schemas with the
 * seed FUZZ_SEED — valid ones and ones with a broken body, query, path or If-Match — as the seeded
 * administrator. Each response must keep the contract (support/http.ts): no 5xx, errors are
 * documented problem+json, 2xx bodies match their schema; and every operation must answer 2xx at
 * least once, or its response schema was never checked (the allow-list below names the
 * exceptions). A failure prints the request (method, path, headers, body) and the response.
 * Reproduce with the same FUZZ_SEED. The examples alone give every operation its 2xx, whatever the
 * seed (FUZZ_RUNS=0 sends only them). fuzz-as-role.e2e-spec.ts does the same as a non-admin user.
 */
const { seed: SEED, runs: RUNS } = fuzzSettings();

const document = loadCommittedDocument();
const operations = sortForFuzzing(listOperations(document));

/**
 * Operations that cannot answer 2xx to the administrator in this setup, each with the reason.
 * Empty: every operation succeeds from its example and the seeded records. Before adding one, try
 * a fixture (support/fuzz-fixtures.ts); `successGap` fails an entry that does succeed.
 */
const ADMIN_NO_SUCCESS: NoSuccessAllowList = {};

// ------------------------------------------------------------------------------------------
// Routes the app does not ship, to show the checker catches what it should (see the last block).

class ProbeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

@ApiTags('contract-probes')
@Public()
@Controller('contract-probes')
class ContractProbeController {
  @Get(':id')
  @ApiOperation({ operationId: 'probeHealthy', summary: 'Keeps the contract' })
  @ApiOkResponse({ type: ProbeDto })
  @ApiProblemResponses(400)
  probeHealthy(@Param('id', ParseUUIDPipe) id: string): ProbeDto {
    return { id, name: 'fine' };
  }

  @Get(':id/crash')
  @ApiOperation({ operationId: 'probeCrash', summary: 'Throws a plain Error: 500' })
  @ApiOkResponse({ type: ProbeDto })
  probeCrash(@Param('id') _id: string): ProbeDto {
    throw new Error('column "nme" does not exist');
  }

  @Get()
  @ApiOperation({ operationId: 'probeWrongBody', summary: 'Answers a body that breaks its schema' })
  @ApiOkResponse({ type: ProbeDto })
  probeWrongBody(): unknown {
    return { id: 'not-a-uuid', name: 42 };
  }

  @Get(':id/missing')
  @ApiOperation({ operationId: 'probeNeverSucceeds', summary: 'Keeps the contract, but finds nothing: 404 for every id' })
  @ApiOkResponse({ type: ProbeDto })
  @ApiProblemResponses(400, 404)
  probeNeverSucceeds(@Param('id', ParseUUIDPipe) id: string): ProbeDto {
    throw new NotFoundException(`There is no probe ${id}.`);
  }

  @Post()
  @HttpCode(400)
  @ApiOperation({ operationId: 'probePlainError', summary: 'Answers a 400 that is not problem+json' })
  @ApiProblemResponses(400)
  probePlainError(@Res() reply: FastifyReply): void {
    void reply.code(400).header('content-type', 'application/json').send({ message: 'bad' });
  }
}

@Module({ controllers: [ContractProbeController] })
class ContractProbeModule {}

// ------------------------------------------------------------------------------------------

describe('contract fuzzing', () => {
  let app: ContractApp;
  let ctx: FuzzContext;
  const reports: FuzzReport[] = [];

  beforeAll(async () => {
    app = await startContractApp(document, [ContractProbeModule]);
    ctx = createFuzzContext({ baseUrl: app.server.baseUrl, document, operations, validator: new ResponseValidator(document), session: app.admin, exampleBodies: EXAMPLE_BODIES });
    ctx.ids.protect(app.admin?.userId);
    await prepareFuzzing(ctx, fuzzFixtures(app.db.adminUrl));
  }, 60_000);

  afterAll(async () => {
    if (reports.length) process.stderr.write(`fuzz (seed ${SEED}, ${RUNS} runs per operation) — status codes per operation:\n  ${formatStatuses(reports)}\n`);
    await app?.close();
  }, 60_000);

  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(operations.map((op) => op.id)).size).toBe(operations.length);
    expect(Object.keys(ADMIN_NO_SUCCESS).filter((id) => !operations.some((op) => op.id === id))).toEqual([]);
  });

  describe.each(operations.map((op) => [`${op.id} (${op.method} ${op.path})`, op] as const))('%s', (_name, op) => {
    // Generous: a request that hangs counts as a failure after RESPONSE_TIMEOUT_MS, and is shown.
    it(`keeps the contract for its example and ${RUNS} generated requests, and answers 2xx at least once`, async () => {
      const { report, problems } = await fuzzAndCheck(ctx, op, { seed: SEED, runs: RUNS, allowList: ADMIN_NO_SUCCESS, expectSuccess: true });
      reports.push(report);
      if (problems.length) throw new Error(problems.join('\n\n'));
    }, 120_000);
  });

  describe('catches a broken operation (test-only routes)', () => {
    let live: OpenApiDocument;
    let probeCtx: FuzzContext;
    const probe = async (id: string) => {
      const op = listOperations(live).find((o) => o.id === id);
      if (!op) throw new Error(`${id} is not in the served document`);
      return fuzzOperation(probeCtx, op, { seed: SEED, runs: 10 });
    };

    beforeAll(async () => {
      // The served document has the probes (the committed one does not); under SWC its DTO
      // schemas come only from the explicit @ApiProperty decorators, which the probes use.
      live = (await send(ctx.baseUrl, { method: 'GET', url: '/docs/openapi.json', headers: {} })).json as OpenApiDocument;
      probeCtx = createFuzzContext({ ...ctx, document: live, operations: listOperations(live), validator: new ResponseValidator(live) });
    });

    it('passes a route that keeps the contract', async () => {
      const report = await probe('probeHealthy');
      expect(report.failures).toEqual([]);
    });

    it('flags a 500 and prints the request that caused it', async () => {
      const report = await probe('probeCrash');
      expect(report.failures.length).toBeGreaterThan(0);
      const text = formatReport(report);
      expect(text).toContain('server error 500');
      expect(text).toMatch(/→ GET \/api\/v1\/contract-probes\/[^/\s]+\/crash/);
      expect(text).toContain('INTERNAL_ERROR');
    });

    it('flags a 2xx body that does not match the declared schema', async () => {
      const report = await probe('probeWrongBody');
      expect(formatReport(report)).toContain('response body: /id must match format "uuid"');
      expect(formatReport(report)).toContain('response body: /name must be string');
    });

    it('flags an error response that is not problem+json', async () => {
      const report = await probe('probePlainError');
      expect(formatReport(report)).toContain('error 400 is not application/problem+json');
    });

    it('flags an operation that never answers 2xx (its response schema would go unchecked), unless allow-listed', async () => {
      const report = await probe('probeNeverSucceeds');
      expect(report.failures).toEqual([]);
      expect(successGap(report, {})).toMatch(/^probeNeverSucceeds \(GET \/api\/v1\/contract-probes\/\{id\}\/missing\) never answered 2xx in \d+ requests/);
      expect(successGap(report, { probeNeverSucceeds: 'finds nothing by design' })).toBeUndefined();
    });

    it('flags an allow-listed operation that does answer 2xx', async () => {
      const report = await probe('probeHealthy');
      expect(successGap(report, {})).toBeUndefined();
      expect(successGap(report, { probeHealthy: 'thought to fail' })).toMatch(/answered 2xx, but the allow-list says it never can/);
    });
  });
});
