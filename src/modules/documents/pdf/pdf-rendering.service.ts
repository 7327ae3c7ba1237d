import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { DocumentsErrors } from '../documents.errors';
import { DOCUMENTS_EVENTS } from '../documents.events';
import { DocumentPartsRepository } from '../documents/document-parts.repository';
import { DocumentsService } from '../documents/documents.service';
import { FilesService } from '../files/files.service';
import type { PdfKind, PdfLetterhead, PdfRenderRequest, PdfRenderResult } from './pdf-data';
import { composePdf, TemplateRenderError } from './pdf-composer';
import { PdfTemplatesService } from './pdf-templates.service';
import { berlinDate } from '@libs/shared';

const DOCUMENT_TYPE: Record<PdfKind, string> = {
  quote: 'quote_pdf',
  invoice: 'invoice_pdf',
  cancellation: 'invoice_pdf',
  letter: 'letter',
  document_request: 'letter',
  appointment_confirmation: 'letter',
  isfp_cover: 'isfp_report',
};

const TITLES: Record<PdfKind, { de: string; en: string }> = {
  quote: { de: 'Angebot', en: 'Quote' },
  invoice: { de: 'Rechnung', en: 'Invoice' },
  cancellation: { de: 'Stornorechnung', en: 'Cancellation invoice' },
  letter: { de: 'Schreiben', en: 'Letter' },
  document_request: { de: 'Unterlagenanforderung', en: 'Document request' },
  appointment_confirmation: { de: 'Terminbestätigung', en: 'Appointment confirmation' },
  isfp_cover: { de: 'iSFP-Deckblatt', en: 'iSFP cover' },
};

/**
 * Renders a PDF from the current template version of its kind and language, stores it as a file
 * (with its SHA-256) and as a document linked to the given records, inside the caller's
 * transaction (the object is written first; if the caller rolls back, the orphan sweep removes
 * it). Same data + same template version → the same bytes. The caller vouches for the links:
 * they are its own records.
 */
@Injectable()
export class PdfRenderingService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly templates: PdfTemplatesService,
    private readonly files: FilesService,
    private readonly documents: DocumentsService,
    private readonly parts: DocumentPartsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async render<K extends PdfKind>(request: PdfRenderRequest<K>): Promise<PdfRenderResult> {
    const template = await this.templates.current(request.kind, request.language);
    let pdf;
    try {
      pdf = await composePdf(request.kind, request.language, request.data, { blocks: template.blocks, letterhead: template.letterhead as unknown as PdfLetterhead });
    } catch (error) {
      if (error instanceof TemplateRenderError) throw DocumentsErrors.templateInvalid(`The ${request.kind} template (version ${template.version}) does not render with this data: ${error.message}`);
      throw error;
    }
    const documentDate = (request.data as { documentDate: string }).documentDate;
    const number = (request.data as { number?: string }).number;
    const type = await this.parts.typeByKey(DOCUMENT_TYPE[request.kind], berlinDate());
    if (!type) throw DocumentsErrors.unknownDocumentType();
    const name = `${TITLES[request.kind][request.language]}${number ? ` ${number}` : ''}`;
    const file = await this.files.storeBuffer(pdf.bytes, `${name}.pdf`, 'application/pdf', pdf.sha256);
    const document = await this.txHost.withTransaction(async () => {
      const row = await this.documents.insert({
        file,
        typeId: type.id,
        title: request.title ?? { de: `${TITLES[request.kind].de}${number ? ` ${number}` : ''}`, en: `${TITLES[request.kind].en}${number ? ` ${number}` : ''}` },
        documentDate,
        links: request.links,
        ownerId: currentActorId() ?? null,
        departmentId: defaultDepartment(undefined),
        retainUntil: request.retainUntil ?? null,
      });
      await this.outbox.append(
        DOCUMENTS_EVENTS.pdf.rendered(row.id, { kind: request.kind, language: request.language, templateVersionId: template.id, fileId: file.id, sha256: pdf.sha256, links: request.links }),
      );
      return row;
    });
    return { documentId: document.id, fileId: file.id, sha256: pdf.sha256, templateVersionId: template.id, byteSize: pdf.bytes.length };
  }

  /** The bytes of a PDF rendered here, by the file id its render returned (e.g. to embed an e-invoice into it). */
  async bytesOf(fileId: string): Promise<Buffer> {
    const stream = await this.files.open(await this.files.find(fileId));
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
