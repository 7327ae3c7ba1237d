import type { DocumentLinkType } from './documents.schema';

/** Years invoices and booking vouchers are kept (§147 Abs. 3 AO, since 2025: 8 years). */
export const INVOICE_RETENTION_YEARS = 8;

/**
 * The last day a document must be kept: the retention period runs from the end of the calendar
 * year of the document's date (§147 Abs. 4 AO), so a 2026 invoice is kept through 2034-12-31.
 * Invoice-linked documents are retained even when their type names no period.
 */
export function retentionEnd(input: { documentDate: string | null; createdAt: Date; typeRetentionYears: number | null; linkTypes: DocumentLinkType[] }): string | null {
  const invoiceLinked = input.linkTypes.includes('invoice');
  const years = Math.max(input.typeRetentionYears ?? 0, invoiceLinked ? INVOICE_RETENTION_YEARS : 0);
  if (years === 0) return null;
  const year = Number((input.documentDate ?? input.createdAt.toISOString()).slice(0, 4));
  return `${year + years}-12-31`;
}

/** Whether deleting is refused on `today` (YYYY-MM-DD). */
export function isRetained(retainUntil: string | null, today: string): boolean {
  return retainUntil !== null && today <= retainUntil;
}
