import { pgEnum } from 'drizzle-orm/pg-core';
import { VAT_CATEGORIES } from './vat-category';

/** Enums shared by products, quote lines and invoice lines. */
export const vatCategory = pgEnum('finance_vat_category', VAT_CATEGORIES);

export const productUnit = pgEnum('finance_product_unit', ['piece', 'hour', 'm2', 'm', 'kwp', 'flat']);
export type ProductUnit = (typeof productUnit.enumValues)[number];

export const productKind = pgEnum('finance_product_kind', ['service', 'material', 'labour', 'flat_fee']);
export type ProductKind = (typeof productKind.enumValues)[number];
