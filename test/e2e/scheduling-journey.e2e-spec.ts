import { Pool } from 'pg';
import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { drainOutbox } from '@libs/testing/outbox';
import { ADMIN_EMAIL, ADMIN_PASSWORD, departmentId, seedReferenceData } from './support/auth';
import { clientFor, createStaff, signIn } from './support/crm-api';

// Monday 4 March 2030 (CET, UTC+1): 09:00 local = 08:00 UTC.
const MONDAY = '2030-03-04';
const at = (time: string) => `${MONDAY}T${time}:00.000Z`;

/**
 * Scheduling over HTTP (through PgBouncer when it runs) with the standard roles: working hours,
 * a booking raced by 20 parallel requests (exactly one wins, the database decides), scopes in the
 * 409, the working-hours override, free slots around a booking with its travel buffers, the ICS
 * file and private feed, the customer's link (pick an alternative, confirm, expiry), and a
 * completed on-site visit moving its project to `surveyed`.
 */
describe('Scheduling journey over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: ApiClient, backOffice: ApiClient, erik: ApiClient, frida: ApiClient;
  let erikId: string, fridaId: string, erikToken: string;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const bo = await createStaff(admin, { email: 'bea@renewa.test', department: 'sales', roles: ['back_office'] });
    const e = await createStaff(admin, { email: 'erik@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    const f = await createStaff(admin, { email: 'frida@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    erikId = e.id;
    fridaId = f.id;
    backOffice = await clientFor(server.baseUrl, 'bea@renewa.test', bo.password);
    ({ client: erik, token: erikToken } = await signIn(server.baseUrl, 'erik@renewa.test', e.password));
    frida = await clientFor(server.baseUrl, 'frida@renewa.test', f.password);
    pool = new Pool({ connectionString: db.adminUrl, max: 2 });
    for (const weekday of [1, 2, 3, 4, 5]) {
      await unwrap(erik.POST('/api/v1/working-hours', { body: { userId: erikId, weekday, startMinute: 480, endMinute: 1020, validFrom: '2026-01-01', federalState: 'BY' } }));
      await unwrap(frida.POST('/api/v1/working-hours', { body: { userId: fridaId, weekday, startMinute: 480, endMinute: 1020, validFrom: '2026-01-01', federalState: 'BY' } }));
    }
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  const booking = (over: Record<string, unknown> = {}) => ({
    kind: 'on_site_visit' as const,
    title: 'Vor-Ort-Termin Familie Schmidt',
    startsAt: at('08:00'),
    endsAt: at('09:30'),
    consultantIds: [erikId],
    location: { street: 'Lindenstraße 12', postalCode: '80331', city: 'München' },
    ...over,
  });

  let visitId: string;

  it('20 parallel bookings of the same slot: exactly one 201, the others 409 naming it', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => backOffice.POST('/api/v1/appointments', { body: booking() as never })));
    const statuses = responses.map((r) => r.response.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const winner = responses.find((r) => r.response.status === 201)!.data!;
    visitId = winner.id;
    expect(winner).toMatchObject({ status: 'tentative', bufferBeforeMinutes: 30, bufferAfterMinutes: 30, consultantIds: [erikId], ownerId: erikId, outsideWorkingHours: false });
    for (const r of responses.filter((x) => x.response.status === 409)) {
      expect(r.error).toMatchObject({ code: 'SCHEDULING_DOUBLE_BOOKING', conflictingAppointmentId: winner.id });
    }
    const { rows } = await pool.query(`select count(*)::int as n from appointment_participants where user_id = $1 and active`, [erikId]);
    expect(rows[0].n).toBe(1);
  });

  it('a travel buffer counts as booked; the 409 hides an appointment the caller may not read', async () => {
    // 10:00–11:00 UTC starts inside erik's 30-minute buffer after 09:30.
    const blocked = await frida.POST('/api/v1/appointments', { body: booking({ startsAt: at('09:45'), endsAt: at('10:45'), consultantIds: [fridaId, erikId], overrideWorkingHours: false }) as never });
    expect(blocked.response.status).toBe(409);
    expect(blocked.error).toMatchObject({ code: 'SCHEDULING_DOUBLE_BOOKING' });
    expect(blocked.error).not.toHaveProperty('conflictingAppointmentId');
  });

  it('outside working hours needs the override and its permission', async () => {
    const late = booking({ startsAt: at('18:00'), endsAt: at('19:00') });
    const refused = await erik.POST('/api/v1/appointments', { body: late as never });
    expect(refused.response.status).toBe(422);
    expect(refused.error).toMatchObject({ code: 'SCHEDULING_OUTSIDE_WORKING_HOURS' });
    const notAllowed = await erik.POST('/api/v1/appointments', { body: { ...late, overrideWorkingHours: true } as never });
    expect(notAllowed.response.status).toBe(403);
    const overridden = await unwrap(backOffice.POST('/api/v1/appointments', { body: { ...late, overrideWorkingHours: true } as never }));
    expect(overridden.outsideWorkingHours).toBe(true);
    await unwrap(backOffice.POST('/api/v1/appointments/{id}/status', { params: { path: { id: overridden.id } }, body: { status: 'cancelled', reason: 'Test' } }));
  });

  it('free slots respect the booking and its buffers, and the bounds are enforced', async () => {
    const slots = await unwrap(
      backOffice.GET('/api/v1/appointments/slots', { params: { query: { consultantIds: [erikId], from: MONDAY, to: MONDAY, duration: 90, kind: 'on_site_visit' } } }),
    );
    // Working 07:00–16:00 UTC; busy 07:30–10:00 with buffers; 90 min + 30 before + 30 after.
    expect(slots.items.map((s) => s.startsAt)).toContain(at('10:30'));
    expect(slots.items[0].startsAt).toBe(at('10:30'));
    expect(slots.items).toHaveLength(17);
    const near = await unwrap(
      backOffice.GET('/api/v1/appointments/slots', { params: { query: { consultantIds: [erikId], from: MONDAY, to: '2030-03-05', duration: 90, near: '80469' } } }),
    );
    expect(near.items[0]).toMatchObject({ distanceKm: 0 });
    expect(near.items.at(-1)!.distanceKm).toBeNull();
    const capped = await unwrap(
      backOffice.GET('/api/v1/appointments/slots', { params: { query: { consultantIds: [erikId], from: MONDAY, to: '2030-03-31', duration: 15, limit: 5 } } }),
    );
    expect(capped.items).toHaveLength(5);
    expect(capped.truncated).toBe(true);
    // 9/10 March 2030 are a weekend, 19 April 2030 is Good Friday (a public holiday in Bavaria).
    const weekend = await unwrap(backOffice.GET('/api/v1/appointments/slots', { params: { query: { consultantIds: [erikId], from: '2030-03-09', to: '2030-03-10', duration: 60 } } }));
    expect(weekend.items).toEqual([]);
    const goodFriday = await unwrap(backOffice.GET('/api/v1/appointments/slots', { params: { query: { consultantIds: [erikId], from: '2030-04-19', to: '2030-04-19', duration: 60 } } }));
    expect(goodFriday.items).toEqual([]);
    const tooLong = await backOffice.GET('/api/v1/appointments/slots', { params: { query: { from: '2030-03-01', to: '2030-04-15', duration: 90 } } });
    expect(tooLong.response.status).toBe(422);
    const oddDuration = await backOffice.GET('/api/v1/appointments/slots', { params: { query: { from: MONDAY, to: MONDAY, duration: 100 } } });
    expect(oddDuration.response.status).toBe(422);
    const hugeDuration = await backOffice.GET('/api/v1/appointments/slots', { params: { query: { from: MONDAY, to: MONDAY, duration: 100000 } } });
    expect(hugeDuration.response.status).toBe(400);
  });

  it('serves the appointment as ICS and a private feed', async () => {
    const ics = await fetch(`${server.baseUrl}/api/v1/appointments/${visitId}/ics`, { headers: { authorization: `Bearer ${erikToken}` } });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain(`UID:${visitId}@scheduling.renewa`);
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20300304T090000');
    expect(text).toContain('BEGIN:VTIMEZONE');
    // The feed holds the last 30 and the next 365 days: an appointment in ten days, not the one in 2030.
    const soon = new Date(Date.now() + 10 * 86_400_000);
    soon.setUTCHours(10, 0, 0, 0);
    const near = await unwrap(
      backOffice.POST('/api/v1/appointments', {
        body: booking({ kind: 'phone_call', location: null, startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 30 * 60_000).toISOString(), overrideWorkingHours: true }) as never,
      }),
    );
    const feed = await unwrap(erik.POST('/api/v1/calendar-feed', {}));
    const body = await (await fetch(`${server.baseUrl}${feed.path}`)).text();
    expect(body).toContain(`UID:${near.id}@scheduling.renewa`);
    expect(body).not.toContain(visitId);
    const replaced = await unwrap(erik.POST('/api/v1/calendar-feed', {}));
    expect((await fetch(`${server.baseUrl}${feed.path}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}${replaced.path}`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/api/v1/public/calendar-feeds/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('the customer picks an offered alternative and confirms through the link; expired links are gone', async () => {
    const link = await unwrap(
      backOffice.POST('/api/v1/appointments/{id}/customer-links', {
        params: { path: { id: visitId } },
        body: { expiresInHours: 48, alternatives: [{ startsAt: '2030-03-05T08:00:00.000Z', endsAt: '2030-03-05T09:30:00.000Z' }] },
      }),
    );
    const publicApi = (path: string, init?: RequestInit) => fetch(`${server.baseUrl}/api/v1/public/appointment-links/${link.token}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
    expect((await publicApi('')).status).toBe(200);
    const unnamed = await publicApi('/response', { method: 'POST', body: JSON.stringify({ action: 'pick_alternative' }) });
    expect(unnamed.status).toBe(422);
    const moved = await publicApi('/response', { method: 'POST', body: JSON.stringify({ action: 'pick_alternative', alternative: 0 }) });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ startsAt: '2030-03-05T08:00:00.000Z', status: 'tentative' });
    const confirmed = await publicApi('/response', { method: 'POST', body: JSON.stringify({ action: 'confirm' }) });
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed' });
    const after = await unwrap(erik.GET('/api/v1/appointments/{id}', { params: { path: { id: visitId } } }));
    expect(after).toMatchObject({ status: 'confirmed', startsAt: '2030-03-05T08:00:00.000Z', sequence: 2 });
    // The old time is free again.
    const { rows } = await pool.query(`select busy::text from appointment_participants where appointment_id = $1`, [visitId]);
    expect(rows[0].busy).toContain('2030-03-05 07:30:00+00');

    expect((await fetch(`${server.baseUrl}/api/v1/public/appointment-links/${'A'.repeat(43)}`)).status).toBe(404);

    // A second appointment the customer cancels: the link is used up, the ICS becomes METHOD:CANCEL.
    const other = await unwrap(backOffice.POST('/api/v1/appointments', { body: booking({ startsAt: '2030-03-07T08:00:00.000Z', endsAt: '2030-03-07T09:00:00.000Z' }) as never }));
    const cancelLink = await unwrap(backOffice.POST('/api/v1/appointments/{id}/customer-links', { params: { path: { id: other.id } }, body: { expiresInHours: 24 } }));
    const answer = (body: object) =>
      fetch(`${server.baseUrl}/api/v1/public/appointment-links/${cancelLink.token}/response`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(await (await answer({ action: 'cancel', reason: 'Wir sind verreist' })).json()).toMatchObject({ status: 'cancelled' });
    expect((await answer({ action: 'confirm' })).status).toBe(410);
    const cancelledIcs = await (await fetch(`${server.baseUrl}/api/v1/appointments/${other.id}/ics`, { headers: { authorization: `Bearer ${erikToken}` } })).text();
    expect(cancelledIcs).toContain('METHOD:CANCEL');
    expect(cancelledIcs).toContain('STATUS:CANCELLED');
    expect(cancelledIcs).toContain('SEQUENCE:1');
    await pool.query(`update appointment_customer_links set expires_at = now() - interval '1 minute' where appointment_id = $1`, [visitId]);
    const expired = await publicApi('');
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ code: 'SCHEDULING_LINK_EXPIRED' });
  });

  it('rate limits the public endpoints per client address (429), bad tokens included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) {
      const response = await fetch(`${server.baseUrl}/api/v1/public/appointment-links/${'B'.repeat(43)}`, { headers: { 'x-forwarded-for': '198.51.100.23' } });
      statuses.push(response.status);
      if (response.status === 429) break;
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(120);
    expect(statuses.slice(0, -1).every((s) => s === 404)).toBe(true);
  });

  it('a completed on-site visit moves its project to surveyed', async () => {
    const contact = await unwrap(admin.POST('/api/v1/contacts', { body: { firstName: 'Jana', lastName: 'Schmidt' } as never }));
    const project = await unwrap(
      admin.POST('/api/v1/projects', { body: { title: 'EFH Schmidt', contactId: contact.id, departmentId: departmentId('energy_consulting') } as never }),
    );
    const visit = await unwrap(
      backOffice.POST('/api/v1/appointments', { body: booking({ startsAt: '2030-03-06T08:00:00.000Z', endsAt: '2030-03-06T09:00:00.000Z', projectId: project.id }) as never }),
    );
    await unwrap(erik.POST('/api/v1/appointments/{id}/status', { params: { path: { id: visit.id } }, body: { status: 'confirmed' } }));
    await unwrap(erik.POST('/api/v1/appointments/{id}/status', { params: { path: { id: visit.id } }, body: { status: 'completed' } }));
    await drainOutbox(server.app);
    const after = await unwrap(admin.GET('/api/v1/projects/{id}', { params: { path: { id: project.id } } }));
    expect(after.status).toBe('surveyed');
    const list = await unwrap(erik.GET('/api/v1/appointments', { params: { query: { consultantId: erikId, from: '2030-03-01T00:00:00.000Z', to: '2030-03-08T00:00:00.000Z', status: ['completed'] } } }));
    expect(list.items.map((a) => a.id)).toEqual([visit.id]);
    // Frida (own scope) sees none of erik's appointments.
    expect((await unwrap(frida.GET('/api/v1/appointments', {}))).items).toEqual([]);
  });
});

