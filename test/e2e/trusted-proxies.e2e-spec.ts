import { Controller, Get, Module, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Public } from '@libs/http';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { IP_THROTTLE } from '../../src/modules/auth/sessions/login-throttle.rules';

// A route the app does not ship: the address the app believes a request came from.
@Public()
@Controller('proxy-test')
class ProxyTestController {
  @Get('ip')
  ip(@Req() request: FastifyRequest): { ip: string } {
    return { ip: request.ip };
  }
}

@Module({ controllers: [ProxyTestController] })
class ProxyTestModule {}

/** Requests are injected with a chosen peer address: no traffic leaves the process. */
describe('X-Forwarded-For is believed only from TRUSTED_PROXIES', () => {
  let db: TestDatabase;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await db?.drop();
  });

  const start = async (trustedProxies?: string[]) => {
    const configOverrides = trustedProxies ? { http: { trustedProxies } } : {};
    const app = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, imports: [ProxyTestModule], configOverrides });
    apps.push(app);
    return app;
  };

  const seenIp = async (app: TestApp, peer: string, forwardedFor?: string) => {
    const response = await app.app.inject({
      method: 'GET',
      url: '/api/v1/proxy-test/ip',
      remoteAddress: peer,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { ip: string }).ip;
  };

  it('by default trusts loopback only: a private-network peer cannot choose its address', async () => {
    const app = await start();
    expect(await seenIp(app, '10.0.0.5', '203.0.113.9')).toBe('10.0.0.5');
    expect(await seenIp(app, '192.168.1.20', '203.0.113.9')).toBe('192.168.1.20');
    expect(await seenIp(app, 'fd00::5', '203.0.113.9')).toBe('fd00::5');
    expect(await seenIp(app, '198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
    // A reverse proxy on the same machine is believed.
    expect(await seenIp(app, '127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
  });

  it('believes a configured proxy, and takes the nearest address no trusted proxy added', async () => {
    const app = await start(['10.0.0.0/8']);
    expect(await seenIp(app, '10.0.0.5', '203.0.113.9')).toBe('203.0.113.9');
    // The client prepended a fake address; the proxy chain 10.0.0.7 → 10.0.0.5 vouches only for 198.51.100.1.
    expect(await seenIp(app, '10.0.0.5', '1.2.3.4, 198.51.100.1, 10.0.0.7')).toBe('198.51.100.1');
    // Not listed: neither another private range nor loopback.
    expect(await seenIp(app, '192.168.1.20', '203.0.113.9')).toBe('192.168.1.20');
    expect(await seenIp(app, '127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('TRUSTED_PROXIES=none believes nobody', async () => {
    const app = await start([]);
    expect(await seenIp(app, '127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('the per-ip login throttle cannot be dodged with a new spoofed X-Forwarded-For per guess', async () => {
    const app = await start();
    const login = (i: number) =>
      app.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.20.30.40',
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        payload: { email: `spray-${i}@renewa.de`, password: 'Winter2026!' },
      });
    for (let i = 0; i < IP_THROTTLE.maxFailures; i++) expect((await login(i)).statusCode).toBe(401);
    const blocked = await login(IP_THROTTLE.maxFailures);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'AUTH_TOO_MANY_ATTEMPTS' });
  });
});
