import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { contextValue, setContextValue, SYSTEM_ACTOR_ID } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { DocumentsErrors } from '../documents.errors';
import { DOCUMENTS_EVENTS } from '../documents.events';
import { DocumentPartsRepository } from '../documents/document-parts.repository';
import { DocumentsService } from '../documents/documents.service';
import type { StoredFile } from '../files/files.schema';
import { FilesService, IncomingFile } from '../files/files.service';
import { asUploadProblem } from '../files/multipart';
import { PdfTemplatesService } from '../pdf/pdf-templates.service';
import { canUpload, linkState, PORTAL_LIMITS, PORTAL_TOKEN_PATTERN, portalTokenHash } from './document-request.rules';
import type { PortalChecklistDto, PortalUploadReceiptDto } from './document-request-portal.dto';
import { DocumentRequestItemsRepository } from './document-request-items.repository';
import { DocumentRequestPortalRepository } from './document-request-portal.repository';
import { settleStatus } from './document-request-review.service';
import type { DocumentRequest, DocumentRequestItem } from './document-requests.schema';
import { DocumentRequestsService } from './document-requests.service';

/**
 * The customer's side, behind the link's token (no login): the checklist in the request's
 * language and uploads into its items. Every call is counted per client address and per request
 * (429 past the limits, also for unknown tokens); an unknown token is 404, an expired, revoked
 * or withdrawn one 410 — the same answer whatever the reason. Uploads go through the files
 * pipeline (size 413, sniffed type 415, SHA-256) and become a document linked to the request's
 * contact and project, or a new version of the item's document. Writes are recorded as the
 * system actor: the customer is no user.
 */
@Injectable()
export class DocumentRequestPortalService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly portal: DocumentRequestPortalRepository,
    private readonly items: DocumentRequestItemsRepository,
    private readonly requests: DocumentRequestsService,
    private readonly documents: DocumentsService,
    private readonly files: FilesService,
    private readonly parts: DocumentPartsRepository,
    private readonly templates: PdfTemplatesService,
  ) {}

  async checklist(token: string): Promise<PortalChecklistDto> {
    const request = await this.open(token);
    const language = request.language as 'de' | 'en';
    const items = await this.items.itemsOf([request.id]);
    const consultancyName = await this.templates.organisationName(language);
    const checklist = [];
    for (const item of items) {
      const type = await this.parts.type(item.typeId);
      checklist.push({
        itemId: item.id,
        documentType: type?.name[language] ?? '',
        instructions: item.instructions[language],
        required: item.required,
        status: item.status === 'pending' ? ('missing' as const) : item.status,
        rejectionReason: item.status === 'rejected' ? item.rejectionReason : null,
      });
    }
    return { consultancyName, language, dueDate: request.dueDate, complete: request.status !== 'open', items: checklist };
  }

  /** `read` streams the multipart body in; it is called only once token and item are known good. */
  async upload(token: string, itemId: string, read: () => Promise<IncomingFile>): Promise<PortalUploadReceiptDto> {
    const request = await this.open(token);
    const item = (await this.items.itemsOf([request.id])).find((candidate) => candidate.id === itemId);
    if (!item) throw DocumentsErrors.portalItemNotFound();
    if (!canUpload(item.status)) throw DocumentsErrors.portalItemClosed();
    setContextValue('actorId', SYSTEM_ACTOR_ID);
    const file = await this.files.upload(await read()).catch((error: unknown) => {
      throw asUploadProblem(error);
    });
    try {
      return await this.attach(token, itemId, file);
    } catch (error) {
      await this.files.discard(file);
      throw error;
    }
  }

  /** In one transaction, with the request locked: the file becomes the item's document (or its next version). */
  private async attach(token: string, itemId: string, file: StoredFile): Promise<PortalUploadReceiptDto> {
    return this.txHost.withTransaction(async () => {
      const request = await this.portal.findByTokenHash(portalTokenHash(token), { forUpdate: true });
      if (!request || linkState(request, new Date()) !== 'active' || request.deletedAt) throw DocumentsErrors.portalLinkGone();
      const checklist = await this.items.itemsOf([request.id]);
      const item = checklist.find((candidate) => candidate.id === itemId);
      if (!item) throw DocumentsErrors.portalItemNotFound();
      if (!canUpload(item.status)) throw DocumentsErrors.portalItemClosed();
      const { documentId, versionNumber } = await this.documentFor(request, item, file);
      const updated = await this.items.update(item.id, { status: 'uploaded', documentId, uploadedAt: new Date(), rejectionReason: null, reviewedAt: null, reviewedBy: null });
      await this.requests.steps.publish(
        DOCUMENTS_EVENTS.request.itemUploaded(request.id, { itemId, typeId: item.typeId, documentId, versionNumber, fileId: file.id, sha256: file.sha256 }),
      );
      const items = checklist.map((candidate) => (candidate.id === itemId ? updated : candidate));
      const row = await settleStatus(this.requests, request, items, 'all');
      return { itemId, status: 'uploaded', filename: file.filename, byteSize: file.byteSize, complete: row.status !== 'open' };
    });
  }

  private async documentFor(request: DocumentRequest, item: DocumentRequestItem, file: StoredFile): Promise<{ documentId: string; versionNumber: number }> {
    if (item.documentId) {
      const added = await this.documents.appendVersion(item.documentId, file);
      if (added) return { documentId: item.documentId, versionNumber: added.versionNumber };
    }
    const type = await this.parts.type(item.typeId);
    const links = [...(request.contactId ? [{ type: 'contact' as const, id: request.contactId }] : []), ...(request.projectId ? [{ type: 'project' as const, id: request.projectId }] : [])];
    const document = await this.documents.insert({
      file,
      typeId: item.typeId,
      title: type?.name ?? { de: 'Unterlage', en: 'Document' },
      links,
      ownerId: request.ownerId,
      departmentId: request.departmentId,
    });
    return { documentId: document.id, versionNumber: 1 };
  }

  /** Counts the call (429 past a limit), then the request behind a working token: 404 unknown, 410 expired/revoked/withdrawn. */
  private async open(token: string): Promise<DocumentRequest> {
    const request = PORTAL_TOKEN_PATTERN.test(token) ? await this.portal.findByTokenHash(portalTokenHash(token)) : undefined;
    await this.countCall(request?.id);
    if (!request) throw DocumentsErrors.portalLinkUnknown();
    if (linkState(request, new Date()) !== 'active' || request.deletedAt) throw DocumentsErrors.portalLinkGone();
    return request;
  }

  /** In its own transaction, so the count stays whatever the call's outcome. */
  private async countCall(requestId: string | undefined): Promise<void> {
    const clientIp = contextValue('clientIp') ?? 'unknown';
    await this.txHost.withTransaction(Propagation.RequiresNew, async () => {
      await this.portal.lockClient(clientIp);
      const counts = await this.portal.countLastHour(clientIp, requestId);
      if (counts.byClient >= PORTAL_LIMITS.perClientPerHour || counts.byRequest >= PORTAL_LIMITS.perRequestPerHour) throw DocumentsErrors.portalRateLimited(3600);
      await this.portal.recordAccess(clientIp, requestId);
    });
  }
}

