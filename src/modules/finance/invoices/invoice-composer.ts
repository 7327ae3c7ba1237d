import { Injectable } from '@nestjs/common';
import { addressToColumns, prefixAddress } from '@libs/contact-data';
import type { FieldError } from '@libs/http';
import { CrmQueries } from '../../crm';
import { FinanceErrors } from '../finance.errors';
import { ProductsService } from '../products/products.service';
import { AmountTotals, categoriesOf, computeTotals, lineNetCents } from '../shared/amounts.rules';
import type { VatCategory } from '../shared/vat-category';
import { VatRatesService } from '../vat-rates/vat-rates.service';
import type { InvoiceLineInputDto } from './invoice-line.dto';
import type { InvoiceRecipientDto } from './invoice.dto';
import { amountDue, deductionOf } from './invoice.rules';
import { InvoicesRepository, NewInvoiceLine } from './invoices.repository';
import type { Invoice, StoredDeduction } from './invoices.schema';

export type ComposedLine = Omit<NewInvoiceLine, 'invoiceId'>;

export interface ComposedAmounts {
  lines: ComposedLine[];
  totals: AmountTotals;
  deductions: StoredDeduction[];
  prepaidCents: number;
  amountDueCents: number;
  /** The invoice notes of the 0 %/exempt categories used (from the VAT rate rows). */
  vatNotes: Partial<Record<VatCategory, string | null>>;
}

/**
 * Turns what a request says into what an invoice stores: lines with their product snapshot, the
 * VAT rate valid on the service date and their nets; totals per rate; the down payments a final
 * invoice deducts; the recipient copied from the CRM.
 */
@Injectable()
export class InvoiceComposer {
  constructor(
    private readonly products: ProductsService,
    private readonly vatRates: VatRatesService,
    private readonly crm: CrmQueries,
    private readonly repository: InvoicesRepository,
  ) {}

  /** The lines and amounts of an invoice whose VAT applies on `rateDate`. */
  async amounts(inputs: readonly InvoiceLineInputDto[], rateDate: string, deductFor?: { kind: Invoice['kind']; projectId: string | null }): Promise<ComposedAmounts> {
    const productIds = [...new Set(inputs.map((l) => l.productId).filter((id): id is string => !!id))];
    const found = new Map((await this.products.findLive(productIds)).map((p) => [p.id, p]));
    const errors: FieldError[] = [];
    const drafts = inputs.map((input, i) => {
      const at = `lines[${i}]`;
      const product = input.productId ? found.get(input.productId) : undefined;
      if (input.productId && !product) errors.push({ path: `${at}.productId`, message: `${at}.productId must reference an existing product` });
      const line = {
        productId: product?.id ?? null,
        sku: product?.sku ?? null,
        text: input.text ?? product?.name,
        description: input.description === undefined ? (product?.description ?? null) : input.description,
        quantity: input.quantity,
        unit: input.unit ?? product?.unit,
        unitPriceCents: input.unitPriceCents ?? product?.unitPriceCents,
        discountCents: input.discountCents ?? 0,
        vatCategory: input.vatCategory ?? product?.vatCategory,
      };
      if (!line.text) errors.push({ path: `${at}.text`, message: 'a line needs a text or a productId' });
      if (!line.unit) errors.push({ path: `${at}.unit`, message: 'a line needs a unit or a productId' });
      if (line.unitPriceCents === undefined) errors.push({ path: `${at}.unitPriceCents`, message: 'a line needs a unitPriceCents or a productId' });
      if (!line.vatCategory) errors.push({ path: `${at}.vatCategory`, message: 'a line needs a vatCategory or a productId' });
      return line;
    });
    if (errors.length) throw FinanceErrors.invalid(errors);
    const complete = drafts as (Omit<(typeof drafts)[number], 'text' | 'unit' | 'unitPriceCents' | 'vatCategory'> & Required<Pick<ComposedLine, 'text' | 'unit' | 'unitPriceCents' | 'vatCategory'>>)[];
    complete.forEach((line, i) => {
      if (line.discountCents > line.unitPriceCents * Number(line.quantity)) errors.push({ path: `lines[${i}].discountCents`, message: 'the discount exceeds quantity × unit price' });
    });
    if (errors.length) throw FinanceErrors.invalid(errors);
    const categories = categoriesOf(complete);
    const rates = await this.vatRates.ratesOn(categories, rateDate);
    const rateRows = await this.vatRates.rowsOn(categories, rateDate);
    const totals = computeTotals(complete, rates);
    const rateOf = new Map(rates.map((r) => [r.category, r]));
    const lines: ComposedLine[] = complete.map((line, i) => ({
      ...line,
      position: i + 1,
      netCents: lineNetCents(line),
      vatRateBasisPoints: rateOf.get(line.vatCategory)!.rateBasisPoints,
      vatRateId: rateOf.get(line.vatCategory)!.vatRateId,
    }));
    const vatNotes = Object.fromEntries(rateRows.map((r) => [r.category, r.invoiceNote]));
    const deductions = deductFor?.kind === 'final' && deductFor.projectId ? await this.deductions(deductFor.projectId) : [];
    return { lines, totals, deductions, ...amountDue(totals.grossCents, deductions), vatNotes };
  }

  /** What a final invoice of the project deducts: each down payment received, per VAT rate. */
  async deductions(projectId: string): Promise<StoredDeduction[]> {
    const downPayments = await this.repository.downPaymentsOf(projectId);
    return downPayments
      .filter((d) => d.paidCents > 0 && d.number && d.issueDate)
      .map((d) => deductionOf({ id: d.id, number: d.number!, issueDate: d.issueDate!, vatBreakdown: d.vatBreakdown, grossCents: d.grossCents, paidCents: d.paidCents }));
  }

  /**
   * The recipient columns: the override if given, else the company (with the contact as addition)
   * or the contact, as the actor may read them (422 naming the field otherwise).
   */
  async recipient(contactId: string, companyId: string | null, override: InvoiceRecipientDto | null | undefined): Promise<Partial<Invoice>> {
    const contact = await this.crm.contact(contactId);
    if (!contact) throw FinanceErrors.invalid([{ path: 'contactId', message: 'contactId must reference an existing contact you may read' }]);
    const company = companyId ? await this.crm.company(companyId) : undefined;
    if (companyId && !company) throw FinanceErrors.invalid([{ path: 'companyId', message: 'companyId must reference an existing company you may read' }]);
    if (override) {
      return {
        recipientName: override.name,
        recipientAddition: override.addition ?? null,
        recipientVatId: override.vatId ?? null,
        ...prefixAddress(addressToColumns(override.address), 'recipient'),
      };
    }
    const personName = [contact.title, contact.firstName, contact.lastName].filter(Boolean).join(' ');
    // The company's address when it has one, else the contact's (a company may be recorded without).
    const address = company?.address?.street && company.address.city ? company.address : contact.address;
    return {
      recipientName: company ? company.name : personName,
      recipientAddition: company ? personName : null,
      recipientVatId: company?.vatId ?? null,
      ...prefixAddress(addressToColumns(address ?? null), 'recipient'),
    };
  }
}
