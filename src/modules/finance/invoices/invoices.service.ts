import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { ChangesOf, pick, pickDefined, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { ProjectsQueries } from '../../projects';
import { FinanceErrors } from '../finance.errors';
import { FINANCE_EVENTS } from '../finance.events';
import { FinanceSettingsService } from '../settings/finance-settings.service';
import { InvoiceComposer, ComposedAmounts } from './invoice-composer';
import type { InvoiceLineInputDto } from './invoice-line.dto';
import { CreateInvoiceDto, InvoiceResponseDto, InvoiceSummaryDto, UpdateInvoiceDto } from './invoice.dto';
import { INVOICE_AUDITED_FIELDS, invoiceSearchText, normalizeQuantity, toInvoiceResponse, toInvoiceSummary } from './invoice.mapper';
import { InvoiceFilters, InvoicesRepository } from './invoices.repository';
import type { Invoice, InvoiceLine, invoices } from './invoices.schema';
import { berlinDate } from '@libs/shared';

export const INVOICE: ResourceDefinition<Invoice> = {
  name: 'invoice',
  code: 'FINANCE_INVOICE',
  permissions: resourcePermissions('finance.invoices'),
  events: FINANCE_EVENTS.invoice,
  auditedFields: INVOICE_AUDITED_FIELDS as unknown as (keyof Invoice & string)[],
};

const DRAFT_FIELDS = ['projectId', 'companyId', 'language', 'recipientIsBusiness', 'buyerReference', 'propertyRelated', 'subject', 'notes', 'serviceDate', 'servicePeriodStart', 'servicePeriodEnd', 'paymentTermsDays', 'ownerId', 'departmentId'] as const;

/** The day whose VAT rates apply: the service date (or the end of the service period), else today. */
export const rateDateOf = (i: Pick<Invoice, 'serviceDate' | 'servicePeriodEnd' | 'issueDate'>) => i.serviceDate ?? i.servicePeriodEnd ?? i.issueDate ?? berlinDate();

/** A stored line as the input that recomputes it (at finalisation, or copying it). */
export const lineInput = (l: InvoiceLine): InvoiceLineInputDto => ({
  productId: l.productId,
  text: l.text,
  description: l.description,
  quantity: normalizeQuantity(l.quantity),
  unit: l.unit,
  unitPriceCents: l.unitPriceCents,
  discountCents: l.discountCents,
  vatCategory: l.vatCategory,
});

/** Amount columns of an invoice from its composed amounts. */
export const amountColumns = (a: ComposedAmounts): ChangesOf<typeof invoices> => ({
  vatBreakdown: a.totals.perRate,
  deductions: a.deductions,
  netCents: a.totals.netCents,
  taxCents: a.totals.taxCents,
  grossCents: a.totals.grossCents,
  prepaidCents: a.prepaidCents,
  amountDueCents: a.amountDueCents,
});

/** Draft invoices: create, edit (lines replaced wholesale), delete, restore; reading and listing all invoices. */
@Injectable()
export class InvoicesService extends ResourceService<typeof invoices, InvoiceFilters, InvoiceSummaryDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: InvoicesRepository,
    outbox: EventOutbox,
    private readonly composer: InvoiceComposer,
    private readonly settings: FinanceSettingsService,
    private readonly projects: ProjectsQueries,
  ) {
    super({ txHost, outbox, repository }, INVOICE, toInvoiceSummary);
  }

  /** `origin.quoteId`: the accepted quote the invoice is made from (InvoiceFromQuoteService). */
  async create(dto: CreateInvoiceDto, origin: { quoteId?: string } = {}): Promise<InvoiceResponseDto> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(currentScope('finance.invoices:create'), departmentId);
    const ownerId = dto.ownerId === undefined ? currentActorId() : dto.ownerId;
    await this.assertProjectReadable(dto.projectId);
    return this.steps.transaction(async () => {
      const settings = await this.settings.current();
      const companyId = dto.companyId ?? null;
      const recipient = await this.composer.recipient(dto.contactId, companyId, dto.recipient);
      const fields = { serviceDate: dto.serviceDate ?? null, servicePeriodEnd: dto.servicePeriodEnd ?? null, issueDate: null };
      const amounts = await this.composer.amounts(dto.lines ?? [], rateDateOf(fields), { kind: dto.kind, projectId: dto.projectId ?? null });
      const row = await this.steps.insert({
        ...pickDefined(pick(dto, DRAFT_FIELDS)),
        ...recipient,
        ...amountColumns(amounts),
        kind: dto.kind,
        quoteId: origin.quoteId ?? null,
        contactId: dto.contactId,
        companyId,
        departmentId,
        ownerId,
        recipientIsBusiness: dto.recipientIsBusiness ?? companyId !== null,
        paymentTermsDays: dto.paymentTermsDays ?? settings.paymentTermsDays,
        paymentTermsText: settings.paymentTermsText,
        searchText: invoiceSearchText({ number: null, recipientName: recipient.recipientName ?? null, subject: dto.subject ?? null }),
      });
      const lines = await this.repository.replaceLines(row.id, amounts.lines);
      return toInvoiceResponse(row, lines);
    });
  }

  async update(id: string, version: number, dto: UpdateInvoiceDto): Promise<InvoiceResponseDto> {
    assertDepartmentInScope(currentScope('finance.invoices:update'), dto.departmentId);
    if (dto.projectId) await this.assertProjectReadable(dto.projectId);
    let lines: InvoiceLine[] | undefined;
    const row = await this.steps.update(id, version, async (current) => {
      if (current.status !== 'draft') throw FinanceErrors.invoiceNotDraft(id, current.status);
      const merged = { ...current, ...pickDefined(pick(dto, DRAFT_FIELDS)) } as Invoice;
      const contactId = dto.contactId ?? current.contactId;
      const recipient =
        dto.contactId !== undefined || dto.companyId !== undefined || dto.recipient !== undefined
          ? await this.composer.recipient(contactId, merged.companyId, dto.recipient)
          : {};
      const inputs = dto.lines ?? (await this.repository.linesOf(id)).map(lineInput);
      const amounts = await this.composer.amounts(inputs, rateDateOf(merged), { kind: current.kind, projectId: merged.projectId });
      lines = await this.repository.replaceLines(id, amounts.lines);
      const recipientName = (recipient as Partial<Invoice>).recipientName ?? current.recipientName;
      return { ...pickDefined(pick(dto, DRAFT_FIELDS)), ...recipient, ...amountColumns(amounts), contactId, searchText: invoiceSearchText({ number: null, recipientName, subject: merged.subject }) };
    });
    return toInvoiceResponse(row, lines ?? (await this.repository.linesOf(id)));
  }

  /** Soft-deletes a draft; a finalised invoice is never deleted (cancel it instead). */
  override async remove(id: string, version: number): Promise<void> {
    await this.steps.remove(id, version, (current) => {
      if (current.status !== 'draft') throw FinanceErrors.invoiceNotDraft(id, current.status);
    });
  }

  async detail(id: string): Promise<InvoiceResponseDto> {
    const row = await this.steps.get(id);
    return toInvoiceResponse(row, await this.repository.linesOf(id));
  }

  async restoreDetail(id: string, version: number | undefined): Promise<InvoiceResponseDto> {
    const row = await this.steps.restore(id, version);
    return toInvoiceResponse(row, await this.repository.linesOf(id));
  }

  private async assertProjectReadable(projectId: string | null | undefined): Promise<void> {
    if (projectId && !(await this.projects.project(projectId))) {
      throw FinanceErrors.invalid([{ path: 'projectId', message: 'projectId must reference an existing project you may read' }]);
    }
  }
}
