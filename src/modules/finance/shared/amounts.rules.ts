import Decimal from 'decimal.js';
import type { VatCategory } from './vat-category';

/** Decimal with half-up rounding (ties away from zero), independent of the global Decimal settings. */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A quantity as the API takes it: up to 6 integer digits and up to 3 decimals (keeps every amount a safe integer of cents). */
export const QUANTITY_PATTERN = /^\d{1,6}(\.\d{1,3})?$/;

export interface AmountLine {
  /** Decimal string with at most 3 decimals, e.g. "0.333"; negative on a cancellation. */
  quantity: string;
  unitPriceCents: number;
  /** Line discount in cents (absolute), subtracted from quantity × price. */
  discountCents: number;
  vatCategory: VatCategory;
  /** Optional/alternative lines are shown but not part of the totals. */
  optional?: boolean;
}

/** The rate a category has on the relevant date, and the reference-data row it came from. */
export interface AppliedVatRate {
  category: VatCategory;
  rateBasisPoints: number;
  vatRateId: string;
}

export interface RateTotal {
  vatCategory: VatCategory;
  rateBasisPoints: number;
  vatRateId: string;
  netCents: number;
  taxCents: number;
}

export interface AmountTotals {
  /** Net of each line (optional lines too, for display), in input order. */
  lineNetCents: number[];
  /** One entry per VAT category present among the non-optional lines, in category order of first appearance. */
  perRate: RateTotal[];
  netCents: number;
  taxCents: number;
  grossCents: number;
}

/** quantity × unit price − discount, rounded half-up to whole cents. */
export function lineNetCents(line: Pick<AmountLine, 'quantity' | 'unitPriceCents' | 'discountCents'>): number {
  const gross = new D(line.quantity).times(line.unitPriceCents).minus(line.discountCents);
  return gross.toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
}

/** Tax of a net amount at a rate in basis points (1900 = 19 %), rounded half-up to cents. */
export function taxCents(netCents: number, rateBasisPoints: number): number {
  return new D(netCents).times(rateBasisPoints).dividedBy(10_000).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
}

/**
 * Line nets, then per VAT category the sum of the line nets and the tax on that sum (EN 16931
 * BR-CO-17: the tax of a breakdown is computed on its taxable amount, not summed from lines), then
 * the totals. Optional lines are left out of every sum.
 */
export function computeTotals(lines: readonly AmountLine[], rates: readonly AppliedVatRate[]): AmountTotals {
  const rateOf = new Map(rates.map((r) => [r.category, r]));
  const lineNet = lines.map(lineNetCents);
  const sums = new Map<VatCategory, number>();
  lines.forEach((line, i) => {
    if (line.optional) return;
    sums.set(line.vatCategory, (sums.get(line.vatCategory) ?? 0) + lineNet[i]);
  });
  const perRate: RateTotal[] = [...sums].map(([category, netCents]) => {
    const rate = rateOf.get(category);
    if (!rate) throw new Error(`No VAT rate given for category ${category}`);
    return { vatCategory: category, rateBasisPoints: rate.rateBasisPoints, vatRateId: rate.vatRateId, netCents, taxCents: taxCents(netCents, rate.rateBasisPoints) };
  });
  const netCents = perRate.reduce((sum, r) => sum + r.netCents, 0);
  const tax = perRate.reduce((sum, r) => sum + r.taxCents, 0);
  return { lineNetCents: lineNet, perRate, netCents, taxCents: tax, grossCents: netCents + tax };
}

/** The categories the non-optional lines use (whose rates a calculation needs). */
export function categoriesOf(lines: readonly Pick<AmountLine, 'vatCategory' | 'optional'>[]): VatCategory[] {
  return [...new Set(lines.filter((l) => !l.optional).map((l) => l.vatCategory))];
}

/** "19" / "7" / "0" / "5.5": a rate in basis points as a percent decimal string. */
export function ratePercent(rateBasisPoints: number): string {
  return new D(rateBasisPoints).dividedBy(100).toString();
}

/** The quantity negated as a decimal string (cancellation lines). */
export function negateQuantity(quantity: string): string {
  return new D(quantity).negated().toString();
}
