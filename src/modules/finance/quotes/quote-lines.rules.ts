import type { FieldError } from '@libs/http';
import type { LocalizedText } from '@libs/shared';
import { AppliedVatRate, categoriesOf, computeTotals, lineNetCents } from '../shared/amounts.rules';
import type { VatCategory } from '../shared/vat-category';
import { countsInTotal, positionNumbers, QuoteLineKind, QuoteLineType } from './quote.rules';
import type { QuoteProductSnapshot, StoredQuoteLine, StoredQuoteTotals } from './quotes.schema';

/** A line as the request gives it, with the product's values filled in where the request left them out. */
export interface QuoteLineInput {
  kind: QuoteLineKind;
  lineType: QuoteLineType;
  text: LocalizedText;
  product: QuoteProductSnapshot | null;
  quantity?: string | null;
  unit?: string | null;
  unitPriceCents?: number | null;
  discountCents?: number | null;
  vatCategory?: VatCategory | null;
}

/** A line whose amounts are complete (items) or absent (sections). */
export type CheckedQuoteLine = Omit<StoredQuoteLine, 'netCents' | 'position'>;

/** A line's amount at most €10 billion: 200 such lines still sum to an exact integer in JavaScript and in bigint columns. */
export const MAX_LINE_NET_CENTS = 1_000_000_000_000;

const AMOUNT_FIELDS = ['quantity', 'unit', 'unitPriceCents', 'discountCents', 'vatCategory'] as const;

/**
 * The lines with their defaults, or what is wrong with them (field paths `lines[i].…`): a section
 * title carries no amounts; an item needs quantity, unit, unit price and VAT category (from the
 * request or its product); the quantity is positive; a discount may not exceed the line's amount,
 * which is at most €10 billion; a quote with section titles starts with one.
 */
export function checkLines(lines: readonly QuoteLineInput[]): { ok: true; lines: CheckedQuoteLine[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const checked = lines.map((line, i): CheckedQuoteLine => {
    const path = (field: string) => `lines[${i}].${field}`;
    if (line.kind === 'section') {
      for (const field of AMOUNT_FIELDS) if (line[field] !== undefined && line[field] !== null) errors.push({ path: path(field), message: `a section title has no ${field}` });
      if (line.product) errors.push({ path: path('productId'), message: 'a section title has no product' });
      if (line.lineType !== 'normal') errors.push({ path: path('lineType'), message: 'a section title is neither optional nor alternative' });
      return { kind: 'section', lineType: 'normal', text: line.text, product: null, quantity: null, unit: null, unitPriceCents: null, discountCents: null, vatCategory: null };
    }
    const quantity = line.quantity ?? (line.product ? '1' : null);
    const unit = line.unit ?? line.product?.unit ?? null;
    const unitPriceCents = line.unitPriceCents ?? line.product?.unitPriceCents ?? null;
    const vatCategory = line.vatCategory ?? (line.product?.vatCategory as VatCategory | undefined) ?? null;
    const discountCents = line.discountCents ?? 0;
    for (const [field, value] of [['quantity', quantity], ['unit', unit], ['unitPriceCents', unitPriceCents], ['vatCategory', vatCategory]] as const) {
      if (value === null) errors.push({ path: path(field), message: `${field} is required for an item without a product` });
    }
    if (quantity !== null && Number(quantity) <= 0) errors.push({ path: path('quantity'), message: 'quantity must be greater than 0' });
    if (quantity !== null && unitPriceCents !== null) {
      const net = lineNetCents({ quantity, unitPriceCents, discountCents });
      if (net < 0) errors.push({ path: path('discountCents'), message: 'the discount may not exceed quantity × unit price' });
      if (net > MAX_LINE_NET_CENTS) errors.push({ path: path('quantity'), message: 'quantity × unit price may not exceed €10 billion' });
    }
    return { kind: 'item', lineType: line.lineType, text: line.text, product: line.product, quantity, unit, unitPriceCents, discountCents, vatCategory };
  });
  const positions = positionNumbers(lines.map((l) => l.kind));
  if (!positions.ok) errors.push({ path: `lines[${positions.index}].kind`, message: 'a quote with section titles starts with a section title' });
  return errors.length ? { ok: false, errors } : { ok: true, lines: checked };
}

/** The VAT categories of all items, optional ones too: each printed line shows its rate. */
export function categoriesOfItems(lines: readonly CheckedQuoteLine[]): VatCategory[] {
  return categoriesOf(lines.filter(isItem).map((l) => ({ vatCategory: l.vatCategory as VatCategory })));
}

export interface CalculatedQuote {
  lines: StoredQuoteLine[];
  totals: StoredQuoteTotals;
  totalNetCents: number;
  totalTaxCents: number;
  totalGrossCents: number;
}

/**
 * Positions, line nets and totals through the finance amount rules: line net = quantity × unit
 * price − discount (half-up to cents); per VAT rate the tax on the sum of its line nets; optional
 * and alternative lines priced but not summed.
 */
export function calculateQuote(lines: readonly CheckedQuoteLine[], rates: readonly AppliedVatRate[], ratesOn: string): CalculatedQuote {
  const positions = positionNumbers(lines.map((l) => l.kind));
  if (!positions.ok) throw new RangeError('unchecked quote lines: an item before the first section title');
  const items = lines.filter(isItem);
  const amounts = computeTotals(
    items.map((l) => ({ quantity: l.quantity as string, unitPriceCents: l.unitPriceCents as number, discountCents: l.discountCents ?? 0, vatCategory: l.vatCategory as VatCategory, optional: !countsInTotal(l) })),
    rates,
  );
  let item = 0;
  const stored = lines.map((line, i): StoredQuoteLine => ({ ...line, position: positions.positions[i], netCents: isItem(line) ? amounts.lineNetCents[item++] : null }));
  return {
    lines: stored,
    totals: { ratesOn, rates: rates.map((r) => ({ vatCategory: r.category, rateBasisPoints: r.rateBasisPoints, vatRateId: r.vatRateId })), perRate: amounts.perRate.map((r) => ({ ...r })) },
    totalNetCents: amounts.netCents,
    totalTaxCents: amounts.taxCents,
    totalGrossCents: amounts.grossCents,
  };
}

function isItem(line: CheckedQuoteLine): boolean {
  return line.kind === 'item';
}
