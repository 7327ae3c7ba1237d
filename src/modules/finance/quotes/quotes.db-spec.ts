import { lazyProvider, type ModuleTestUser, useModuleTestContext } from '@libs/testing/module-context';
import { drainOutbox } from '@libs/testing/outbox';
import { expectAppError } from '../../../../test/support/projects-fixtures';
import { crmPermissions } from '../../crm';
import { ContactsService } from '../../crm/contacts/contacts.service';
import { documentsPermissions } from '../../documents';
import { projectsPermissions } from '../../projects';
import { ProjectCreationService } from '../../projects/projects/project-creation.service';
import { financePermissions } from '../finance.permissions';
import { ProductsService } from '../products/products.service';
import type { CreateQuoteDto } from './quote.dto';
import { QuoteAnswersService } from './quote-answers.service';
import { QuoteExpiryCheck } from './quote-expiry.check';
import { QuoteWritingService } from './quote-writing.service';
import { QuotesService } from './quotes.service';
import { berlinDate } from '@libs/shared';

describe('quotes (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({
    permissions: [...financePermissions.keys, ...projectsPermissions.keys, ...crmPermissions.keys, ...documentsPermissions.keys],
    users: {
      erik: { department: 'energy_consulting', roles: ['energy_consultant'] },
      anna: { department: 'sales', roles: ['sales'] },
    },
  });
  const quotes = lazyProvider(ctx, QuotesService);
  const writing = lazyProvider(ctx, QuoteWritingService);
  const answers = lazyProvider(ctx, QuoteAnswersService);
  let erik: ModuleTestUser, anna: ModuleTestUser;
  let projectId: string, contactId: string, productId: string;
  const asErik = <T>(fn: () => Promise<T>) => ctx.as(erik, 'department', fn);
  const year = berlinDate(new Date()).slice(0, 4);
  const eventsOf = async (id: string) => (await ctx.admin.query(`select type, payload from domain_events where aggregate_id = $1 order by occurred_at, id`, [id])).rows;

  beforeAll(async () => {
    ({ erik, anna } = ctx.users);
    contactId = (
      await asErik(() =>
        ctx.get(ContactsService).create({ firstName: 'Maria', lastName: 'Schmidt', address: { street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin' }, allowDuplicates: true }),
      )
    ).id;
    projectId = (await asErik(() => ctx.get(ProjectCreationService).create({ title: 'Sanierung Schmidt', contactId }))).id;
    productId = (
      await ctx.as(erik, 'all', () =>
        ctx.get(ProductsService).create({
          sku: 'PV-MOD-430',
          name: { de: 'PV-Modul 430 Wp', en: 'PV module 430 Wp' },
          kind: 'material',
          unit: 'piece',
          unitPriceCents: 18_900,
          vatCategory: 'zero_pv',
        } as never),
      )
    ).id;
  });

  const draft = (extra: Partial<CreateQuoteDto> = {}): CreateQuoteDto => ({
    projectId,
    subject: 'Wärmepumpe und PV',
    lines: [
      { kind: 'section', text: { de: 'Heizung', en: 'Heating' } },
      { text: { de: 'Wärmepumpe 9 kW', en: 'Heat pump 9 kW' }, quantity: '1', unit: 'piece', unitPriceCents: 1_450_000, vatCategory: 'standard' },
      { text: { de: 'Dämmung Rohrleitungen', en: 'Pipe insulation' }, quantity: '12.333', unit: 'm', unitPriceCents: 1_299, discountCents: 500, vatCategory: 'standard' },
      { text: { de: 'Smart-Home-Modul', en: 'Smart home module' }, quantity: '1', unit: 'piece', unitPriceCents: 39_900, vatCategory: 'standard', lineType: 'optional' },
      { kind: 'section', text: { de: 'Photovoltaik', en: 'Photovoltaics' } },
      { text: { de: 'PV-Module', en: 'PV modules' }, productId, quantity: '20' },
    ],
    ...extra,
  });

  it('numbers a draft A-<year>-<serial> for the project contact, copies recipient and product, and totals per rate', async () => {
    const quote = await asErik(() => writing.create(draft()));
    expect(quote.number).toMatch(new RegExp(`^A-${year}-\\d{6}$`));
    expect(quote).toMatchObject({ status: 'draft', revision: 1, projectId, contactId, ownerId: erik.id, language: 'de' });
    const current = quote.current!;
    expect(current.recipient).toMatchObject({ name: 'Maria Schmidt', street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin' });
    expect(current.lines.map((l) => l.position)).toEqual(['1', '1.1', '1.2', '1.3', '2', '2.1']);
    // 12.333 × 12.99 € − 5.00 € = 155.206… → 155.21 €
    expect(current.lines[2].netCents).toBe(15_521);
    expect(current.lines[5]).toMatchObject({ unit: 'piece', unitPriceCents: 18_900, vatCategory: 'zero_pv', netCents: 378_000, product: { sku: 'PV-MOD-430' } });
    const standard = 1_450_000 + 15_521;
    expect(current.totalsPerRate.map((r) => [r.vatCategory, r.rateBasisPoints, r.netCents, r.taxCents])).toEqual([
      ['standard', 1900, standard, Math.round(standard * 0.19)],
      ['zero_pv', 0, 378_000, 0],
    ]);
    expect(current.totalNetCents).toBe(standard + 378_000);
    const [created] = await eventsOf(quote.id);
    expect(created).toMatchObject({ type: 'finance.quote.created', payload: { snapshot: { number: quote.number, status: 'draft' } } });
  });

  it('gives concurrent creations consecutive numbers, and a rolled-back creation gives its number back', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => asErik(() => writing.create(draft({ lines: [] })))));
    const serials = results.map((q) => Number(q.number.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(10);
    expect(serials[9] - serials[0]).toBe(9);
    await expectAppError(asErik(() => writing.create(draft({ lines: [{ text: { de: 'x', en: 'x' }, quantity: '1' }] }))), 422, 'FINANCE_QUOTE_INVALID');
    const next = await asErik(() => writing.create(draft({ lines: [] })));
    expect(Number(next.number.split('-')[2])).toBe(serials[9] + 1);
  });

  it('v1 → send (PDF with hash) → edit makes v2, v1 unchanged → send supersedes v1 → accepted with the clause', async () => {
    const created = await asErik(() => writing.create(draft({ fundingClause: true, fundingProgramme: 'BEG EM (KfW 458)' })));
    const edited = await asErik(() => writing.update(created.id, created.version, { notes: 'Termin nach Absprache' }));
    expect(edited).toMatchObject({ revision: 1, status: 'draft' });
    const sent = await asErik(() => answers.send(created.id, edited.version));
    expect(sent.status).toBe('sent');
    expect(sent.current!.pdf!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = await ctx.admin.query(`select sha256 from files where id = $1`, [sent.current!.pdf!.fileId]);
    expect(file.rows[0].sha256).toBe(sent.current!.pdf!.sha256);

    const v2 = await asErik(() => writing.update(created.id, sent.version, { lines: draft().lines!.slice(0, 3) }));
    expect(v2).toMatchObject({ revision: 2, status: 'draft' });
    const versions = await asErik(() => quotes.versionsOf(created.id));
    expect(versions.map((v) => [v.revision, v.status, v.lines.length])).toEqual([
      [1, 'sent', 6],
      [2, 'draft', 3],
    ]);
    await expectAppError(asErik(() => answers.accept(created.id, undefined, { method: 'email', acceptedBy: 'Maria Schmidt' })), 409, 'FINANCE_QUOTE_ILLEGAL_TRANSITION');

    const sent2 = await asErik(() => answers.send(created.id, undefined));
    expect((await asErik(() => quotes.versionsOf(created.id))).map((v) => v.status)).toEqual(['superseded', 'sent']);
    await expectAppError(asErik(() => answers.send(created.id, undefined)), 409, 'FINANCE_QUOTE_ILLEGAL_TRANSITION');
    await expectAppError(asErik(() => answers.accept(created.id, sent2.version - 1, { method: 'portal', acceptedBy: 'Maria Schmidt' })), 412, 'PRECONDITION_FAILED');

    const accepted = await asErik(() => answers.accept(created.id, sent2.version, { method: 'signed_upload', acceptedBy: 'Maria Schmidt', withFundingClause: true }));
    expect(accepted.current!.acceptance).toMatchObject({ method: 'signed_upload', acceptedBy: 'Maria Schmidt', withFundingClause: true, recordedBy: erik.id });
    const event = (await eventsOf(created.id)).find((e) => e.type === 'finance.quote.accepted');
    expect(event.payload).toEqual({
      quoteId: created.id,
      number: created.number,
      version: 2,
      projectId,
      contactId,
      acceptedAt: accepted.acceptedAt!.toISOString(),
      method: 'signed_upload',
      withFundingClause: true,
      totalNetCents: accepted.current!.totalNetCents,
      totalGrossCents: accepted.current!.totalGrossCents,
    });
    await expectAppError(asErik(() => writing.update(created.id, accepted.version, { notes: 'x' })), 409, 'FINANCE_QUOTE_ACCEPTED');
    expect(await asErik(() => quotes.acceptedOfProject(projectId))).toMatchObject({ id: created.id, status: 'accepted', revision: 2 });
    await drainOutbox(ctx.app);
    const audit = await ctx.admin.query(`select action from audit_logs where entity_id = $1`, [created.id]);
    expect(audit.rows.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses to send without a priced item and deletes only quotes never sent', async () => {
    const empty = await asErik(() => writing.create(draft({ lines: [] })));
    await expectAppError(asErik(() => answers.send(empty.id, undefined)), 422, 'FINANCE_QUOTE_NOT_SENDABLE');
    await asErik(() => quotes.remove(empty.id, empty.version));
    const full = await asErik(() => writing.create(draft()));
    const sent = await asErik(() => answers.send(full.id, undefined));
    await expectAppError(asErik(() => quotes.remove(sent.id, sent.version)), 409, 'FINANCE_QUOTE_NOT_DELETABLE');
  });

  it('expires sent quotes past their validity once, however often the check runs', async () => {
    const today = berlinDate(new Date());
    const quote = await asErik(() => writing.create(draft({ validUntil: today })));
    await asErik(() => answers.send(quote.id, undefined));
    const tomorrow = new Date(Date.now() + 86_400_000);
    const check = ctx.get(QuoteExpiryCheck);
    const at = { now: tomorrow, today: berlinDate(tomorrow) };
    expect(await check.run(at)).toBeGreaterThanOrEqual(1);
    expect(await check.run(at)).toBe(0);
    const expired = (await eventsOf(quote.id)).filter((e) => e.type === 'finance.quote.expired');
    expect(expired).toHaveLength(1);
    expect(expired[0].payload).toMatchObject({ number: quote.number, version: 1, validUntil: today });
    expect(await asErik(() => quotes.get(quote.id))).toMatchObject({ status: 'expired' });
  });

  it('keeps quotes within the reader scope', async () => {
    const quote = await asErik(() => writing.create(draft({ lines: [] })));
    await expectAppError(ctx.as(anna, 'own', () => quotes.get(quote.id)), 404, 'FINANCE_QUOTE_NOT_FOUND');
    await expectAppError(ctx.as(anna, 'department', () => quotes.get(quote.id)), 404, 'FINANCE_QUOTE_NOT_FOUND');
    const page = await ctx.as(anna, 'department', () => quotes.list({ limit: 50, deleted: 'exclude', projectId } as never));
    expect(page.items).toEqual([]);
  });
});
