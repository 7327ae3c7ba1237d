import { Injectable } from '@nestjs/common';
import { PdfRenderingService } from '../../documents';
import { FinanceErrors } from '../finance.errors';
import { invoicePdfData } from './invoice-presentation';
import { InvoicesRepository } from './invoices.repository';
import type { Invoice } from './invoices.schema';

/** Renders a finalised invoice (or cancellation) through the documents context and records the file and its hash on it. */
@Injectable()
export class InvoicePdfService {
  constructor(
    private readonly rendering: PdfRenderingService,
    private readonly repository: InvoicesRepository,
  ) {}

  async render(invoice: Invoice): Promise<Invoice> {
    if (invoice.status === 'draft' || !invoice.number || !invoice.issueDate) throw FinanceErrors.invoiceNotFinalised(invoice.id, invoice.status);
    const lines = await this.repository.linesOf(invoice.id);
    const original = invoice.cancelsInvoiceId ? await this.repository.findById(invoice.cancelsInvoiceId, 'all') : undefined;
    const kind = invoice.kind === 'cancellation' ? ('cancellation' as const) : ('invoice' as const);
    const links = [
      { type: 'invoice' as const, id: invoice.id },
      { type: 'contact' as const, id: invoice.contactId },
      ...(invoice.projectId ? [{ type: 'project' as const, id: invoice.projectId }] : []),
    ];
    // §147 AO / §14b UStG: eight years from the end of the calendar year of issue.
    const retainUntil = `${Number(invoice.issueDate.slice(0, 4)) + 8}-12-31`;
    const result = await this.rendering.render({ kind, language: invoice.language, data: invoicePdfData(invoice, lines, original) as never, links, retainUntil });
    return this.repository.setTracking(invoice.id, { pdfDocumentId: result.documentId, pdfFileId: result.fileId, pdfSha256: result.sha256 });
  }
}
