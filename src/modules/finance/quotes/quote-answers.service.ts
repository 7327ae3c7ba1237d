import { Injectable } from '@nestjs/common';
import { currentScope, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { FieldError } from '@libs/http';
import { staleResource } from '@libs/http';
import { PdfRenderingService } from '../../documents';
import { ProjectsQueries } from '../../projects';
import { FINANCE_EVENTS } from '../finance.events';
import { FinanceSettingsService } from '../settings/finance-settings.service';
import { AcceptQuoteDto, QuoteResponseDto } from './quote.dto';
import { QuoteErrors } from './quote.errors';
import { toQuoteResponse } from './quote.mapper';
import { quotePdfData } from './quote-pdf';
import { checkAcceptance, countsInTotal, planMove, QuoteStatus, QUOTE_TRANSITIONS } from './quote.rules';
import type { Quote, QuoteVersion } from './quotes.schema';
import { QuotesService } from './quotes.service';
import { berlinDate } from '@libs/shared';

/**
 * Sending a quote (its PDF rendered and stored with its hash, the previous sent version
 * superseded) and recording the customer's answer. Each is one transaction on the locked quote
 * with its event; If-Match is optional (a stale one answers 412).
 */
@Injectable()
export class QuoteAnswersService {
  constructor(
    private readonly quotes: QuotesService,
    private readonly pdf: PdfRenderingService,
    private readonly projects: ProjectsQueries,
    private readonly settings: FinanceSettingsService,
  ) {}

  async send(id: string, version: number | undefined): Promise<QuoteResponseDto> {
    const scope = currentScope('finance.quotes:send');
    return this.quotes.steps.transaction(async () => {
      const { quote, latest } = await this.locked(id, version, scope);
      if (latest.status !== 'draft') throw QuoteErrors.illegalTransition(quote.number, latest.status, 'sent', QUOTE_TRANSITIONS[latest.status]);
      const now = new Date();
      const today = berlinDate(now);
      const problems = sendProblems(latest, today);
      if (problems.length) throw QuoteErrors.notSendable(problems);
      for (const earlier of await this.quotes.versions.ofQuote(id)) {
        if (earlier.status === 'sent') await this.quotes.versions.update(earlier.id, { status: 'superseded' });
      }
      const project = await this.projects.project(quote.projectId);
      const rendered = await this.pdf.render({
        kind: 'quote',
        language: latest.language,
        data: quotePdfData({ quote, version: latest, documentDate: today, projectNumber: project?.number ?? null, settings: await this.settings.current() }),
        links: [
          { type: 'quote', id: quote.id },
          { type: 'project', id: quote.projectId },
          { type: 'contact', id: quote.contactId },
        ],
      });
      const sent = await this.quotes.versions.update(latest.id, {
        status: 'sent',
        sentAt: now,
        sentBy: currentActorId() ?? null,
        pdfDocumentId: rendered.documentId,
        pdfFileId: rendered.fileId,
        pdfSha256: rendered.sha256,
      });
      const updated = await this.write(quote, { status: 'sent', sentAt: now }, scope);
      await this.quotes.steps.publish(
        FINANCE_EVENTS.quote.sent(id, {
          quoteId: id,
          number: quote.number,
          version: sent.revision,
          projectId: quote.projectId,
          contactId: quote.contactId,
          sentAt: now.toISOString(),
          totalNetCents: sent.totalNetCents,
          totalGrossCents: sent.totalGrossCents,
        }),
      );
      return toQuoteResponse(updated, sent);
    });
  }

  async accept(id: string, version: number | undefined, dto: AcceptQuoteDto): Promise<QuoteResponseDto> {
    const scope = currentScope('finance.quotes:accept');
    return this.quotes.steps.transaction(async () => {
      const { quote, latest } = await this.locked(id, version, scope);
      this.assertMove(quote, latest.status, 'accepted');
      const now = new Date();
      const acceptedAt = dto.acceptedAt ?? now;
      const check = checkAcceptance({ acceptedAt, now, sentAt: latest.sentAt ?? now, validUntil: latest.validUntil });
      if (!check.ok) throw QuoteErrors.acceptanceTime(check.error, latest.validUntil);
      const withFundingClause = dto.withFundingClause ?? latest.fundingClause;
      const accepted = await this.quotes.versions.update(latest.id, {
        status: 'accepted',
        acceptedAt,
        acceptedByName: dto.acceptedBy,
        acceptanceMethod: dto.method,
        withFundingClause,
        answerRecordedBy: currentActorId() ?? null,
      });
      const updated = await this.write(quote, { status: 'accepted', acceptedAt }, scope);
      await this.quotes.steps.publish(
        FINANCE_EVENTS.quote.accepted(id, {
          quoteId: id,
          number: quote.number,
          version: accepted.revision,
          projectId: quote.projectId,
          contactId: quote.contactId,
          acceptedAt: acceptedAt.toISOString(),
          method: dto.method,
          withFundingClause,
          totalNetCents: accepted.totalNetCents,
          totalGrossCents: accepted.totalGrossCents,
        }),
      );
      return toQuoteResponse(updated, accepted);
    });
  }

  async reject(id: string, version: number | undefined, reason: string | null | undefined): Promise<QuoteResponseDto> {
    const scope = currentScope('finance.quotes:accept');
    return this.quotes.steps.transaction(async () => {
      const { quote, latest } = await this.locked(id, version, scope);
      this.assertMove(quote, latest.status, 'rejected');
      const now = new Date();
      const rejected = await this.quotes.versions.update(latest.id, { status: 'rejected', rejectedAt: now, rejectionReason: reason ?? null, answerRecordedBy: currentActorId() ?? null });
      const updated = await this.write(quote, { status: 'rejected' }, scope);
      await this.quotes.steps.publish(
        FINANCE_EVENTS.quote.rejected(id, {
          quoteId: id,
          number: quote.number,
          version: rejected.revision,
          projectId: quote.projectId,
          contactId: quote.contactId,
          rejectedAt: now.toISOString(),
          reason: reason ?? null,
        }),
      );
      return toQuoteResponse(updated, rejected);
    });
  }

  /** The live quote within `scope`, locked, at `version` if one is given (404/412), with its newest version. */
  private async locked(id: string, version: number | undefined, scope: Scope): Promise<{ quote: Quote; latest: QuoteVersion }> {
    const quote = await this.quotes.steps.find(id, scope, { forUpdate: true });
    if (version !== undefined && quote.version !== version) throw staleResource();
    return { quote, latest: await this.quotes.latestVersion(quote) };
  }

  /** An answer is recorded once, on a sent version (409 otherwise, also for a repeated answer). */
  private assertMove(quote: Quote, from: QuoteStatus, to: QuoteStatus): void {
    const move = planMove(from, to);
    if (!move.ok || !move.changed) throw QuoteErrors.illegalTransition(quote.number, from, to, QUOTE_TRANSITIONS[from]);
  }

  /** The head's status columns (version bumped); the quote is locked, so only a vanished row fails. */
  private async write(quote: Quote, changes: Partial<Pick<Quote, 'status' | 'sentAt' | 'acceptedAt'>>, scope: Scope): Promise<Quote> {
    const updated = await this.quotes.repository.update(quote.id, quote.version, changes, scope);
    if (!updated) throw staleResource();
    return updated;
  }
}

/** What keeps a draft from going out: no priced item, an incomplete address, a validity date in the past. */
function sendProblems(version: QuoteVersion, today: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!version.lines.some((l) => countsInTotal(l))) problems.push({ path: 'lines', message: 'a quote needs at least one item that is neither optional nor alternative' });
  const r = version.recipient;
  if (!r.street || !r.postalCode || !r.city) problems.push({ path: 'contactId', message: 'the recipient needs a postal address (street, postal code, city) in the CRM; change the contact or company and edit the quote' });
  if (version.validUntil < today) problems.push({ path: 'validUntil', message: `the quote was valid until ${version.validUntil}; set a new validity date` });
  return problems;
}
