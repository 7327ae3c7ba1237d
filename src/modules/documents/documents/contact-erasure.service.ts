import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentGrant } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { AppError } from '@libs/http';
import { DOCUMENTS_EVENTS } from '../documents.events';
import { FilesRepository } from '../files/files.repository';
import { DocumentRequestsRepository } from '../requests/document-requests.repository';
import { ObjectStorage } from '../storage/object-storage';
import type { ContactErasureReportDto } from './document.dto';
import { isRetained } from './document.rules';
import { DocumentPartsRepository } from './document-parts.repository';
import { berlinDate } from '@libs/shared';

/**
 * GDPR erasure (Art. 17) of a contact's documents: every document linked to the contact is
 * deleted with all its versions' files — except those under a legal retention period, which are
 * kept and reported with the reason and the day they may go. The contact's document requests go
 * too (a project's request only loses the contact). Needs the delete permission on every
 * document (scope `all`): an erasure must not stop at what one department sees.
 */
@Injectable()
export class ContactErasureService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly parts: DocumentPartsRepository,
    private readonly files: FilesRepository,
    private readonly requests: DocumentRequestsRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: EventOutbox,
  ) {}

  async eraseContact(contactId: string): Promise<ContactErasureReportDto> {
    if (currentGrant('documents.documents:delete') !== 'all') {
      throw new AppError({ code: 'OUT_OF_SCOPE', status: 403, detail: 'Erasing a contact\'s documents needs documents.documents:delete with scope all.' });
    }
    const today = berlinDate();
    const report: ContactErasureReportDto = { contactId, deleted: [], kept: [], documentRequests: { deleted: [], detached: [] } };
    const storageKeys: string[] = [];
    await this.txHost.withTransaction(async () => {
      for (const document of await this.parts.documentsOfRecord('contact', contactId)) {
        if (isRetained(document.retainUntil, today)) {
          report.kept.push({ documentId: document.id, title: document.title, retainUntil: document.retainUntil as string, reason: 'legal_retention' });
          continue;
        }
        const versions = await this.parts.versionsOf(document.id);
        await this.parts.hardDeleteDocument(document.id);
        await this.files.hardDelete(versions.map((version) => version.fileId));
        storageKeys.push(...versions.map((version) => version.file.storageKey));
        report.deleted.push({ documentId: document.id, title: document.title, files: versions.length });
      }
      report.documentRequests = await this.requests.eraseContact(contactId);
      await this.outbox.append(
        DOCUMENTS_EVENTS.contact.documentsErased(contactId, {
          deletedDocumentIds: report.deleted.map((d) => d.documentId),
          keptDocumentIds: report.kept.map((k) => k.documentId),
          deletedDocumentRequestIds: report.documentRequests.deleted,
          detachedDocumentRequestIds: report.documentRequests.detached,
        }),
      );
    });
    // Objects go after the commit; a failure here leaves objects without a row for the sweep.
    for (const key of storageKeys) await this.storage.delete(key).catch(() => undefined);
    return report;
  }
}
