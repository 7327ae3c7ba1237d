import { Injectable } from '@nestjs/common';
import { CrmQueries } from '../../crm';
import { DocumentsErrors } from '../documents.errors';
import { DocumentPartsRepository } from '../documents/document-parts.repository';
import { PdfRenderingService } from '../pdf/pdf-rendering.service';
import type { DocumentRequest } from './document-requests.schema';
import { DocumentRequestItemsRepository } from './document-request-items.repository';
import { berlinDate } from '@libs/shared';

/**
 * The request letter (PDF template kind `document_request`): the checklist in the request's
 * language and the customer's link, addressed to the contact, stored as a document linked to the
 * contact and project. Only possible while the token is at hand — when the link is issued.
 */
@Injectable()
export class DocumentRequestLetter {
  constructor(
    private readonly crm: CrmQueries,
    private readonly items: DocumentRequestItemsRepository,
    private readonly parts: DocumentPartsRepository,
    private readonly pdfs: PdfRenderingService,
  ) {}

  /** The contact's postal address as the letter's recipient, or 422 when the request has none. */
  async recipientOf(request: DocumentRequest) {
    const contact = request.contactId ? await this.crm.contact(request.contactId) : undefined;
    const address = contact?.address;
    if (!contact || !address?.street || !address.postalCode || !address.city) throw DocumentsErrors.requestLetterNoAddress();
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    return { name, street: address.street, postalCode: address.postalCode, city: address.city, countryCode: address.countryCode ?? null };
  }

  /** Renders and stores the letter (inside the caller's transaction); answers the document's id. */
  async render(request: DocumentRequest, uploadUrl: string): Promise<string> {
    const recipient = await this.recipientOf(request);
    const language = request.language as 'de' | 'en';
    const items = [];
    for (const item of await this.items.itemsOf([request.id])) {
      const type = await this.parts.type(item.typeId);
      items.push({ title: type?.name[language] ?? '', instructions: item.instructions[language] || null, required: item.required });
    }
    const links = [...(request.contactId ? [{ type: 'contact' as const, id: request.contactId }] : []), ...(request.projectId ? [{ type: 'project' as const, id: request.projectId }] : [])];
    const rendered = await this.pdfs.render({
      kind: 'document_request',
      language,
      data: { documentDate: berlinDate(), recipient, dueDate: request.dueDate, uploadUrl, items },
      links,
    });
    return rendered.documentId;
  }
}
