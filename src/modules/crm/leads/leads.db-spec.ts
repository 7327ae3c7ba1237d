import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { drainOutbox } from '@libs/testing/outbox';
import { CONSULTING, expectAppError, SALES, useCrmTestContext } from '../../../../test/support/crm-fixtures';
import type { CreateLeadDto, LeadResponseDto, ListLeadsQueryDto } from './lead.dto';
import { LeadsService } from './leads.service';

const lead = (overrides: Partial<CreateLeadDto> = {}): CreateLeadDto => ({ source: 'website_form', allowDuplicates: true, ...overrides }) as CreateLeadDto;
const query = (q: Partial<ListLeadsQueryDto> = {}): ListLeadsQueryDto => ({ limit: 50, deleted: 'exclude', ...q }) as ListLeadsQueryDto;

describe('leads (module, PostgreSQL)', () => {
  const ctx = useCrmTestContext();
  const leads = lazyProvider(ctx, LeadsService);
  let anna: ModuleTestUser, ben: ModuleTestUser, clara: ModuleTestUser;
  beforeAll(() => ({ anna, ben, clara } = ctx.users));

  const ids = (page: { items: LeadResponseDto[] }) => page.items.map((item) => item.id);

  describe('scopes are applied in the query', () => {
    let annaLead: string;
    let benLead: string;
    let claraLead: string;
    let assignedToAnna: string;

    beforeAll(async () => {
      annaLead = (await ctx.as(anna, 'department', () => leads.create(lead({ lastName: 'ScopeAnna' })))).id;
      benLead = (await ctx.as(ben, 'department', () => leads.create(lead({ lastName: 'ScopeBen' })))).id;
      claraLead = (await ctx.as(clara, 'department', () => leads.create(lead({ lastName: 'ScopeClara' })))).id;
      assignedToAnna = (await ctx.as(clara, 'department', () => leads.create(lead({ lastName: 'ScopeAssigned', assigneeId: anna.id })))).id;
      // Many out-of-scope rows between them: a post-filter would return short pages.
      await ctx.admin.query(
        `insert into leads (source, last_name, department_id, interests, search_text) select 'other', 'Noise', $1, '{}', 'scopenoise' from generate_series(1, 120)`,
        [CONSULTING],
      );
    });

    const visible = async (actor: typeof anna, scope: 'own' | 'department' | 'all') =>
      ids(await ctx.as(actor, scope, () => leads.list(query({ q: 'scope', limit: 200 }))));

    it('own: rows the actor created or is assigned to', async () => {
      expect((await visible(anna, 'own')).sort()).toEqual([annaLead, assignedToAnna].sort());
    });

    it("department: the department's rows plus the actor's own", async () => {
      expect((await visible(anna, 'department')).sort()).toEqual([annaLead, benLead, assignedToAnna].sort());
      expect(await visible(clara, 'department')).toEqual(expect.arrayContaining([claraLead, assignedToAnna]));
      expect(await visible(clara, 'department')).not.toContain(annaLead);
    });

    it('all: everything', async () => {
      expect(await visible(anna, 'all')).toEqual(expect.arrayContaining([annaLead, benLead, claraLead, assignedToAnna]));
    });

    it('pages are full although most rows are out of scope (the scope is in the WHERE, not a post-filter)', async () => {
      const page = await ctx.as(clara, 'department', () => leads.list(query({ limit: 50, q: 'scope' })));
      expect(page.items).toHaveLength(50);
      expect(page.nextCursor).not.toBeNull();
    });

    it('a lead outside the scope is not found, not forbidden (existence is not revealed)', async () => {
      await expectAppError(ctx.as(anna, 'department', () => leads.get(claraLead)), 404, 'CRM_LEAD_NOT_FOUND');
      await expectAppError(ctx.as(anna, 'department', () => leads.update(claraLead, 1, { message: 'x' })), 404, 'CRM_LEAD_NOT_FOUND');
    });

    it('a scoped user cannot put a lead into another department', async () => {
      await expectAppError(ctx.as(anna, 'department', () => leads.create(lead({ departmentId: CONSULTING }))), 403, 'OUT_OF_SCOPE');
    });

    it('without the permission at all: 403', async () => {
      await expectAppError(ctx.as(anna, {}, () => leads.list(query())), 403, 'AUTH_PERMISSION_DENIED');
    });
  });

  describe('keyset pagination', () => {
    it('walks 130 leads with identical created_at exactly once, in order, both directions', async () => {
      await ctx.admin.query(
        `insert into leads (source, last_name, department_id, interests, search_text, created_at, updated_at)
         select 'event', 'Tie', $1, '{}', 'tiebreak ' || g, '2026-01-01T00:00:00.123456Z', now() from generate_series(1, 130) g`,
        [SALES],
      );
      for (const sort of ['-createdAt', 'createdAt', 'updatedAt']) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await ctx.as(anna, 'all', () => leads.list(query({ q: 'tiebreak', limit: 50, sort, cursor })));
          seen.push(...ids(page));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toHaveLength(130);
        expect(new Set(seen).size).toBe(130);
        const all = await ctx.as(anna, 'all', () => leads.list(query({ q: 'tiebreak', limit: 200, sort })));
        expect(seen).toEqual(ids(all));
      }
    });

    it('keeps microsecond order across a page boundary', async () => {
      await ctx.admin.query(
        `insert into leads (source, last_name, department_id, interests, search_text, created_at)
         values ('event', 'Micro', $1, '{}', 'microsecond', '2026-02-01T00:00:00.000001Z'),
                ('event', 'Micro', $1, '{}', 'microsecond', '2026-02-01T00:00:00.000002Z'),
                ('event', 'Micro', $1, '{}', 'microsecond', '2026-02-01T00:00:00.000003Z')`,
        [SALES],
      );
      const first = await ctx.as(anna, 'all', () => leads.list(query({ q: 'microsecond', limit: 1, sort: 'createdAt' })));
      const second = await ctx.as(anna, 'all', () => leads.list(query({ q: 'microsecond', limit: 2, sort: 'createdAt', cursor: first.nextCursor! })));
      expect(second.items.map((i) => i.createdAt.toISOString())).toEqual(['2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
      expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
    });

    it('rejects a cursor made for another sort', async () => {
      const page = await ctx.as(anna, 'all', () => leads.list(query({ q: 'tiebreak', limit: 5, sort: 'createdAt' })));
      await expectAppError(ctx.as(anna, 'all', () => leads.list(query({ q: 'tiebreak', limit: 5, sort: 'updatedAt', cursor: page.nextCursor! }))), 400, 'PAGINATION_INVALID_CURSOR');
    });
  });

  describe('filters and search', () => {
    let heatPump: string;
    let lost: string;
    beforeAll(async () => {
      heatPump = (
        await ctx.as(anna, 'department', () =>
          leads.create(lead({ source: 'referral', firstName: 'Jürgen', lastName: 'Weißmüller', companyName: 'Solarfreunde eG', email: 'j.weiss@example.org', phone: '089 12345678', interests: ['heat_pump', 'windows'], assigneeId: ben.id })),
        )
      ).id;
      lost = (await ctx.as(anna, 'department', () => leads.create(lead({ source: 'campaign', lastName: 'Verloren', status: 'lost', lostReason: 'no_budget' })))).id;
    });

    const find = (q: Partial<ListLeadsQueryDto>) => ctx.as(anna, 'all', () => leads.list(query(q))).then(ids);

    it.each([
      ['a name, case-insensitively', { q: 'WEISSMÜLLER'.toLowerCase() }],
      ['part of a first name', { q: 'jürg' }],
      ['the company', { q: 'solarfreunde' }],
      ['the e-mail', { q: 'j.weiss@example' }],
      ['the phone in national notation', { q: '089 1234 5678' }],
      ['the phone in international notation', { q: '+49 89 12345678' }],
    ])('q finds %s', async (_what, q) => {
      expect(await find(q)).toEqual([heatPump]);
    });

    it('treats LIKE wildcards literally', async () => {
      expect(await find({ q: '%%%' })).toEqual([]);
    });

    it('filters by status, source, interest, assignee, department and created range', async () => {
      expect(await find({ status: ['lost'], q: 'verloren' })).toEqual([lost]);
      expect(await find({ source: ['referral', 'partner'], q: 'weiß' })).toEqual([heatPump]);
      expect(await find({ interest: 'windows' })).toEqual([heatPump]);
      expect(await find({ assigneeId: ben.id })).toEqual([heatPump]);
      expect(await find({ departmentId: CONSULTING, q: 'weiß' })).toEqual([]);
      expect(await find({ createdFrom: new Date(Date.now() + 60_000) })).toEqual([]);
      expect(await find({ createdTo: new Date('2026-01-01T00:00:00Z'), q: 'weiß' })).toEqual([]);
    });

    it('lists deleted leads only on request and only with the delete permission', async () => {
      const current = await ctx.as(anna, 'all', () => leads.get(lost));
      await ctx.as(anna, 'all', () => leads.remove(lost, current.version));
      expect(await find({ q: 'verloren' })).toEqual([]);
      expect(await find({ q: 'verloren', deleted: 'include' })).toEqual([lost]);
      expect(await find({ deleted: 'only' })).toEqual([lost]);
      await expectAppError(ctx.as(anna, { 'crm.leads:read': 'all' }, () => leads.list(query({ deleted: 'include' }))), 403, 'AUTH_PERMISSION_DENIED');
      await expectAppError(ctx.as(anna, { 'crm.leads:read': 'all' }, () => leads.get(lost)), 404, 'CRM_LEAD_NOT_FOUND');
    });
  });

  describe('versions, lifecycle and events', () => {
    it('a stale version never overwrites; concurrent updates of one version: exactly one wins', async () => {
      const created = await ctx.as(anna, 'department', () => leads.create(lead({ lastName: 'Version' })));
      const updated = await ctx.as(anna, 'department', () => leads.update(created.id, created.version, { message: 'first' }));
      expect(updated.version).toBe(created.version + 1);
      await expectAppError(ctx.as(anna, 'department', () => leads.update(created.id, created.version, { message: 'stale' })), 412, 'PRECONDITION_FAILED');

      const results = await Promise.allSettled(
        ['a', 'b', 'c', 'd'].map((m) => ctx.as(anna, 'department', () => leads.update(created.id, updated.version, { message: m }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected.map((r) => (r.reason as { code: string }).code)).toEqual(['PRECONDITION_FAILED', 'PRECONDITION_FAILED', 'PRECONDITION_FAILED']);
      const final = await ctx.as(anna, 'department', () => leads.get(created.id));
      expect(final.version).toBe(updated.version + 1);
      expect(['a', 'b', 'c', 'd']).toContain(final.message);
    });

    it('status moves follow the rules: 409 for an illegal one, lost needs a reason, converted only by converting', async () => {
      let current = await ctx.as(anna, 'department', () => leads.create(lead({ lastName: 'Pipeline' })));
      current = await ctx.as(anna, 'department', () => leads.update(current.id, current.version, { status: 'contacted' }));
      await expectAppError(ctx.as(anna, 'department', () => leads.update(current.id, current.version, { status: 'new' })), 409, 'CRM_LEAD_ILLEGAL_TRANSITION');
      await expectAppError(ctx.as(anna, 'department', () => leads.update(current.id, current.version, { status: 'lost' })), 422, 'CRM_LEAD_LOST_REASON_REQUIRED');
      current = await ctx.as(anna, 'department', () => leads.update(current.id, current.version, { status: 'qualified' }));
      await expectAppError(ctx.as(anna, 'department', () => leads.update(current.id, current.version, { status: 'converted' })), 409, 'CRM_LEAD_ILLEGAL_TRANSITION');
      current = await ctx.as(anna, 'department', () => leads.update(current.id, current.version, { status: 'lost', lostReason: 'chose_competitor' }));
      expect(current).toMatchObject({ status: 'lost', lostReason: 'chose_competitor' });
      current = await ctx.as(anna, 'department', () => leads.update(current.id, current.version, { status: 'new' }));
      expect(current).toMatchObject({ status: 'new', lostReason: null });
    });

    it('every change emits its event, and the audit log records it', async () => {
      const created = await ctx.as(anna, 'department', () => leads.create(lead({ lastName: 'Audited', email: 'audited@example.de' })));
      const updated = await ctx.as(anna, 'department', () => leads.update(created.id, created.version, { lastName: 'Audited-Renamed', status: 'contacted' }));
      await ctx.as(anna, 'department', () => leads.remove(created.id, updated.version));
      await ctx.as(anna, 'department', () => leads.restore(created.id, undefined));
      await drainOutbox(ctx.app);
      const { rows } = await ctx.admin.query(`select action, actor_id, changes from audit_logs where entity_type = 'lead' and entity_id = $1 order by seq`, [created.id]);
      expect(rows.map((r) => r.action)).toEqual(['crm.lead.created', 'crm.lead.updated', 'crm.lead.deleted', 'crm.lead.restored']);
      expect(rows.every((r) => r.actor_id === anna.id)).toBe(true);
      expect(rows[0].changes).toMatchObject({ email: { before: null, after: 'audited@example.de' }, lastName: { before: null, after: 'Audited' } });
      expect(rows[1].changes).toEqual({ lastName: { before: 'Audited', after: 'Audited-Renamed' }, status: { before: 'new', after: 'contacted' } });
      expect(rows[2].changes.deletedAt.before).toBeNull();
      expect(rows[3].changes.deletedAt.after).toBeNull();
    });

    it('a rejected change emits nothing', async () => {
      const created = await ctx.as(anna, 'department', () => leads.create(lead({ lastName: 'Quiet' })));
      await expectAppError(ctx.as(anna, 'department', () => leads.update(created.id, created.version, { status: 'converted' })), 409, 'CRM_LEAD_ILLEGAL_TRANSITION');
      const { rows } = await ctx.admin.query(`select type from domain_events where aggregate_id = $1`, [created.id]);
      expect(rows.map((r) => r.type)).toEqual(['crm.lead.created']);
    });
  });

  describe('duplicates', () => {
    it('answers 409 naming the candidates the creator may read (ids only) and counting the others, unless allowed', async () => {
      const first = await ctx.as(anna, 'department', () => leads.create(lead({ lastName: 'Dup', email: 'dup@example.de', phone: '040 1234567', allowDuplicates: false })));
      // Ben works in the same department: he may read Anna's lead, so it is named.
      const ben = ctx.users.ben;
      const inScope = await expectAppError(
        ctx.as(ben, 'department', () => leads.create(lead({ lastName: 'Dup1', email: 'DUP@example.de', allowDuplicates: false }))),
        409,
        'CRM_DUPLICATE_CANDIDATES',
      );
      expect(inScope.extensions).toEqual({ duplicates: [{ type: 'lead', id: first.id, matchedOn: ['email'] }], otherDuplicates: 0 });
      // Clara (energy consulting) may not read it: the 409 tells there is one, never which.
      const outOfScope = await expectAppError(
        ctx.as(clara, 'department', () => leads.create(lead({ lastName: 'Dup2', phone: '+49 40 1234567', allowDuplicates: false }))),
        409,
        'CRM_DUPLICATE_CANDIDATES',
      );
      expect(outOfScope.extensions).toEqual({ duplicates: [], otherDuplicates: 1 });
      expect(JSON.stringify(outOfScope)).not.toContain(first.id);
      const second = await ctx.as(clara, 'department', () => leads.create(lead({ lastName: 'Dup2', phone: '+49 40 1234567', allowDuplicates: true })));
      const { rows } = await ctx.admin.query(`select payload from domain_events where aggregate_id = $1`, [second.id]);
      expect(rows[0].payload).toMatchObject({ duplicatesAllowed: [], otherDuplicates: 1 });
      // With every read scope, the candidates are named.
      const all = await expectAppError(
        ctx.as(clara, 'all', () => leads.create(lead({ lastName: 'Dup3', phone: '040 1234567', allowDuplicates: false }))),
        409,
        'CRM_DUPLICATE_CANDIDATES',
      );
      expect((all.extensions?.duplicates as { id: string }[]).map((c) => c.id).sort()).toEqual([first.id, second.id].sort());
      expect(all.extensions?.otherDuplicates).toBe(0);
    });

    it('two simultaneous creates with the same e-mail cannot both miss each other', async () => {
      const results = await Promise.allSettled(
        [1, 2].map((n) => ctx.as(anna, 'department', () => leads.create(lead({ lastName: `Race${n}`, email: 'race@example.de', allowDuplicates: false })))),
      );
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    });
  });
});
