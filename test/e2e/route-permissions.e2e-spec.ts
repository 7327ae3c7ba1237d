import { Controller, Get, Module, Post } from '@nestjs/common';
import { findUndeclaredRoutes, listRouteAccess, RequirePermission, RouteAccess } from '@libs/auth';
import { currentContext } from '@libs/context';
import { Public } from '@libs/http';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { PERMISSIONS } from '../../src/permissions.catalogue';
import { ADMIN_EMAIL, ADMIN_PASSWORD, httpClient, seedReferenceData } from './support/auth';

/**
 * Every route of the application is either `@Public()` or declares the permission it needs with
 * `@RequirePermission()`. This file fails, naming the route, when one declares neither.
 */
describe('route permissions', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
  });

  afterAll(() => db?.drop());

  describe('the application', () => {
    let server: TestApp;
    let routes: RouteAccess[];

    beforeAll(async () => {
      server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
      routes = listRouteAccess(server.app);
    });

    afterAll(() => server?.close());

    it('finds the routes (sanity check of the enumeration)', () => {
      expect(routes.map((r) => r.route)).toEqual(
        expect.arrayContaining(['GET /health/live', 'POST /auth/login', 'GET /auth/me', 'GET /users/:id', 'PUT /users/:id/roles', 'DELETE /roles/:id']),
      );
    });

    it('declares @Public() or @RequirePermission on every route', () => {
      expect(findUndeclaredRoutes(routes)).toEqual([]);
    });

    it('requires only permissions of the catalogue', () => {
      const unknown = routes.filter((r) => r.permission !== undefined && !PERMISSIONS.has(r.permission)).map((r) => `${r.route}: ${r.permission}`);
      expect(unknown).toEqual([]);
    });

    it('keeps sign-in, refresh, logout and health public, and nothing of the admin API', () => {
      const publicRoutes = routes.filter((r) => r.isPublic).map((r) => r.route);
      expect(publicRoutes).toEqual(expect.arrayContaining(['POST /auth/login', 'POST /auth/refresh', 'POST /auth/logout', 'GET /health/live', 'GET /health/ready']));
      expect(publicRoutes.filter((route) => /\/(users|roles|departments|permissions)\b/.test(route))).toEqual([]);
    });
  });

  describe('catches a route without a declaration', () => {
    @Controller('undeclared-test')
    class UndeclaredController {
      @Get()
      forgotten(): { ok: true } {
        return { ok: true };
      }

      @Post('declared')
      @RequirePermission('auth.users:read')
      declared(): { ok: true } {
        return { ok: true };
      }
    }

    @Public()
    @Controller('public-test')
    class PublicController {
      @Get()
      open(): { ok: true } {
        return { ok: true };
      }

      @Get('both')
      @RequirePermission('auth.users:read')
      confused(): { ok: true } {
        return { ok: true };
      }
    }

    @Controller('context-test')
    class ContextController {
      @Get()
      @RequirePermission('auth.profile:read')
      context() {
        return currentContext();
      }
    }

    @Module({ controllers: [UndeclaredController, PublicController, ContextController] })
    class UndeclaredTestModule {}

    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, imports: [UndeclaredTestModule] });
    });

    afterAll(() => server?.close());

    it('lists the undecorated route (and one declaring both), but not the declared ones', () => {
      expect(findUndeclaredRoutes(listRouteAccess(server.app))).toEqual([
        'GET /public-test/both (PublicController.confused): both @Public() and @RequirePermission',
        'GET /undeclared-test (UndeclaredController.forgotten): neither @Public() nor @RequirePermission',
      ]);
    });

    it('the guard keeps such a route closed at run time, even for an administrator (403, not 500)', async () => {
      const api = httpClient(server.baseUrl);
      const { accessToken } = await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const closed = await api.get('/undeclared-test', accessToken);
      expect([closed.status, closed.body.code]).toEqual([403, 'AUTH_ROUTE_NOT_DECLARED']);
      expect((await api.get('/undeclared-test')).status).toBe(401);
      expect((await api.post('/undeclared-test/declared', {}, accessToken)).status).toBe(201);
      expect((await api.get('/public-test')).status).toBe(200);
    });

    it('the guard puts actor, department, locale and grants into the request context', async () => {
      const api = httpClient(server.baseUrl);
      const { accessToken } = await api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const { body } = await api.get('/context-test', accessToken, { 'x-request-id': 'ctx-auth-1', 'x-forwarded-for': '203.0.113.77' });
      expect(body).toMatchObject({
        requestId: 'ctx-auth-1',
        actorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        actorDepartmentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        locale: 'de',
        clientIp: '203.0.113.77',
        grants: expect.objectContaining({ 'auth.users:read': 'all', 'auth.profile:read': 'own' }),
      });
    });
  });
});
