import { Injectable } from '@nestjs/common';
import { currentScope } from '@libs/auth';
import { AppError } from '@libs/http';
import { FinanceErrors } from '../finance.errors';
import { QuotesService } from '../quotes/quotes.service';
import { downPaymentLines, finalInvoiceLines } from './invoice-from-quote.rules';
import type { InvoiceFromQuoteDto } from './invoice-from-quote.dto';
import type { InvoiceResponseDto } from './invoice.dto';
import { InvoicesService } from './invoices.service';

/** Draft invoices from an accepted quote: a down payment (percent or amount) or the final invoice of its lines. */
@Injectable()
export class InvoiceFromQuoteService {
  constructor(
    private readonly quotes: QuotesService,
    private readonly invoices: InvoicesService,
  ) {}

  async create(quoteId: string, dto: InvoiceFromQuoteDto): Promise<InvoiceResponseDto> {
    const quote = await this.quotes.steps.find(quoteId, currentScope('finance.quotes:read'));
    if (quote.status !== 'accepted') throw AppError.conflict('FINANCE_QUOTE_NOT_ACCEPTED', `The quote ${quote.number} is "${quote.status}"; invoices are made from accepted quotes.`);
    const version = await this.quotes.latestVersion(quote);
    if (dto.kind === 'down_payment' && (dto.percentBasisPoints === undefined) === (dto.grossCents === undefined)) {
      throw FinanceErrors.invalid([{ path: 'percentBasisPoints', message: 'a down payment needs either percentBasisPoints or grossCents' }]);
    }
    if (dto.grossCents !== undefined && dto.grossCents > version.totalGrossCents) {
      throw FinanceErrors.invalid([{ path: 'grossCents', message: 'the down payment exceeds the quote’s gross total' }]);
    }
    const lines =
      dto.kind === 'final'
        ? finalInvoiceLines(version.lines)
        : downPaymentLines({ number: quote.number, totals: version.totals, totalGrossCents: version.totalGrossCents }, dto);
    const recipient = version.recipient;
    return this.invoices.create(
      {
        kind: dto.kind,
        contactId: recipient.contactId,
        companyId: recipient.companyId,
        projectId: quote.projectId,
        language: version.language,
        recipientIsBusiness: recipient.companyId !== null,
        serviceDate: dto.serviceDate,
        propertyRelated: dto.propertyRelated,
        subject: version.subject,
        lines,
      },
      { quoteId: quote.id },
    );
  }
}
