import { Controller, Get, HttpCode, Module, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, Public } from '@libs/http';
import { ContractApp, startContractApp } from './support/contract-app';
import { listOperations, loadCommittedDocument, OpenApiDocument } from './support/document';
import { formatReport, fuzzOperation, FuzzContext, FuzzReport, IdPool, sortForFuzzing } from './support/fuzz';
import { send } from './support/http';
import { ResponseValidator } from './support/response-validator';

/**
 * Contract fuzzing: every operation of the committed document (openapi/openapi.json, which
 * openapi-current.spec.ts keeps equal to the code) gets FUZZ_RUNS requests generated from its
 * schemas with the seed FUZZ_SEED — valid ones and ones with a broken body, query, path or
 * If-Match — as the seeded administrator. Each response must keep the contract (support/http.ts):
 * no 5xx, errors are documented problem+json, 2xx bodies match their schema. A failure prints the
 * request (method, path, headers, body) and the response. Reproduce with the same FUZZ_SEED.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const document = loadCommittedDocument();
const operations = sortForFuzzing(listOperations(document));

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
    ctx = { baseUrl: app.server.baseUrl, document, operations, validator: new ResponseValidator(document), ids: new IdPool(), session: app.admin };
    ctx.ids.exclude(app.admin?.userId);
    // Ids that exist before anything is created: the seeded records the lists show.
    for (const op of operations.filter((o) => o.method === 'GET' && !o.parameters.some((p) => p.in === 'path'))) {
      const response = await send(ctx.baseUrl, { method: 'GET', url: op.path, headers: op.isPublic ? {} : (app.admin?.headers() ?? {}) });
      if (response.status === 200) ctx.ids.harvest(op, response.json);
    }
  }, 60_000);

  afterAll(async () => {
    const statuses = reports.map((r) => `${r.operation.id} (${r.elapsedMs} ms): ${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')}`);
    if (reports.length) process.stderr.write(`fuzz (seed ${SEED}, ${RUNS} runs per operation) — status codes per operation:\n  ${statuses.join('\n  ')}\n`);
    await app?.close();
  }, 60_000);

  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(operations.map((op) => op.id)).size).toBe(operations.length);
  });

  describe.each(operations.map((op) => [`${op.id} (${op.method} ${op.path})`, op] as const))('%s', (_name, op) => {
    // Generous: a request that hangs counts as a failure after RESPONSE_TIMEOUT_MS, and is shown.
    it(`keeps the contract for ${RUNS} generated requests`, async () => {
      const report = await fuzzOperation(ctx, op, { seed: SEED, runs: RUNS });
      reports.push(report);
      if (report.failures.length) throw new Error(`${formatReport(report)}\n\nReproduce: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx jest test/contract/fuzz`);
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
      probeCtx = { ...ctx, document: live, operations: listOperations(live), validator: new ResponseValidator(live), ids: new IdPool() };
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
  });
});
