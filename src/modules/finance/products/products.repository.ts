import { Injectable } from '@nestjs/common';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { CommonListFilters, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import type { ProductKind } from '../shared/finance-enums.schema';
import type { VatCategory } from '../shared/vat-category';
import { FinanceErrors } from '../finance.errors';
import { Product, products } from './products.schema';

export interface ProductFilters extends CommonListFilters {
  kind?: ProductKind[];
  vatCategory?: VatCategory[];
  active?: boolean;
}

/** A catalogue: every holder of the permission sees all of it (no scope). */
const PRODUCTS: ResourceTableSpec<typeof products> = {
  table: products,
  constraints: { products_sku_unique: FinanceErrors.duplicateSku },
  sort: {
    fields: {
      createdAt: { expression: products.createdAt, type: 'timestamp' },
      name: { expression: sql`lower(${products.name}->>'de')`, type: 'text' },
      sku: { expression: products.sku, type: 'text' },
      unitPriceCents: { expression: products.unitPriceCents, type: 'number' },
    },
    tieBreaker: products.id,
    defaultSort: 'name',
  },
  search: { text: products.searchText },
  filters: { kind: products.kind, vatCategory: products.vatCategory, active: products.active },
};

@Injectable()
export class ProductsRepository extends ResourceRepository<typeof products, ProductFilters> {
  protected readonly spec = PRODUCTS;

  /** Live products by id (lines copy them). */
  findLive(ids: readonly string[]): Promise<Product[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(products)
      .where(and(inArray(products.id, [...ids]), isNull(products.deletedAt)));
  }
}
