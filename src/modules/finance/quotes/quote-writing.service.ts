import { Injectable } from '@nestjs/common';
import { assertDepartmentInScope, currentScope, defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import { fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { referenceNotFound } from '@libs/resource';
import { CrmQueries } from '../../crm';
import { ProjectsQueries } from '../../projects';
import { FINANCE_EVENTS } from '../finance.events';
import { ProductsService } from '../products/products.service';
import { FinanceSettingsService } from '../settings/finance-settings.service';
import { formatNumber } from '../shared/number-format.rules';
import type { VatCategory } from '../shared/vat-category';
import { VatRatesService } from '../vat-rates/vat-rates.service';
import { addDays } from './calendar-date';
import { CreateQuoteDto, QuoteLineDto, QuoteResponseDto, UpdateQuoteDto } from './quote.dto';
import { QuoteErrors } from './quote.errors';
import { calculateQuote, CalculatedQuote, categoriesOfItems, checkLines, QuoteLineInput } from './quote-lines.rules';
import { QUOTE_AUDITED_FIELDS, QUOTE_VERSION_AUDITED_FIELDS, quoteSearchText, toQuoteResponse } from './quote.mapper';
import { numberingYear, planEdit } from './quote.rules';
import { QuoteNumbersRepository } from './quotes.repository';
import type { QuoteLanguage, QuoteRecipient, QuoteVersion, StoredQuoteLine } from './quotes.schema';
import { QuotesService } from './quotes.service';
import { berlinDate } from '@libs/shared';

/** How long a quote stands when the request names no validity date. */
const DEFAULT_VALIDITY_DAYS = 30;

/** The content of a version the request decides (the rest — status, sending, answers — follows later). */
interface VersionContent extends CalculatedQuote {
  language: QuoteLanguage;
  validUntil: string;
  recipient: QuoteRecipient;
  subject: string | null;
  notes: string | null;
  fundingClause: boolean;
  fundingProgramme: string | null;
}

/**
 * Creating and editing quotes: the recipient copied from the CRM, products copied into their
 * lines, totals through the finance amount rules with the VAT rates valid today. An edit of a
 * draft changes it; an edit of a sent (rejected, expired) quote becomes its next version.
 */
@Injectable()
export class QuoteWritingService {
  constructor(
    private readonly quotes: QuotesService,
    private readonly numbers: QuoteNumbersRepository,
    private readonly projects: ProjectsQueries,
    private readonly crm: CrmQueries,
    private readonly products: ProductsService,
    private readonly vatRates: VatRatesService,
    private readonly settings: FinanceSettingsService,
  ) {}

  async create(dto: CreateQuoteDto): Promise<QuoteResponseDto> {
    const scope = currentScope('finance.quotes:create');
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    return this.quotes.steps.transaction(async () => {
      const project = await this.projects.project(dto.projectId);
      if (!project) throw referenceNotFound('projectId', 'project');
      const now = new Date();
      const today = berlinDate(now);
      const recipient = await this.recipient(dto.contactId ?? project.contactId, dto.companyId !== undefined ? dto.companyId : project.companyId);
      const content = await this.content(dto, { recipient: recipient.snapshot, language: dto.language ?? recipient.language, lines: [], validUntil: addDays(today, DEFAULT_VALIDITY_DAYS) }, today);
      const format = (await this.settings.current()).quoteNumberFormat;
      const year = numberingYear(now);
      const number = formatNumber(format, year, await this.numbers.next(format, year));
      const quote = await this.quotes.steps.insert({
        number,
        projectId: project.id,
        contactId: recipient.snapshot.contactId,
        companyId: recipient.snapshot.companyId,
        status: 'draft',
        revision: 1,
        language: content.language,
        validUntil: content.validUntil,
        totalNetCents: content.totalNetCents,
        totalGrossCents: content.totalGrossCents,
        ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId,
        departmentId,
        searchText: quoteSearchText({ number, recipientName: recipient.snapshot.name, subject: content.subject }),
      });
      const version = await this.quotes.versions.insert({ quoteId: quote.id, revision: 1, status: 'draft', ...content, createdBy: currentActorId() ?? null });
      return toQuoteResponse(quote, version);
    });
  }

  async update(id: string, version: number, dto: UpdateQuoteDto): Promise<QuoteResponseDto> {
    const scope = currentScope('finance.quotes:update');
    assertDepartmentInScope(scope, dto.departmentId);
    return this.quotes.steps.transaction(async () => {
      const current = await this.quotes.steps.load(id, version, scope, { forUpdate: true });
      const latest = await this.quotes.latestVersion(current);
      const plan = planEdit(latest.status, latest.revision);
      if (plan.kind === 'refused') throw QuoteErrors.accepted(current.number);
      const today = berlinDate(new Date());
      const recipient =
        dto.contactId !== undefined || dto.companyId !== undefined
          ? (await this.recipient(dto.contactId ?? current.contactId, dto.companyId !== undefined ? dto.companyId : current.companyId)).snapshot
          : latest.recipient;
      // A new version of a quote whose validity has run out starts a fresh validity period.
      const validUntil = latest.validUntil >= today ? latest.validUntil : addDays(today, DEFAULT_VALIDITY_DAYS);
      const content = await this.content(dto, { ...latest, recipient, validUntil, lines: latest.lines.map(storedLineInput) }, today);
      const next =
        plan.kind === 'in_place'
          ? await this.quotes.versions.update(latest.id, content)
          : await this.quotes.versions.insert({ quoteId: id, revision: plan.revision, status: 'draft', ...content, createdBy: currentActorId() ?? null });
      const updated = await this.quotes.repository.update(
        id,
        current.version,
        {
          contactId: recipient.contactId,
          companyId: recipient.companyId,
          status: 'draft',
          revision: next.revision,
          language: next.language,
          validUntil: next.validUntil,
          totalNetCents: next.totalNetCents,
          totalGrossCents: next.totalGrossCents,
          ...(dto.ownerId !== undefined ? { ownerId: dto.ownerId } : {}),
          ...(dto.departmentId !== undefined ? { departmentId: dto.departmentId } : {}),
          searchText: quoteSearchText({ number: current.number, recipientName: recipient.name, subject: next.subject }),
        },
        scope,
      );
      if (!updated) throw staleResource();
      const changes = { ...fieldChanges(current, updated, QUOTE_AUDITED_FIELDS), ...fieldChanges(latest, next, QUOTE_VERSION_AUDITED_FIELDS) };
      if (plan.kind === 'new_version') await this.quotes.steps.publish(FINANCE_EVENTS.quote.versionCreated(id, { fromVersion: latest.revision, version: next.revision, changes }));
      else if (Object.keys(changes).length) await this.quotes.steps.publish(FINANCE_EVENTS.quote.updated(id, { changes }));
      return toQuoteResponse(updated, next);
    });
  }

  /** The version's content: the request's fields over `base`, lines checked and priced with today's VAT rates. */
  private async content(
    dto: UpdateQuoteDto,
    base: Partial<Pick<QuoteVersion, 'subject' | 'notes' | 'fundingClause' | 'fundingProgramme'>> & { recipient: QuoteRecipient; language: QuoteLanguage; validUntil: string; lines: QuoteLineInput[] },
    today: string,
  ): Promise<VersionContent> {
    const validUntil = dto.validUntil ?? base.validUntil;
    if (validUntil < today) throw QuoteErrors.validUntilPast();
    const inputs = dto.lines ? await this.lineInputs(dto.lines) : base.lines;
    const checked = checkLines(inputs);
    if (!checked.ok) throw QuoteErrors.invalidLines(checked.errors);
    const rates = await this.vatRates.ratesOn(categoriesOfItems(checked.lines), today);
    return {
      ...calculateQuote(checked.lines, rates, today),
      language: dto.language ?? base.language,
      validUntil,
      recipient: base.recipient,
      subject: dto.subject !== undefined ? dto.subject : (base.subject ?? null),
      notes: dto.notes !== undefined ? dto.notes : (base.notes ?? null),
      fundingClause: dto.fundingClause ?? base.fundingClause ?? false,
      fundingProgramme: dto.fundingProgramme !== undefined ? dto.fundingProgramme : (base.fundingProgramme ?? null),
    };
  }

  /** Request lines with their products copied (422 naming the line of an unknown or inactive product). */
  private async lineInputs(lines: QuoteLineDto[]): Promise<QuoteLineInput[]> {
    const inputs: QuoteLineInput[] = [];
    const productIds = [...new Set(lines.flatMap((line) => (line.productId ? [line.productId] : [])))];
    const live = new Map((await this.products.findLive(productIds)).map((found) => [found.id, found]));
    for (const [index, line] of lines.entries()) {
      let product: QuoteLineInput['product'] = null;
      if (line.productId) {
        const found = live.get(line.productId);
        if (!found) throw referenceNotFound(`lines[${index}].productId`, 'product');
        if (!found.active) throw QuoteErrors.productInactive(index);
        product = { productId: found.id, sku: found.sku, name: found.name, kind: found.kind, unit: found.unit, unitPriceCents: found.unitPriceCents, vatCategory: found.vatCategory };
      }
      inputs.push({
        kind: line.kind ?? 'item',
        lineType: line.lineType ?? 'normal',
        text: line.text,
        product,
        quantity: line.quantity,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        discountCents: line.discountCents,
        vatCategory: line.vatCategory,
      });
    }
    return inputs;
  }

  /** The recipient as the CRM has it now (contact and company within the actor's CRM scope; 422 otherwise). */
  private async recipient(contactId: string, companyId: string | null): Promise<{ snapshot: QuoteRecipient; language: QuoteLanguage }> {
    const contact = await this.crm.contact(contactId);
    if (!contact) throw referenceNotFound('contactId', 'contact');
    const company = companyId ? await this.crm.company(companyId) : undefined;
    if (companyId && !company) throw referenceNotFound('companyId', 'company');
    const person = [contact.title, contact.firstName, contact.lastName].filter(Boolean).join(' ');
    const address = company?.address ?? contact.address;
    return {
      snapshot: {
        contactId: contact.id,
        companyId: company?.id ?? null,
        name: company?.name ?? person,
        contactName: company ? person : null,
        street: address?.street ?? null,
        postalCode: address?.postalCode ?? null,
        city: address?.city ?? null,
        countryCode: address?.countryCode ?? null,
        email: contact.email ?? company?.email ?? null,
      },
      language: contact.preferredLanguage === 'en' ? 'en' : 'de',
    };
  }
}

/** A stored line as input again (a new version recalculates with the rates of its own day). */
function storedLineInput(line: StoredQuoteLine): QuoteLineInput {
  return {
    kind: line.kind,
    lineType: line.lineType,
    text: line.text,
    product: line.product,
    quantity: line.quantity,
    unit: line.unit,
    unitPriceCents: line.unitPriceCents,
    discountCents: line.kind === 'item' ? line.discountCents : null,
    vatCategory: line.vatCategory as VatCategory | null,
  };
}
