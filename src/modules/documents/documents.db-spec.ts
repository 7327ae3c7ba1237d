import type { Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { drainOutbox } from '@libs/testing/outbox';
import { expectAppError, lazyProvider, useModuleTestContext } from '@libs/testing/module-context';
import { seedUuid } from '../../db/seeds/seed-utils';
import { ContactErasureService } from './documents/contact-erasure.service';
import { DocumentsService } from './documents/documents.service';
import { FileSweeper } from './files/file-sweeper';
import { FilesService } from './files/files.service';
import { ObjectStorage } from './storage/object-storage';
import { PdfRenderingService } from './pdf/pdf-rendering.service';
import { PdfTemplatesService } from './pdf/pdf-templates.service';
import { SAMPLE_DATA } from './pdf/sample-data';
import { DEFAULT_LETTERHEAD } from './pdf/default-templates';

const ALL_DOCUMENTS = {
  'documents.documents:read': 'all',
  'documents.documents:create': 'all',
  'documents.documents:update': 'all',
  'documents.documents:delete': 'all',
  'documents.templates:read': 'all',
  'documents.templates:update': 'all',
} as const;

describe('documents (module, PostgreSQL)', () => {
  const ctx = useModuleTestContext({
    permissions: [],
    users: { erik: { department: 'energy_consulting', roles: ['energy_consultant'] }, anna: { department: 'sales', roles: ['sales'] } },
  });
  const documents = lazyProvider(ctx, DocumentsService);
  const files = lazyProvider(ctx, FilesService);
  const rendering = lazyProvider(ctx, PdfRenderingService);
  const templates = lazyProvider(ctx, PdfTemplatesService);
  const erikGrants = { ...ALL_DOCUMENTS, 'projects.projects:read': 'department', 'crm.contacts:read': 'all' } as const;
  const annaGrants = { ...ALL_DOCUMENTS, 'projects.projects:read': 'department', 'crm.contacts:read': 'all' } as const;

  async function energyProject(): Promise<string> {
    const id = randomUUID();
    const contactId = randomUUID();
    await ctx.admin.query(`insert into contacts (id, last_name, department_id) values ($1, 'Kühn', $2)`, [contactId, ctx.department('energy_consulting')]);
    await ctx.admin.query(
      `insert into projects (id, number, title, contact_id, interests, department_id, owner_id, search_text) values ($1, $2, 'Haus Kühn', $3, '{heat_pump}', $4, $5, 'haus kühn')`,
      [id, `P-2026-${id.slice(0, 5)}`, contactId, ctx.department('energy_consulting'), ctx.users.erik.id],
    );
    return id;
  }

  const pdf = () => Readable.from([Buffer.from('%PDF-1.4\n%Renewa\n%%EOF\n')]);

  it("hides a project's documents from a reader who cannot see the project, in get and in the record's list", async () => {
    const projectId = await energyProject();
    const document = await ctx.as(ctx.users.erik, erikGrants, async () => {
      const file = await files.upload({ stream: pdf(), filename: 'plan.pdf', declaredType: 'application/pdf' });
      return documents.create({ fileId: file.id, typeId: seedUuid('documentTypes', 'floor_plan:2025-01-01'), title: { de: 'Grundriss', en: 'Floor plan' }, links: [{ type: 'project', id: projectId }] });
    });
    const listed = await ctx.as(ctx.users.erik, erikGrants, () => documents.list({ linkType: 'project', linkId: projectId, limit: 50, deleted: 'exclude' }));
    expect(listed.items.map((item) => item.id)).toEqual([document.id]);

    await expectAppError(ctx.as(ctx.users.anna, annaGrants, () => documents.get(document.id)), 404, 'DOCUMENTS_DOCUMENT_NOT_FOUND');
    const hidden = await ctx.as(ctx.users.anna, annaGrants, () => documents.list({ linkType: 'project', linkId: projectId, limit: 50, deleted: 'exclude' }));
    expect(hidden.items).toEqual([]);
    // Nor can she attach her own upload to that project.
    await expectAppError(
      ctx.as(ctx.users.anna, annaGrants, async () => {
        const file = await files.upload({ stream: pdf(), filename: 'x.pdf', declaredType: 'application/pdf' });
        return documents.create({ fileId: file.id, typeId: seedUuid('documentTypes', 'other:2025-01-01'), title: { de: 'x', en: 'x' }, links: [{ type: 'project', id: projectId }] });
      }),
      422,
      'REFERENCE_NOT_FOUND',
    );
  });

  it('renders an invoice as a stored, linked, retained document with the template version, the same bytes every time', async () => {
    const invoiceId = randomUUID();
    const [first, second] = await ctx.as(ctx.users.erik, erikGrants, async () => [
      await rendering.render({ kind: 'invoice', language: 'de', data: SAMPLE_DATA.invoice, links: [{ type: 'invoice', id: invoiceId }] }),
      await rendering.render({ kind: 'invoice', language: 'de', data: SAMPLE_DATA.invoice, links: [{ type: 'invoice', id: invoiceId }] }),
    ]);
    expect(second.sha256).toBe(first.sha256);
    expect(first.templateVersionId).toBe(seedUuid('pdfTemplates', 'invoice:de:1'));
    const stored = await ctx.as(ctx.users.erik, erikGrants, () => documents.get(first.documentId));
    expect(stored).toMatchObject({ fileId: first.fileId, retainUntil: '2034-12-31', documentDate: '2026-11-28', links: [{ type: 'invoice', id: invoiceId }] });
    const file = await ctx.as(ctx.users.erik, erikGrants, () => documents.fileOf(first.documentId));
    expect(file).toMatchObject({ sha256: first.sha256, contentType: 'application/pdf', filename: 'Rechnung RE-2026-0107.pdf' });
    const bytes = Buffer.concat(await (await files.open(file)).toArray());
    expect(bytes.length).toBe(first.byteSize);

    await drainOutbox(ctx.app);
    const events = await ctx.admin.query(`select type from domain_events where aggregate_id = $1 order by occurred_at`, [first.documentId]);
    expect(events.rows.map((row) => row.type)).toEqual(['documents.document.created', 'documents.pdf.rendered']);
    await expectAppError(ctx.as(ctx.users.erik, erikGrants, () => documents.remove(first.documentId, stored.version)), 409, 'DOCUMENTS_DOCUMENT_RETAINED');
  });

  it('a new template version is checked, used from then on and recorded with the rendered PDF', async () => {
    const created = await ctx.as(ctx.users.erik, erikGrants, () =>
      templates.createVersion({ kind: 'letter', language: 'de', blocks: { subject: 'Betreff: {{ subject }}', body: '{{ body }}', signoff: 'Viele Grüße' }, letterhead: { ...DEFAULT_LETTERHEAD, name: 'Renewa Nord GmbH' } as never }),
    );
    expect(created.version).toBe(2);
    const rendered = await ctx.as(ctx.users.erik, erikGrants, () => rendering.render({ kind: 'letter', language: 'de', data: SAMPLE_DATA.letter, links: [{ type: 'appointment', id: randomUUID() }] }));
    expect(rendered.templateVersionId).toBe(created.id);

    await expectAppError(
      ctx.as(ctx.users.erik, erikGrants, () => templates.createVersion({ kind: 'letter', language: 'de', blocks: { subject: '{{ subjekt }}' }, letterhead: DEFAULT_LETTERHEAD as never })),
      422,
      'DOCUMENTS_PDF_TEMPLATE_INVALID',
    );
    await expectAppError(
      ctx.as(ctx.users.erik, erikGrants, () => templates.createVersion({ kind: 'letter', language: 'de', blocks: { subject: '{% if %}' }, letterhead: DEFAULT_LETTERHEAD as never })),
      422,
      'DOCUMENTS_PDF_TEMPLATE_INVALID',
    );
  });

  it('the sweep removes abandoned uploads and objects without a row, and keeps what documents use', async () => {
    const storage = ctx.get(ObjectStorage as unknown as Type<ObjectStorage>);
    const [abandoned, kept] = await ctx.as(ctx.users.erik, erikGrants, async () => {
      const loose = await files.upload({ stream: pdf(), filename: 'loose.pdf', declaredType: 'application/pdf' });
      const used = await files.upload({ stream: pdf(), filename: 'used.pdf', declaredType: 'application/pdf' });
      await documents.create({ fileId: used.id, typeId: seedUuid('documentTypes', 'photo:2025-01-01'), title: { de: 'Foto', en: 'Photo' }, links: [{ type: 'appointment', id: randomUUID() }] });
      return [loose, used];
    });
    const orphanKey = `sweep-test/${randomUUID()}`;
    await storage.write(orphanKey, Readable.from([Buffer.from('left behind')]), 'text/plain');

    const sweeper = ctx.get(FileSweeper);
    const early = await sweeper.sweep(new Date(), 'sweep-test/');
    expect(early.orphanObjectsDeleted).toBe(0);
    expect(await storage.exists(abandoned.storageKey)).toBe(true);

    const later = await sweeper.sweep(new Date(Date.now() + 2 * 24 * 60 * 60_000), 'sweep-test/');
    expect(later.unattachedFilesDeleted).toBeGreaterThanOrEqual(1);
    expect(await storage.exists(abandoned.storageKey)).toBe(false);
    expect(await storage.exists(orphanKey)).toBe(false);
    expect(await storage.exists(kept.storageKey)).toBe(true);
    expect((await ctx.admin.query('select count(*) from files where id = $1', [abandoned.id])).rows[0].count).toBe('0');
  });

  it("erases a contact's documents and reports the invoice it must keep, with the reason", async () => {
    const contactId = randomUUID();
    await ctx.admin.query(`insert into contacts (id, last_name, department_id) values ($1, 'Löschung', $2)`, [contactId, ctx.department('energy_consulting')]);
    const [plan, invoice] = await ctx.as(ctx.users.erik, erikGrants, async () => {
      const planFile = await files.upload({ stream: pdf(), filename: 'plan.pdf', declaredType: 'application/pdf' });
      const planDoc = await documents.create({ fileId: planFile.id, typeId: seedUuid('documentTypes', 'floor_plan:2025-01-01'), title: { de: 'Grundriss', en: 'Plan' }, links: [{ type: 'contact', id: contactId }] });
      const invoiceDoc = await rendering.render({ kind: 'invoice', language: 'de', data: SAMPLE_DATA.invoice, links: [{ type: 'invoice', id: randomUUID() }, { type: 'contact', id: contactId }] });
      return [{ doc: planDoc, file: planFile }, invoiceDoc];
    });
    // Two document requests of the contact: one about the contact alone, one for a project.
    const projectId = randomUUID();
    const { rows: requests } = await ctx.admin.query<{ id: string; project_id: string | null }>(
      `insert into document_requests (contact_id, project_id, language, due_date) values ($1, null, 'de', '2027-01-15'), ($1, $2, 'de', '2027-01-15') returning id, project_id`,
      [contactId, projectId],
    );
    const contactOnly = requests.find((r) => r.project_id === null)!.id;
    const ofProject = requests.find((r) => r.project_id === projectId)!.id;
    await ctx.admin.query(`insert into document_request_items (request_id, type_id, position, instructions) values ($1, $2, 1, '{"de":"Grundriss","en":"Plan"}')`, [contactOnly, seedUuid('documentTypes', 'floor_plan:2025-01-01')]);
    const erasure = ctx.get(ContactErasureService);
    await expectAppError(ctx.as(ctx.users.erik, { ...erikGrants, 'documents.documents:delete': 'department' }, () => erasure.eraseContact(contactId)), 403, 'OUT_OF_SCOPE');

    const report = await ctx.as(ctx.users.erik, erikGrants, () => erasure.eraseContact(contactId));
    expect(report.deleted).toEqual([{ documentId: plan.doc.id, title: { de: 'Grundriss', en: 'Plan' }, files: 1 }]);
    expect(report.kept).toEqual([{ documentId: invoice.documentId, title: expect.anything(), retainUntil: '2034-12-31', reason: 'legal_retention' }]);
    expect(await ctx.get(ObjectStorage as unknown as Type<ObjectStorage>).exists(plan.file.storageKey)).toBe(false);
    expect((await ctx.admin.query('select count(*) from documents where id = $1', [plan.doc.id])).rows[0].count).toBe('0');
    expect((await ctx.admin.query('select count(*) from files where id = $1', [plan.file.id])).rows[0].count).toBe('0');
    expect((await ctx.admin.query('select count(*) from documents where id = $1', [invoice.documentId])).rows[0].count).toBe('1');
    expect(report.documentRequests).toEqual({ deleted: [contactOnly], detached: [ofProject] });
    expect((await ctx.admin.query('select count(*) from document_request_items where request_id = $1', [contactOnly])).rows[0].count).toBe('0');
    const { rows: left } = await ctx.admin.query('select id, contact_id, project_id from document_requests where id = any($1)', [[contactOnly, ofProject]]);
    expect(left).toEqual([{ id: ofProject, contact_id: null, project_id: projectId }]);
  });
});
