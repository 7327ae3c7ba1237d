import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { TransactionHost } from '@nestjs-cls/transactional';
import { runAsActor } from '@libs/context';
import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { FilesService } from '../../documents/files/files.service';
import { FinalInvoiceDueCheck } from '../checks/final-invoice-due.check';
import { FinanceNoticesRepository } from '../checks/finance-notices.repository';
import { financePermissions } from '../finance.permissions';
import { completeSettings, consultationLine, insertContact, insertProject } from '../testing/finance-fixtures';
import { InvoiceFinalisationService } from './invoice-finalisation.service';
import { InvoicesService } from './invoices.service';
import { berlinDate } from '@libs/shared';

describe('invoice numbers, immutability and PDF (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({ permissions: [...financePermissions.keys, 'crm.contacts:read', 'crm.companies:read', 'projects.projects:read'], users: { frida: { department: 'accounting', roles: ['accountant'] } } });
  const invoices = lazyProvider(ctx, InvoicesService);
  const finalisation = lazyProvider(ctx, InvoiceFinalisationService);
  const asFrida = <T>(fn: () => Promise<T>) => ctx.as(ctx.users.frida, 'all', fn);
  const year = Number(berlinDate().slice(0, 4));

  /** The finalisation transaction alone (number, freeze, event), without the PDF rendered after it. */
  const finalizeOnly = (id: string) => asFrida(() => ctx.get(TransactionHost).withTransaction(() => finalisation.finalizeInTransaction(id, undefined, 'all')));

  async function drafts(n: number): Promise<string[]> {
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push((await asFrida(() => invoices.create({ kind: 'standalone', contactId, serviceDate: '2026-11-20', propertyRelated: false, lines: [consultationLine] }))).id);
    }
    return ids;
  }

  const serials = async () => (await ctx.admin.query<{ serial: number }>(`select serial from invoices where series = 'RE-{YYYY}-{NNNNNN}' and fiscal_year = $1 order by serial`, [year])).rows.map((r) => r.serial);

  beforeAll(async () => {
    await completeSettings(ctx.admin);
  });

  it('gives 100 concurrent finalisations exactly the numbers 1…100, no gap, no duplicate', async () => {
    const ids = await drafts(100);
    const results = await Promise.all(ids.map((id) => finalizeOnly(id)));
    expect(new Set(results.map((r) => r.number)).size).toBe(100);
    expect(await serials()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(results.map((r) => r.number).sort()[0]).toBe(`RE-${year}-000001`);
  }, 120_000);

  it('consumes no number when a finalisation fails after taking one (the rollback frees it)', async () => {
    const [failing, next] = await drafts(2);
    // A fault after the counter was advanced: the write of the finalised row fails for this invoice.
    await ctx.admin.query(`create function test_fail_finalisation() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end; $$`);
    await ctx.admin.query(`create trigger test_fail_finalisation before update on invoices for each row when (new.id = '${failing}' and new.status = 'finalised') execute function test_fail_finalisation()`);
    try {
      const error = await finalizeOnly(failing).then(
        () => undefined,
        (e: Error & { cause?: Error }) => e,
      );
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/simulated failure/);
    } finally {
      await ctx.admin.query(`drop trigger test_fail_finalisation on invoices; drop function test_fail_finalisation()`);
    }
    const before = await serials();
    const issued = await finalizeOnly(next);
    expect(issued.serial).toBe(before.length + 1);
    expect(await serials()).toEqual(Array.from({ length: before.length + 1 }, (_, i) => i + 1));
    expect((await ctx.admin.query(`select status, number from invoices where id = $1`, [failing])).rows[0]).toEqual({ status: 'draft', number: null });
  });

  it('refuses in the database any change of a finalised invoice’s legal content or lines, and its deletion', async () => {
    const [id] = await drafts(1);
    await finalizeOnly(id);
    const refused = /finalised/;
    await expect(ctx.admin.query(`update invoices set net_cents = net_cents + 1 where id = $1`, [id])).rejects.toThrow(refused);
    await expect(ctx.admin.query(`update invoices set number = 'RE-X' where id = $1`, [id])).rejects.toThrow(refused);
    await expect(ctx.admin.query(`update invoices set recipient_name = 'Jemand anders' where id = $1`, [id])).rejects.toThrow(refused);
    await expect(ctx.admin.query(`update invoices set status = 'draft', number = null where id = $1`, [id])).rejects.toThrow(refused);
    await expect(ctx.admin.query(`update invoices set deleted_at = now() where id = $1`, [id])).rejects.toThrow(refused);
    await expect(ctx.admin.query(`delete from invoices where id = $1`, [id])).rejects.toThrow(refused);
    await expect(ctx.admin.query(`update invoice_lines set unit_price_cents = 1 where invoice_id = $1`, [id])).rejects.toThrow(refused);
    await expect(ctx.admin.query(`delete from invoice_lines where invoice_id = $1`, [id])).rejects.toThrow(refused);
    await expect(
      ctx.admin.query(
        `insert into invoice_lines (invoice_id, position, text, quantity, unit, unit_price_cents, vat_category, vat_rate_basis_points, vat_rate_id, net_cents)
         select $1, 99, text, quantity, unit, unit_price_cents, vat_category, vat_rate_basis_points, vat_rate_id, net_cents from invoice_lines where invoice_id = $1 limit 1`,
        [id],
      ),
    ).rejects.toThrow(refused);
    // Tracking columns stay changeable: payments, status, sending, the PDF.
    await ctx.admin.query(`update invoices set paid_cents = 10, status = 'partially_paid', sent_at = now(), version = version + 1 where id = $1`, [id]);
    // Drafts stay freely editable.
    const [draft] = await drafts(1);
    await ctx.admin.query(`update invoices set subject = 'frei' where id = $1`, [draft]);
    await ctx.admin.query(`update invoice_lines set unit_price_cents = 1 where invoice_id = $1`, [draft]);
  });

  it('renders the invoice PDF through the documents context with the legal content in its text', async () => {
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'), 'Textprobe');
    const draft = await asFrida(() =>
      invoices.create({
        kind: 'standalone',
        contactId,
        serviceDate: '2026-11-20',
        propertyRelated: true,
        lines: [consultationLine, { text: { de: 'PV-Speicher 10 kWh', en: 'PV storage 10 kWh' }, quantity: '1', unit: 'piece', unitPriceCents: 700_000, vatCategory: 'zero_pv' }],
      }),
    );
    const invoice = await asFrida(() => finalisation.finalize(draft.id, undefined));
    expect(invoice.pdfFileId).not.toBeNull();
    const files = ctx.get(FilesService);
    const stream: Readable = await files.open(await files.find(invoice.pdfFileId!));
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(invoice.pdfSha256);
    const dir = mkdtempSync(join(tmpdir(), 'invoice-pdf-'));
    writeFileSync(join(dir, 'invoice.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'invoice.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(invoice.number!);
    expect(text).toContain('Petra Textprobe');
    expect(text).toContain('Renewa Energieberatung GmbH');
    expect(text).toContain('Energieberatung mit iSFP');
    expect(text).toMatch(/DE123456789|143\/123\/45678/);
    expect(text).toMatch(/aufzubewahren|Aufbewahrung/);
    expect(text).toMatch(/12 Abs\. 3/);
  });

  it('announces a completed project without final invoice after five months once (six-month rule)', async () => {
    const contactId = await insertContact(ctx.admin, ctx.department('accounting'));
    const projectId = await insertProject(ctx.admin, contactId, ctx.department('accounting'), 'completed');
    const invoicedProjectId = await insertProject(ctx.admin, contactId, ctx.department('accounting'), 'completed');
    const notices = ctx.get(FinanceNoticesRepository);
    await ctx.get(TransactionHost).withTransaction(async () => {
      await notices.recordCompletion(projectId, '2026-01-10');
      await notices.recordCompletion(invoicedProjectId, '2026-01-10');
    });
    const [final] = await asFrida(() => invoices.create({ kind: 'final', contactId, projectId: invoicedProjectId, serviceDate: '2026-01-10', propertyRelated: true, lines: [consultationLine] })).then((d) => [d.id]);
    await finalizeOnly(final);
    const check = ctx.get(FinalInvoiceDueCheck);
    // The runner runs checks as the system actor.
    const run = (today: string) => runAsActor(() => check.run({ now: new Date(), today }));
    expect(await run('2026-06-09')).toBe(0); // not yet five months
    expect(await run('2026-06-10')).toBe(1);
    expect(await run('2026-06-11')).toBe(0);
    const events = (await ctx.admin.query(`select aggregate_id, payload from domain_events where type = 'finance.invoice.final_invoice_due'`)).rows;
    expect(events).toEqual([{ aggregate_id: projectId, payload: { projectId, finishedOn: '2026-01-10', deadline: '2026-07-10', detectedOn: '2026-06-10' } }]);
    await expectAppError(asFrida(() => invoices.update(final, 99, {})), 412, 'PRECONDITION_FAILED');
  });
});
