import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { Writable } from 'node:stream';
import { createLogger, Public } from '@libs/http';
import { createTestDatabase, freePort, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';

// A route the app does not ship: exercises the validation pipe and the 500 path over real HTTP.
class AddressDto {
  @IsString()
  street: string;

  @Matches(/^\d{5}$/, { message: 'zip must be five digits' })
  zip: string;
}

class ItemDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  quantity: number;
}

class EchoDto {
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ItemDto)
  items: ItemDto[];
}

@Public()
@Controller('platform-test')
class PlatformTestController {
  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('connection to 10.1.2.3 failed: password authentication failed');
  }
}

@Module({ controllers: [PlatformTestController] })
class PlatformTestModule {}

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BODY_LIMIT = 2048;

describe('platform over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(JSON.parse(chunk.toString()));
        callback();
      },
    });
    server = await startTestApp({
      databaseUrl: db.bouncerUrl ?? db.appUrl,
      configOverrides: { http: { bodyLimitBytes: BODY_LIMIT } },
      imports: [PlatformTestModule],
      logger: createLogger({ level: 'debug', destination }),
    });
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const url = (path: string) => `${server.baseUrl}${path}`;
  const postJson = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, any>> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    const problem = (await response.json()) as Record<string, any>;
    expect(problem).toMatchObject({ status, code, type: `https://renewa.dev/problems/${code.toLowerCase().replace(/_/g, '-')}` });
    expect(typeof problem.title).toBe('string');
    expect(typeof problem.detail).toBe('string');
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
    return problem;
  }

  describe('errors are problem+json', () => {
    it('unknown routes under and outside the API prefix → 404', async () => {
      for (const path of ['/api/v1/does-not-exist', '/nope']) {
        const problem = await expectProblem(await fetch(url(`${path}?q=1`)), 404, 'HTTP_ROUTE_NOT_FOUND');
        expect(problem.instance).toBe(path);
      }
    });

    it('health routes are not served under the API prefix', async () => {
      await expectProblem(await fetch(url('/api/v1/health/live')), 404, 'HTTP_ROUTE_NOT_FOUND');
    });

    it('malformed JSON → 400', async () => {
      const problem = await expectProblem(await postJson('/api/v1/platform-test/echo', '{"address": '), 400, 'HTTP_MALFORMED_JSON');
      expect(problem.instance).toBe('/api/v1/platform-test/echo');
    });

    it('an empty JSON body → 400', async () => {
      await expectProblem(await postJson('/api/v1/platform-test/echo', ''), 400, 'HTTP_EMPTY_JSON_BODY');
    });

    it('a body over BODY_LIMIT_BYTES → 413', async () => {
      const body = JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT) });
      await expectProblem(await postJson('/api/v1/platform-test/echo', body), 413, 'HTTP_PAYLOAD_TOO_LARGE');
    });

    it('an unsupported content type → 415', async () => {
      const response = await fetch(url('/api/v1/platform-test/echo'), {
        method: 'POST',
        headers: { 'content-type': 'application/xml' },
        body: '<order/>',
      });
      await expectProblem(response, 415, 'HTTP_UNSUPPORTED_MEDIA_TYPE');
    });

    it('validation failures → 400 with nested field paths', async () => {
      const body = JSON.stringify({
        address: { street: 'Hauptstr. 1', zip: 'abc' },
        items: [{ name: 'Wärmepumpe', quantity: 1 }, { name: 42, quantity: 0 }],
        isAdmin: true,
      });
      const problem = await expectProblem(await postJson('/api/v1/platform-test/echo', body), 400, 'VALIDATION_FAILED');
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          { path: 'address.zip', message: 'zip must be five digits' },
          { path: 'items[1].name', message: 'name must be a string' },
          { path: 'items[1].quantity', message: 'quantity must not be less than 1' },
          { path: 'isAdmin', message: 'property isAdmin should not exist' },
        ]),
      );
      expect(problem.errors).toHaveLength(4);
    });

    it('an unexpected error → 500 without internals, logged with its stack and request id', async () => {
      const response = await fetch(url('/api/v1/platform-test/boom'), { headers: { 'x-request-id': 'boom-1' } });
      const problem = await expectProblem(response, 500, 'INTERNAL_ERROR');
      const text = JSON.stringify(problem);
      expect(text).not.toContain('10.1.2.3');
      expect(text).not.toContain('password');
      expect(text).not.toMatch(/\bat .*\.ts/);

      const logged = logLines.find((line) => line.requestId === 'boom-1' && line.level === 'error');
      expect(logged).toMatchObject({ err: { message: expect.stringContaining('10.1.2.3'), stack: expect.stringContaining('boom') } });
    });
  });

  it('passes a valid body through the validation pipe', async () => {
    const body = { address: { street: 'Hauptstr. 1', zip: '10115' }, items: [{ name: 'Wärmepumpe', quantity: 2 }] };
    const response = await postJson('/api/v1/platform-test/echo', JSON.stringify(body));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual(body);
  });

  describe('X-Request-Id', () => {
    it('echoes an acceptable id, on success and on errors', async () => {
      const ok = await fetch(url('/health/live'), { headers: { 'x-request-id': 'client.trace:42' } });
      expect(ok.headers.get('x-request-id')).toBe('client.trace:42');
      const notFound = await fetch(url('/nope'), { headers: { 'x-request-id': 'client.trace:43' } });
      expect(notFound.headers.get('x-request-id')).toBe('client.trace:43');
      expect(await notFound.json()).toMatchObject({ requestId: 'client.trace:43' });
    });

    it('generates a UUID when the header is missing or unacceptable', async () => {
      const missing = await fetch(url('/health/live'));
      expect(missing.headers.get('x-request-id')).toMatch(UUID);
      const tooLong = await postJson('/api/v1/platform-test/echo', '{', { 'x-request-id': 'x'.repeat(129) });
      expect(tooLong.headers.get('x-request-id')).toMatch(UUID);
      expect(await tooLong.json()).toMatchObject({ requestId: tooLong.headers.get('x-request-id') });
    });

    it('is on every request log line', async () => {
      await fetch(url('/health/live'), { headers: { 'x-request-id': 'log-check-1' } });
      const lines = logLines.filter((line) => line.requestId === 'log-check-1');
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    });
  });

  describe('health', () => {
    it('GET /health/live → 200', async () => {
      const response = await fetch(url('/health/live'));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('GET /health/ready → 200 when the database answers', async () => {
      const response = await fetch(url('/health/ready'));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'up' } });
    });
  });

  describe('OpenAPI', () => {
    it('serves Swagger UI at /docs', async () => {
      const response = await fetch(url('/docs'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('swagger-ui');
    });

    it('serves the document at /docs/openapi.json with the health operations', async () => {
      const response = await fetch(url('/docs/openapi.json'));
      expect(response.status).toBe(200);
      const document = (await response.json()) as Record<string, any>;
      expect(document.info).toMatchObject({ title: 'Renewa API', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(document.paths['/health/live'].get).toMatchObject({ operationId: 'getLiveness', tags: ['health'] });
      expect(document.paths['/health/ready'].get).toMatchObject({ operationId: 'getReadiness', tags: ['health'] });
      expect(document.paths['/health/ready'].get.responses['503'].content).toHaveProperty('application/problem+json');
      expect(document.paths['/api/v1/platform-test/echo']).toBeDefined();
    });
  });
});

describe('readiness without a database', () => {
  let server: TestApp;

  beforeAll(async () => {
    // Nothing listens there: the ping fails at once, without waiting for the timeout.
    server = await startTestApp({ databaseUrl: `postgres://app-user@127.0.0.1:${await freePort()}/none` });
  });

  afterAll(() => server?.close());

  it('GET /health/ready → 503 problem+json', async () => {
    const response = await fetch(`${server.baseUrl}/health/ready`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(await response.json()).toMatchObject({ status: 503, code: 'HEALTH_DATABASE_UNAVAILABLE', instance: '/health/ready' });
  });

  it('GET /health/live still → 200', async () => {
    expect((await fetch(`${server.baseUrl}/health/live`)).status).toBe(200);
  });
});
