import { Injectable } from '@nestjs/common';
import type { AppliedVatRate } from '../shared/amounts.rules';
import type { VatCategory } from '../shared/vat-category';
import { FinanceErrors } from '../finance.errors';
import { VatRateResponseDto } from './vat-rate.dto';
import { VatRatesRepository } from './vat-rates.repository';
import type { VatRate } from './vat-rates.schema';

export const toVatRateResponse = (r: VatRate): VatRateResponseDto => ({
  id: r.id,
  category: r.category,
  rateBasisPoints: r.rateBasisPoints,
  validFrom: r.validFrom,
  validTo: r.validTo,
  source: r.source,
  invoiceNote: r.invoiceNote,
});

/** Looks VAT rates up by date; a calculation records the row ids it used. */
@Injectable()
export class VatRatesService {
  constructor(private readonly repository: VatRatesRepository) {}

  async list(on?: string): Promise<VatRateResponseDto[]> {
    const rows = on ? await this.repository.validOn(['standard', 'reduced', 'zero_pv', 'exempt'], on) : await this.repository.list();
    return rows.map(toVatRateResponse);
  }

  /** The rate of each category on `date`; 422 naming the first category without one. */
  async ratesOn(categories: readonly VatCategory[], date: string): Promise<AppliedVatRate[]> {
    const rows = await this.repository.validOn(categories, date);
    return categories.map((category) => {
      // With overlapping rows (a mistake in the data), the newest valid_from wins.
      const row = rows.filter((r) => r.category === category).at(-1);
      if (!row) throw FinanceErrors.noVatRate(category, date);
      return { category, rateBasisPoints: row.rateBasisPoints, vatRateId: row.id };
    });
  }

  /** The rows themselves (for invoice notes such as §12(3) UStG). */
  rowsOn(categories: readonly VatCategory[], date: string): Promise<VatRate[]> {
    return this.repository.validOn(categories, date);
  }
}
