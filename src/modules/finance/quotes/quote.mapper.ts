import { fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { QuoteResponseDto, QuoteVersionResponseDto } from './quote.dto';
import type { Quote, QuoteVersion } from './quotes.schema';

const QUOTE_FIELDS = [
  'number',
  'projectId',
  'contactId',
  'companyId',
  'status',
  'revision',
  'language',
  'validUntil',
  'totalNetCents',
  'totalGrossCents',
  'sentAt',
  'acceptedAt',
  'ownerId',
  'departmentId',
] as const satisfies readonly (keyof Quote)[];

/** What the audit log records of the quote itself (its content: QUOTE_VERSION_AUDITED_FIELDS). */
export const QUOTE_AUDITED_FIELDS = QUOTE_FIELDS.filter((f) => f !== 'sentAt' && f !== 'acceptedAt');

/** The content of a version the audit log records when a draft is edited or a new version made. */
export const QUOTE_VERSION_AUDITED_FIELDS = ['language', 'validUntil', 'recipient', 'subject', 'notes', 'fundingClause', 'fundingProgramme', 'lines', 'totalNetCents', 'totalTaxCents', 'totalGrossCents'] as const satisfies readonly (keyof QuoteVersion)[];

export const QUOTE_EXPORT_COLUMNS = fieldColumns<Quote>(['id', 'createdAt', 'updatedAt', ...QUOTE_FIELDS, 'deletedAt']);

export function toQuoteResponse(quote: Quote, current: QuoteVersion | null = null): QuoteResponseDto {
  const response: Omit<QuoteResponseDto, 'current'> & Partial<QuoteResponseDto> = auditedPick(quote, QUOTE_FIELDS);
  response.current = current ? toQuoteVersionResponse(current) : null;
  return response as QuoteResponseDto;
}

export function toQuoteVersionResponse(version: QuoteVersion): QuoteVersionResponseDto {
  return {
    recipient: version.recipient,
    notes: version.notes,
    lines: version.lines,
    revision: version.revision,
    status: version.status,
    language: version.language,
    validUntil: version.validUntil,
    subject: version.subject,
    fundingClause: version.fundingClause,
    fundingProgramme: version.fundingProgramme,
    ratesOn: version.totals.ratesOn,
    totalsPerRate: version.totals.perRate,
    totalNetCents: version.totalNetCents,
    totalTaxCents: version.totalTaxCents,
    totalGrossCents: version.totalGrossCents,
    createdAt: version.createdAt,
    sentAt: version.sentAt,
    pdf: version.pdfDocumentId && version.pdfFileId && version.pdfSha256 ? { documentId: version.pdfDocumentId, fileId: version.pdfFileId, sha256: version.pdfSha256 } : null,
    acceptance:
      version.acceptedAt && version.acceptanceMethod
        ? {
            acceptedAt: version.acceptedAt,
            acceptedBy: version.acceptedByName ?? '',
            method: version.acceptanceMethod,
            withFundingClause: version.withFundingClause ?? false,
            recordedBy: version.answerRecordedBy,
          }
        : null,
    rejectedAt: version.rejectedAt,
    rejectionReason: version.rejectionReason,
    expiredAt: version.expiredAt,
  };
}

export function quoteSearchText(input: { number: string; recipientName: string; subject: string | null }): string {
  return buildSearchText([input.number, input.recipientName, input.subject]);
}
