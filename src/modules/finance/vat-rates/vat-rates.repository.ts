import { Injectable } from '@nestjs/common';
import { and, asc, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { Repository } from '@libs/db';
import type { VatCategory } from '../shared/vat-category';
import { VatRate, vatRates } from './vat-rates.schema';

/** The dated VAT rates (a small reference table every holder of finance.products:read sees whole). */
@Injectable()
export class VatRatesRepository extends Repository {
  list(): Promise<VatRate[]> {
    return this.db.select().from(vatRates).orderBy(asc(vatRates.category), asc(vatRates.validFrom));
  }

  /** The rows of `categories` valid on `date` (YYYY-MM-DD): valid_from ≤ date ≤ valid_to (or open). */
  validOn(categories: readonly VatCategory[], date: string): Promise<VatRate[]> {
    if (categories.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(vatRates)
      .where(and(inArray(vatRates.category, [...categories]), lte(vatRates.validFrom, date), or(isNull(vatRates.validTo), gte(vatRates.validTo, date))))
      .orderBy(asc(vatRates.validFrom));
  }
}
