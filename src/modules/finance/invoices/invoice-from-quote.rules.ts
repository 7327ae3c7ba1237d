import Decimal from 'decimal.js';
import type { LocalizedText } from '@libs/shared';
import type { StoredQuoteLine, StoredQuoteTotals } from '../quotes/quotes.schema';
import type { ProductUnit } from '../shared/finance-enums.schema';
import type { VatCategory } from '../shared/vat-category';
import type { InvoiceLineInputDto } from './invoice-line.dto';

const RATE_LABEL = (bp: number) => `${new Decimal(bp).dividedBy(100).toString()} %`;

/**
 * The lines of a final invoice from the accepted quote version: its items except optional and
 * alternative ones (not ordered), as entered — product, text, quantity, unit, price, discount, VAT
 * category. Sections carry no amounts and are left out.
 */
export function finalInvoiceLines(lines: readonly StoredQuoteLine[]): InvoiceLineInputDto[] {
  return lines
    .filter((l) => l.kind === 'item' && l.lineType === 'normal' && l.quantity !== null && l.unitPriceCents !== null && l.vatCategory !== null)
    .map((l) => ({
      productId: l.product?.productId ?? null,
      text: l.text,
      quantity: l.quantity!,
      unit: (l.unit ?? 'flat') as ProductUnit,
      unitPriceCents: l.unitPriceCents!,
      discountCents: l.discountCents ?? 0,
      vatCategory: l.vatCategory as VatCategory,
    }));
}

/**
 * The lines of a down payment invoice over a share of the quote: `percentBasisPoints` of it (3000
 * = 30 %) or `grossCents` of its gross total; one flat line per VAT rate of the quote with that
 * share of the rate's net (half-up to cents), so the down payment carries the quote's VAT split.
 */
export function downPaymentLines(
  quote: { number: string; totals: StoredQuoteTotals; totalGrossCents: number },
  share: { percentBasisPoints?: number; grossCents?: number },
): InvoiceLineInputDto[] {
  const fraction =
    share.percentBasisPoints !== undefined ? new Decimal(share.percentBasisPoints).dividedBy(10_000) : new Decimal(share.grossCents ?? 0).dividedBy(quote.totalGrossCents || 1);
  const percent = fraction.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString();
  return quote.totals.perRate
    .filter((r) => r.netCents > 0)
    .map((r) => {
      const text: LocalizedText = {
        de: `Abschlag ${percent} % gemäß Angebot ${quote.number}${quote.totals.perRate.length > 1 ? ` (Anteil ${RATE_LABEL(r.rateBasisPoints)})` : ''}`,
        en: `Down payment ${percent} % as per quote ${quote.number}${quote.totals.perRate.length > 1 ? ` (share at ${RATE_LABEL(r.rateBasisPoints)})` : ''}`,
      };
      return {
        text,
        quantity: '1',
        unit: 'flat' as const,
        unitPriceCents: new Decimal(r.netCents).times(fraction).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber(),
        discountCents: 0,
        vatCategory: r.vatCategory as VatCategory,
      };
    });
}
