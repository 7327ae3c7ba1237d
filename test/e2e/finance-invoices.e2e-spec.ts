import { decode } from 'iconv-lite';
import { Pool } from 'pg';
import { unwrap, type ApiClient } from '@libs/api-client';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp, TestApp } from '@libs/testing/app';
import { ADMIN_EMAIL, ADMIN_PASSWORD, departmentId, seedReferenceData } from './support/auth';
import { clientFor, createStaff, signIn } from './support/crm-api';

/**
 * Invoicing over HTTP with the standard roles: organisation settings → product → quote v1 → v2 →
 * accepted with the funding clause → down payment invoice (30 %) finalised and paid → final
 * invoice from the quote deducting it → partial and full payment → paid; Storno of a finalised
 * invoice; B2C refused as e-invoice; DATEV and CSV exports; consultants cannot finalise.
 */
describe('Finance invoices over HTTP', () => {
  let db: TestDatabase;
  let server: TestApp;
  let admin: ApiClient, consultant: ApiClient, accountant: ApiClient;
  let accountantToken: string;
  let consultantId: string;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedReferenceData(db);
    server = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    admin = await clientFor(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const erik = await createStaff(admin, { email: 'erik@renewa.test', department: 'energy_consulting', roles: ['energy_consultant'] });
    consultantId = erik.id;
    const frida = await createStaff(admin, { email: 'frida@renewa.test', department: 'accounting', roles: ['accountant'] });
    consultant = await clientFor(server.baseUrl, 'erik@renewa.test', erik.password);
    ({ client: accountant, token: accountantToken } = await signIn(server.baseUrl, 'frida@renewa.test', frida.password));
    pool = new Pool({ connectionString: db.adminUrl, max: 2 });
  });

  afterAll(async () => {
    await pool?.end();
    await server?.close();
    await db?.drop();
  });

  const download = (path: string) => fetch(`${server.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${accountantToken}` } });

  it('quote → down payment → final invoice deducting it → payments → paid; Storno; exports', async () => {
    // Organisation settings (admin only), with If-Match.
    const settings = await admin.GET('/api/v1/finance/settings');
    const etag = settings.response.headers.get('etag')!;
    expect((await accountant.PATCH('/api/v1/finance/settings', { params: { header: { 'If-Match': etag } }, body: { legalName: 'x' } })).response.status).toBe(403);
    const badIban = await admin.PATCH('/api/v1/finance/settings', { params: { header: { 'If-Match': etag } }, body: { iban: 'DE89370400440532013001' } });
    expect(badIban.response.status).toBe(400);
    await unwrap(
      admin.PATCH('/api/v1/finance/settings', {
        params: { header: { 'If-Match': etag } },
        body: {
          legalName: 'Renewa Energieberatung GmbH',
          address: { street: 'Sonnenstraße 12', postalCode: '80331', city: 'München', countryCode: 'DE' },
          taxNumber: '143/123/45678',
          vatId: 'DE123456789',
          email: 'rechnung@renewa.example',
          phone: '089 123456',
          iban: 'DE89 3704 0044 0532 0130 00',
          bic: 'COBADEFFXXX',
          datevConsultantNumber: 1234567,
          datevClientNumber: 10001,
          datevAccounts: { revenueStandard: '8400', revenueReduced: '8300', revenueZeroPv: '8337', revenueExempt: '8100', bank: '1200', debtors: '1400' },
        },
      }),
    );

    const product = await unwrap(admin.POST('/api/v1/finance/products', { body: { sku: 'HP-9KW', name: { de: 'Wärmepumpe 9 kW', en: 'Heat pump 9 kW' }, kind: 'material', unit: 'piece', unitPriceCents: 1_450_000, vatCategory: 'standard' } }));
    const contact = await unwrap(
      admin.POST('/api/v1/contacts', {
        body: { firstName: 'Klaus', lastName: 'Becker', address: { street: 'Ahornweg 7', postalCode: '34117', city: 'Kassel' }, allowDuplicates: true, ownerId: consultantId, departmentId: departmentId('energy_consulting') },
      }),
    );
    const project = await unwrap(consultant.POST('/api/v1/projects', { body: { title: 'Wärmepumpe Becker', contactId: contact.id } }));
    const quote = await unwrap(
      consultant.POST('/api/v1/finance/quotes', { body: { projectId: project.id, subject: 'Wärmepumpe', fundingClause: true, lines: [{ text: { de: 'Wärmepumpe', en: 'Heat pump' }, productId: product.id }] } }),
    );
    const sent = await unwrap(consultant.POST('/api/v1/finance/quotes/{id}/send', { params: { path: { id: quote.id } } }));
    const lines = [{ text: { de: 'Wärmepumpe', en: 'Heat pump' }, productId: product.id, discountCents: 50_000 }];
    await unwrap(consultant.PATCH('/api/v1/finance/quotes/{id}', { params: { path: { id: quote.id }, header: { 'If-Match': `"${quote.id}:${sent.version}"` } }, body: { lines } }));
    await unwrap(consultant.POST('/api/v1/finance/quotes/{id}/send', { params: { path: { id: quote.id } } }));
    await unwrap(consultant.POST('/api/v1/finance/quotes/{id}/accept', { params: { path: { id: quote.id } }, body: { method: 'signed_upload', acceptedBy: 'Klaus Becker', withFundingClause: true } }));

    // Down payment: 30 % of the accepted quote (14,000 € net + 19 %).
    const down = await unwrap(
      accountant.POST('/api/v1/finance/quotes/{id}/invoices', { params: { path: { id: quote.id } }, body: { kind: 'down_payment', percentBasisPoints: 3000, serviceDate: '2026-11-20', propertyRelated: true } }),
    );
    expect(down).toMatchObject({ kind: 'down_payment', status: 'draft', quoteId: quote.id, netCents: 420_000, taxCents: 79_800, grossCents: 499_800 });
    // Consultants manage quotes, not invoices: no finalising.
    expect((await consultant.POST('/api/v1/finance/invoices/{id}/finalize', { params: { path: { id: down.id } } })).response.status).toBe(403);
    const downFinal = await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/finalize', { params: { path: { id: down.id } } }));
    expect(downFinal.number).toMatch(/^RE-\d{4}-000001$/);
    expect(downFinal.legalNotes.map((n) => n.key)).toEqual(['retention']);
    await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/payments', { params: { path: { id: down.id } }, body: { amountCents: 499_800, paidOn: downFinal.issueDate!, method: 'bank_transfer', reference: downFinal.number } }));
    expect((await unwrap(accountant.GET('/api/v1/finance/invoices/{id}', { params: { path: { id: down.id } } }))).status).toBe('paid');

    // Final invoice from the quote's lines, deducting the down payment received.
    const final = await unwrap(
      accountant.POST('/api/v1/finance/quotes/{id}/invoices', { params: { path: { id: quote.id } }, body: { kind: 'final', serviceDate: '2026-11-27', propertyRelated: true } }),
    );
    expect(final).toMatchObject({ kind: 'final', netCents: 1_400_000, grossCents: 1_666_000, prepaidCents: 499_800, amountDueCents: 1_166_200 });
    expect(final.deductions).toEqual([expect.objectContaining({ number: downFinal.number, grossCents: 499_800, perRate: [{ vatCategory: 'standard', rateBasisPoints: 1900, netCents: 420_000, taxCents: 79_800 }] })]);
    const issued = await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/finalize', { params: { path: { id: final.id }, header: { 'If-Match': `"${final.id}:${final.version}"` } } }));
    expect(issued.number).toMatch(/^RE-\d{4}-000002$/);
    await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/send', { params: { path: { id: final.id } } }));
    await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/payments', { params: { path: { id: final.id } }, body: { amountCents: 500_000, paidOn: issued.issueDate!, method: 'bank_transfer' } }));
    expect((await unwrap(accountant.GET('/api/v1/finance/invoices/{id}', { params: { path: { id: final.id } } }))).status).toBe('partially_paid');
    await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/payments', { params: { path: { id: final.id } }, body: { amountCents: 666_200, paidOn: issued.issueDate!, method: 'bank_transfer' } }));
    const paid = await unwrap(accountant.GET('/api/v1/finance/invoices/{id}', { params: { path: { id: final.id } } }));
    expect(paid).toMatchObject({ status: 'paid', paidCents: 1_166_200, openCents: 0 });
    const { rows: paidEvents } = await pool.query(`select payload from domain_events where type = 'finance.invoice.paid' and aggregate_id = $1`, [final.id]);
    expect(paidEvents).toHaveLength(1);

    // A finalised invoice is never edited: 409; it is cancelled by a Storno with its own number.
    const edit = await accountant.PATCH('/api/v1/finance/invoices/{id}', { params: { path: { id: final.id }, header: { 'If-Match': `"${final.id}:${paid.version}"` } }, body: { notes: 'x' } });
    expect(edit.response.status).toBe(409);
    const storno = await unwrap(accountant.POST('/api/v1/finance/invoices/{id}/cancel', { params: { path: { id: final.id } }, body: { reason: 'Leistungsumfang geändert' } }));
    expect(storno).toMatchObject({ kind: 'cancellation', cancelsInvoiceId: final.id, grossCents: -1_666_000, amountDueCents: -1_166_200 });
    expect(storno.number).toMatch(/^ST-\d{4}-000001$/);
    expect((await unwrap(accountant.GET('/api/v1/finance/invoices/{id}', { params: { path: { id: final.id } } }))).status).toBe('cancelled');
    const pdf = await fetch(`${server.baseUrl}/api/v1/documents/${storno.pdfDocumentId}/content`, { headers: { authorization: `Bearer ${accountantToken}` } });
    expect(pdf.status).toBe(200);

    // A private customer gets PDFs only: no e-invoice.
    const xrechnung = await download(`/finance/invoices/${final.id}/xrechnung`);
    expect(xrechnung.status).toBe(422);
    expect((await xrechnung.json()).code).toBe('FINANCE_EINVOICE_B2C');

    // DATEV and the CSV list export.
    const year = issued.issueDate!.slice(0, 4);
    const datev = await download(`/finance/exports/datev?from=${year}-01-01&to=${issued.issueDate}`);
    expect(datev.status).toBe(200);
    const datevText = decode(Buffer.from(await datev.arrayBuffer()), 'win1252');
    expect(datevText.startsWith('"EXTF";700;21')).toBe(true);
    expect(datevText).toContain(issued.number);
    expect(datevText).toContain(storno.number);
    const csv = await download(`/finance/invoices/export?projectId=${project.id}`);
    const csvText = await csv.text();
    expect(csvText).toContain(downFinal.number);
    expect(csvText).toContain(storno.number);
  });

  const repeated = (value: string, times: number) => Array.from({ length: times }, () => value).join(',');

  it.each([
    ['/finance/invoices', `status=${repeated('draft', 8)}`],
    ['/finance/invoices', `kind=${repeated('final', 6)}`],
    ['/finance/invoices/export', `status=${repeated('draft', 8)}`],
    ['/finance/payments', `method=${repeated('cash', 6)}`],
    ['/finance/payments/export', `method=${repeated('cash', 6)}`],
  ])('answers %s?%s (more filter values than there are) with a 400 problem', async (path, query) => {
    const response = await download(`${path}?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await response.json()).code).toBe('VALIDATION_FAILED');
  });

  it('accepts every value of a list filter at once', async () => {
    const invoices = await download('/finance/invoices?status=draft,finalised,sent,partially_paid,paid,overdue,cancelled&kind=down_payment,partial,final,cancellation,standalone');
    expect(invoices.status).toBe(200);
    const payments = await download('/finance/payments?method=bank_transfer,direct_debit,card,cash,other');
    expect(payments.status).toBe(200);
  });
});
