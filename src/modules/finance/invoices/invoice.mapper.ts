import { addressOfRow, columnsToAddress } from '@libs/contact-data';
import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { InvoiceLineResponseDto } from './invoice-line.dto';
import type { InvoiceResponseDto, InvoiceSummaryDto } from './invoice.dto';
import type { Invoice, InvoiceLine } from './invoices.schema';

const INVOICE_FIELDS = [
  'kind',
  'status',
  'number',
  'language',
  'projectId',
  'contactId',
  'companyId',
  'quoteId',
  'cancelsInvoiceId',
  'cancelledByInvoiceId',
  'cancellationReason',
  'recipientIsBusiness',
  'buyerReference',
  'propertyRelated',
  'subject',
  'notes',
  'issueDate',
  'serviceDate',
  'servicePeriodStart',
  'servicePeriodEnd',
  'dueDate',
  'paymentTermsDays',
  'paymentTermsText',
  'vatBreakdown',
  'deductions',
  'netCents',
  'taxCents',
  'grossCents',
  'prepaidCents',
  'amountDueCents',
  'paidCents',
  'legalNotes',
  'finalisedAt',
  'sentAt',
  'paidAt',
  'pdfDocumentId',
  'pdfFileId',
  'pdfSha256',
  'ownerId',
  'departmentId',
] as const satisfies readonly (keyof Invoice)[];

const RECIPIENT_FIELDS = ['recipientName', 'recipientAddition', 'recipientStreet', 'recipientPostalCode', 'recipientCity', 'recipientCountryCode', 'recipientVatId'] as const;

/** What the audit log records of an invoice (lines are summarised by the totals). */
export const INVOICE_AUDITED_FIELDS = [...INVOICE_FIELDS.filter((f) => f !== 'vatBreakdown' && f !== 'deductions' && f !== 'legalNotes'), ...RECIPIENT_FIELDS] as const;

export const INVOICE_EXPORT_COLUMNS: CsvColumn<Invoice>[] = fieldColumns<Invoice>([
  'id',
  'number',
  'kind',
  'status',
  'issueDate',
  'serviceDate',
  'dueDate',
  'recipientName',
  'recipientCity',
  'netCents',
  'taxCents',
  'grossCents',
  'prepaidCents',
  'amountDueCents',
  'paidCents',
  'projectId',
  'contactId',
  'cancelsInvoiceId',
  'cancelledByInvoiceId',
  'createdAt',
  'finalisedAt',
  'deletedAt',
]);

export function toInvoiceSummary(invoice: Invoice): InvoiceSummaryDto {
  const response = auditedPick(invoice, INVOICE_FIELDS) as unknown as InvoiceSummaryDto;
  const address = columnsToAddress(addressOfRow(invoice, 'recipient'));
  response.recipient =
    invoice.recipientName && address ? { name: invoice.recipientName, addition: invoice.recipientAddition, address, vatId: invoice.recipientVatId } : null;
  response.openCents = invoice.amountDueCents - invoice.paidCents;
  return response;
}

export function toInvoiceLineResponse(line: InvoiceLine): InvoiceLineResponseDto {
  return {
    id: line.id,
    position: line.position,
    productId: line.productId,
    sku: line.sku,
    text: line.text,
    description: line.description,
    quantity: normalizeQuantity(line.quantity),
    unit: line.unit,
    unitPriceCents: line.unitPriceCents,
    discountCents: line.discountCents,
    vatCategory: line.vatCategory,
    vatRateBasisPoints: line.vatRateBasisPoints,
    vatRateId: line.vatRateId,
    netCents: line.netCents,
  };
}

export function toInvoiceResponse(invoice: Invoice, lines: readonly InvoiceLine[]): InvoiceResponseDto {
  return { ...toInvoiceSummary(invoice), lines: lines.map(toInvoiceLineResponse) };
}

/** numeric(12,3) comes back as "12.500": drop trailing zeros ("12.5", "3"). */
export function normalizeQuantity(quantity: string): string {
  return quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
}

export function invoiceSearchText(invoice: Pick<Invoice, 'number' | 'recipientName' | 'subject'>): string {
  return buildSearchText([invoice.number, invoice.recipientName, invoice.subject]);
}
