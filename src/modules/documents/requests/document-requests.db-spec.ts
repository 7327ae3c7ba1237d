import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { drainOutbox } from '@libs/testing/outbox';
import { seedUuid } from '../../../db/seeds/seed-utils';
import { DocumentsService } from '../documents/documents.service';
import { DocumentRequestPortalService } from './document-request-portal.service';
import { DocumentRequestReminderCheck } from './document-request-reminder.check';
import { DocumentRequestReviewService } from './document-request-review.service';
import { PORTAL_TOKEN_PATTERN, portalTokenHash } from './document-request.rules';
import { DocumentRequestsService } from './document-requests.service';

const GRANTS = {
  'documents.requests:read': 'all',
  'documents.requests:create': 'all',
  'documents.requests:update': 'all',
  'documents.requests:delete': 'all',
  'documents.documents:read': 'all',
  'projects.projects:read': 'department',
  'crm.contacts:read': 'all',
} as const;

const FLOOR_PLAN = seedUuid('documentTypes', 'floor_plan:2025-01-01');
const ENERGY_BILL = seedUuid('documentTypes', 'energy_bill:2025-01-01');
const PHOTO = seedUuid('documentTypes', 'photo:2025-01-01');

describe('document requests (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({
    permissions: [],
    users: { erik: { department: 'energy_consulting', roles: ['energy_consultant'] }, anna: { department: 'sales', roles: ['sales'] } },
  });
  const requests = lazyProvider(ctx, DocumentRequestsService);
  const review = lazyProvider(ctx, DocumentRequestReviewService);
  const portal = lazyProvider(ctx, DocumentRequestPortalService);
  const documents = lazyProvider(ctx, DocumentsService);
  const reminders = lazyProvider(ctx, DocumentRequestReminderCheck);

  async function energyProject(): Promise<{ projectId: string; contactId: string }> {
    const projectId = randomUUID();
    const contactId = randomUUID();
    await ctx.admin.query(`insert into contacts (id, last_name, department_id) values ($1, 'Kühn', $2)`, [contactId, ctx.department('energy_consulting')]);
    await ctx.admin.query(
      `insert into projects (id, number, title, contact_id, interests, department_id, owner_id, search_text) values ($1, $2, 'Haus Kühn', $3, '{heat_pump}', $4, $5, 'haus kühn')`,
      [projectId, `P-2026-${projectId.slice(0, 5)}`, contactId, ctx.department('energy_consulting'), ctx.users.erik.id],
    );
    return { projectId, contactId };
  }

  const asErik = <T>(fn: () => Promise<T>) => ctx.as(ctx.users.erik, GRANTS, fn);
  const asCustomer = <T>(fn: () => Promise<T>) => ctx.as({ id: '00000000-0000-4000-8000-000000000000', departmentId: null }, {}, fn);
  const pdf = (text = 'Plan') => async () => ({ stream: Readable.from([Buffer.from(`%PDF-1.4\n%${text}\n%%EOF\n`)]), filename: `${text}.pdf`, declaredType: 'application/pdf' });
  const instructions = (de: string) => ({ de, en: `${de} (en)` });

  async function requestWithLink(dueDate = '2027-03-31') {
    const { projectId, contactId } = await energyProject();
    const created = await asErik(() =>
      requests.create({
        contactId,
        projectId,
        dueDate,
        language: 'en',
        items: [
          { typeId: FLOOR_PLAN, instructions: instructions('Grundrisse') },
          { typeId: ENERGY_BILL, instructions: instructions('Rechnungen') },
          { typeId: PHOTO, instructions: instructions('Fotos'), required: false },
        ],
      }),
    );
    const link = await asErik(() => review.issueLink(created.id, undefined, { validDays: 14 }));
    return { created, link, projectId, contactId };
  }

  it('creates a request with its checklist and answers the link token once, storing only its hash', async () => {
    const { created, link } = await requestWithLink();
    expect(created).toMatchObject({ status: 'open', language: 'en', link: { state: 'none' } });
    expect(created.checklist.map((item) => [item.position, item.required, item.status])).toEqual([
      [0, true, 'pending'],
      [1, true, 'pending'],
      [2, false, 'pending'],
    ]);
    const { rows } = await ctx.admin.query('select token_hash from document_requests where id = $1', [created.id]);
    expect(link.portalToken).toMatch(PORTAL_TOKEN_PATTERN);
    expect(rows[0].token_hash).toBe(portalTokenHash(link.portalToken));
    expect(rows[0].token_hash).not.toBe(link.portalToken);
    expect((await asCustomer(() => portal.checklist(link.portalToken))).items).toHaveLength(3);
    expect((await asErik(() => requests.get(created.id))).link.state).toBe('active');
  });

  it('becomes fulfilled when every required item has a file; uploads become linked documents, a second upload a new version', async () => {
    const { created, link, projectId, contactId } = await requestWithLink();
    const [plans, bills] = created.checklist;
    const checklist = await asCustomer(() => portal.checklist(link.portalToken));
    expect(checklist).toMatchObject({ language: 'en', dueDate: '2027-03-31', complete: false });
    expect(checklist.items[0]).toEqual({ itemId: plans.itemId, documentType: 'Floor plan', instructions: 'Grundrisse (en)', required: true, status: 'missing', rejectionReason: null });

    const first = await asCustomer(() => portal.upload(link.portalToken, plans.itemId, pdf('EG')));
    expect(first).toMatchObject({ itemId: plans.itemId, status: 'uploaded', complete: false });
    await asCustomer(() => portal.upload(link.portalToken, plans.itemId, pdf('OG')));
    const done = await asCustomer(() => portal.upload(link.portalToken, bills.itemId, pdf('Gas')));
    expect(done.complete).toBe(true);

    const after = await asErik(() => requests.get(created.id));
    expect(after.status).toBe('fulfilled');
    expect(after.fulfilledAt).not.toBeNull();
    const planDocument = await asErik(() => documents.get(after.checklist[0].documentId as string));
    expect(planDocument.versions.map((v) => v.versionNumber)).toEqual([1, 2]);
    expect(planDocument.links).toEqual(expect.arrayContaining([{ type: 'contact', id: contactId }, { type: 'project', id: projectId }]));
    expect(planDocument.typeId).toBe(FLOOR_PLAN);

    await drainOutbox(ctx.app);
    const { rows } = await ctx.admin.query(`select type from domain_events where aggregate_id = $1 order by occurred_at, id`, [created.id]);
    const types = rows.map((row: { type: string }) => row.type);
    expect(types.filter((type: string) => type === 'documents.request.item_uploaded')).toHaveLength(3);
    expect(types.filter((type: string) => type === 'documents.request.fulfilled')).toHaveLength(1);
  });

  it('rejecting an item reopens it and the request; accepting every required item completes it', async () => {
    const { created, link } = await requestWithLink();
    const [plans, bills] = created.checklist;
    await asCustomer(() => portal.upload(link.portalToken, plans.itemId, pdf('EG')));
    await asCustomer(() => portal.upload(link.portalToken, bills.itemId, pdf('Gas')));

    const rejected = await asErik(() => review.rejectItem(created.id, bills.itemId, undefined, 'Page 2 is missing.'));
    expect(rejected.status).toBe('open');
    expect(rejected.fulfilledAt).toBeNull();
    expect(rejected.checklist[1]).toMatchObject({ status: 'rejected', rejectionReason: 'Page 2 is missing.' });
    const seen = await asCustomer(() => portal.checklist(link.portalToken));
    expect(seen.items[1]).toMatchObject({ status: 'rejected', rejectionReason: 'Page 2 is missing.' });

    await expectAppError(asErik(() => review.acceptItem(created.id, bills.itemId, undefined)), 409, 'DOCUMENTS_REQUEST_ITEM_STATE');
    await asCustomer(() => portal.upload(link.portalToken, bills.itemId, pdf('Gas2')));
    await asErik(() => review.acceptItem(created.id, plans.itemId, undefined));
    const completed = await asErik(() => review.acceptItem(created.id, bills.itemId, undefined));
    expect(completed.status).toBe('completed');
    await expectAppError(asCustomer(() => portal.upload(link.portalToken, plans.itemId, pdf('late'))), 409, 'DOCUMENTS_PORTAL_ITEM_CLOSED');

    await drainOutbox(ctx.app);
    const { rows } = await ctx.admin.query(`select type from domain_events where aggregate_id = $1`, [created.id]);
    const types = rows.map((row: { type: string }) => row.type);
    expect(types).toEqual(expect.arrayContaining(['documents.request.item_rejected', 'documents.request.reopened', 'documents.request.item_accepted']));
  });

  it('answers 404 for an unknown token or item and 410 for a revoked, expired or withdrawn link', async () => {
    const { created, link } = await requestWithLink();
    await expectAppError(asCustomer(() => portal.checklist('x'.repeat(43))), 404, 'DOCUMENTS_PORTAL_LINK_NOT_FOUND');
    await expectAppError(asCustomer(() => portal.upload(link.portalToken, randomUUID(), pdf())), 404, 'DOCUMENTS_PORTAL_ITEM_NOT_FOUND');

    await asErik(() => review.revokeLink(created.id));
    await expectAppError(asCustomer(() => portal.checklist(link.portalToken)), 410, 'DOCUMENTS_PORTAL_LINK_GONE');

    const reissued = await asErik(() => review.issueLink(created.id, undefined, { validDays: 1 }));
    expect((await asCustomer(() => portal.checklist(reissued.portalToken))).items).toHaveLength(3);
    await ctx.admin.query(`update document_requests set token_expires_at = now() - interval '1 minute' where id = $1`, [created.id]);
    await expectAppError(asCustomer(() => portal.checklist(reissued.portalToken)), 410, 'DOCUMENTS_PORTAL_LINK_GONE');

    const other = await requestWithLink();
    const current = await asErik(() => requests.get(other.created.id));
    await asErik(() => requests.remove(other.created.id, current.version));
    await expectAppError(asCustomer(() => portal.checklist(other.link.portalToken)), 410, 'DOCUMENTS_PORTAL_LINK_GONE');
  });

  it('refuses a request for a project the creator cannot see, and hides requests of such projects', async () => {
    const { projectId } = await energyProject();
    const annaGrants = { ...GRANTS, 'projects.projects:read': 'department' } as const;
    await expectAppError(
      ctx.as(ctx.users.anna, annaGrants, () => requests.create({ projectId, dueDate: '2027-01-31', items: [{ typeId: FLOOR_PLAN, instructions: instructions('x') }] })),
      422,
      'REFERENCE_NOT_FOUND',
    );
    const created = await asErik(() => requests.create({ projectId, dueDate: '2027-01-31', items: [{ typeId: FLOOR_PLAN, instructions: instructions('x') }] }));
    await expectAppError(ctx.as(ctx.users.anna, annaGrants, () => requests.get(created.id)), 404, 'DOCUMENTS_REQUEST_NOT_FOUND');
    const listed = await ctx.as(ctx.users.anna, annaGrants, () => requests.list({ projectId, limit: 50, deleted: 'exclude' }));
    expect(listed.items).toEqual([]);
    // Nor can she restore it (and read its checklist that way): 404, and it stays withdrawn.
    await asErik(() => requests.remove(created.id, created.version));
    await expectAppError(ctx.as(ctx.users.anna, annaGrants, () => requests.restore(created.id, undefined)), 404, 'DOCUMENTS_REQUEST_NOT_FOUND');
    const { rows } = await ctx.admin.query('select deleted_at from document_requests where id = $1', [created.id]);
    expect(rows[0].deleted_at).not.toBeNull();
  });

  it('lists by status, due dates and overdue', async () => {
    const { projectId } = await energyProject();
    const past = await asErik(() => requests.create({ projectId, dueDate: '2020-01-15', items: [{ typeId: FLOOR_PLAN, instructions: instructions('x') }] }));
    const future = await asErik(() => requests.create({ projectId, dueDate: '2099-01-15', items: [{ typeId: FLOOR_PLAN, instructions: instructions('x') }] }));
    const ids = async (query: object) => (await asErik(() => requests.list({ projectId, limit: 50, deleted: 'exclude', ...query }))).items.map((item) => item.id);
    expect(await ids({ overdue: true })).toEqual([past.id]);
    expect(await ids({ overdue: false })).toEqual([future.id]);
    expect(await ids({ dueBefore: '2021-01-01' })).toEqual([past.id]);
    expect(await ids({ dueAfter: '2021-01-01', status: ['open'] })).toEqual([future.id]);
    expect(await ids({ sort: 'dueDate' })).toEqual([past.id, future.id]);
    const firstPage = await asErik(() => requests.list({ projectId, limit: 1, deleted: 'exclude', sort: '-dueDate' }));
    expect(firstPage.items.map((item) => item.id)).toEqual([future.id]);
    const second = await asErik(() => requests.list({ projectId, limit: 1, deleted: 'exclude', sort: '-dueDate', cursor: firstPage.nextCursor as string }));
    expect(second.items.map((item) => item.id)).toEqual([past.id]);
    expect(past.overdue).toBe(true);
  });

  it('renders the request letter with the checklist and the link when issuing it, or 422 without a postal address', async () => {
    const { created, contactId } = await requestWithLink();
    await expectAppError(asErik(() => review.issueLink(created.id, undefined, { letterPortalUrl: 'https://portal.renewa.example/unterlagen' })), 422, 'DOCUMENTS_REQUEST_LETTER_NO_ADDRESS');
    await ctx.admin.query(`update contacts set street = 'Lindenallee 23', postal_code = '34128', city = 'Kassel' where id = $1`, [contactId]);
    const issued = await asErik(() => review.issueLink(created.id, undefined, { letterPortalUrl: 'https://portal.renewa.example/unterlagen/' }));
    const letter = await asErik(() => documents.get(issued.letterDocumentId as string));
    expect(letter.title.en).toBe('Document request');
    expect(letter.links).toEqual(expect.arrayContaining([{ type: 'contact', id: contactId }]));
    const { rows } = await ctx.admin.query(`select payload from domain_events where type = 'documents.pdf.rendered' and aggregate_id = $1`, [letter.id]);
    expect(rows[0].payload).toMatchObject({ kind: 'document_request', language: 'en' });
    // The link in the letter is the one just issued: it opens the checklist.
    expect((await asCustomer(() => portal.checklist(issued.portalToken))).items).toHaveLength(3);
  });

  it('emits each reminder once per request, kind and due date', async () => {
    const { created } = await requestWithLink('2031-05-10');
    const dayBefore = { now: new Date('2031-05-09T08:00:00Z'), today: '2031-05-09' };
    await reminders.run(dayBefore);
    expect(await reminders.run(dayBefore)).toBe(0);
    await reminders.run({ now: new Date('2031-05-12T08:00:00Z'), today: '2031-05-12' });
    await reminders.run({ now: new Date('2031-05-13T08:00:00Z'), today: '2031-05-13' });
    await drainOutbox(ctx.app);
    const { rows } = await ctx.admin.query(`select type, payload from domain_events where aggregate_id = $1 and type in ('documents.request.reminder_due', 'documents.request.overdue')`, [created.id]);
    expect(rows.map((row: { type: string }) => row.type).sort()).toEqual(['documents.request.overdue', 'documents.request.reminder_due']);
    // The 14-day link issued today has expired by 2031: automation knows a new one is needed.
    expect(rows[0].payload).toMatchObject({ dueDate: '2031-05-10', linkActive: false, missingItems: [{ typeId: FLOOR_PLAN }, { typeId: ENERGY_BILL }] });
  });
});
