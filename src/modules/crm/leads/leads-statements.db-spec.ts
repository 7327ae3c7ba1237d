import { eq } from 'drizzle-orm';
import type { DbTransactionHost } from '@libs/db';
import { StatementCache } from '@libs/db';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { CreateLeadDto } from './lead.dto';
import { LeadsRepository } from './leads.repository';
import { leads } from './leads.schema';
import { LeadsService } from './leads.service';
import { useCrmTestContext } from '../../../../test/support/crm-fixtures';

/**
 * The kit's reads rendered once per shape (StatementCache): one statement serves every actor of
 * the same shape with that actor's own values, inside a transaction as well as outside, and a
 * query still holding a literal value is never kept for the next caller.
 */
describe('leads: statements rendered once (module, PostgreSQL)', () => {
  const ctx = useCrmTestContext();
  const newLead = (user: { id: string; departmentId: string | null }, lastName: string) =>
    ctx.as(user, 'department', () => ctx.get(LeadsService).create({ source: 'phone', lastName, allowDuplicates: true } as CreateLeadDto));
  const cacheOf = (repository: LeadsRepository) => (repository as unknown as { statementCache: StatementCache }).statementCache;

  it("reads by id and lists with each actor's own scope values through one statement per shape", async () => {
    const { anna, clara } = ctx.users;
    const annas = await newLead(anna, 'Annas');
    const claras = await newLead(clara, 'Claras');
    const repository = ctx.get(LeadsRepository);
    const before = cacheOf(repository).size;

    const read = (user: typeof anna, id: string) => ctx.as(user, 'department', () => ctx.get(LeadsService).readable(id));
    expect((await read(anna, annas.id))?.lastName).toBe('Annas');
    expect(await read(anna, claras.id)).toBeUndefined();
    expect((await read(clara, claras.id))?.lastName).toBe('Claras');
    expect(await read(clara, annas.id)).toBeUndefined();
    expect(cacheOf(repository).size).toBe(before + 1);

    const list = (user: typeof anna) => ctx.as(user, 'department', () => ctx.get(LeadsService).list({ limit: 50, deleted: 'exclude' }));
    const annasPage = (await list(anna)).items.map((l) => l.lastName);
    const clarasPage = (await list(clara)).items.map((l) => l.lastName);
    expect(annasPage).toContain('Annas');
    expect(annasPage).not.toContain('Claras');
    expect(clarasPage).toContain('Claras');
    expect(clarasPage).not.toContain('Annas');
    expect(cacheOf(repository).size).toBe(before + 2);
  });

  it('pages on with a cursor through the statement of its own shape', async () => {
    const { ben } = ctx.users;
    for (const name of ['Page1', 'Page2', 'Page3']) await newLead(ben, name);
    const list = (cursor?: string) => ctx.as(ben, { 'crm.leads:read': 'own' }, () => ctx.get(LeadsService).list({ limit: 2, cursor, deleted: 'exclude' }));
    const first = await list();
    const second = await list(first.nextCursor ?? undefined);
    expect(first.items.map((l) => l.lastName)).toEqual(['Page3', 'Page2']);
    expect(second.items.map((l) => l.lastName)).toEqual(['Page1']);
    expect(second.nextCursor).toBeNull();
  });

  it('reads inside a transaction on its connection, and keeps no query with a literal value', async () => {
    const { anna } = ctx.users;
    const lead = await newLead(anna, 'InTransaction');
    const txHost = ctx.get(TransactionHost) as DbTransactionHost;
    const inTransaction = await ctx.as(anna, 'department', () => txHost.withTransaction(() => ctx.get(LeadsService).readable(lead.id)));
    expect(inTransaction?.lastName).toBe('InTransaction');

    const cache = new StatementCache(txHost);
    const rows = await cache.execute('literal', (db) => db.select({ lastName: leads.lastName }).from(leads).where(eq(leads.id, lead.id)), {});
    expect(rows).toEqual([{ lastName: 'InTransaction' }]);
    expect(cache.size).toBe(0);
  });
});
