import { calculateQuote, categoriesOfItems, checkLines, QuoteLineInput } from './quote-lines.rules';

const text = (de: string) => ({ de, en: de });
const RATES = [
  { category: 'standard' as const, rateBasisPoints: 1900, vatRateId: 'rate-19' },
  { category: 'zero_pv' as const, rateBasisPoints: 0, vatRateId: 'rate-0-pv' },
];
const item = (fields: Partial<QuoteLineInput>): QuoteLineInput => ({ kind: 'item', lineType: 'normal', text: text('Position'), product: null, unit: 'm2', vatCategory: 'standard', discountCents: 0, ...fields });
const section = (title: string): QuoteLineInput => ({ kind: 'section', lineType: 'normal', text: text(title), product: null });

function checked(lines: QuoteLineInput[]) {
  const result = checkLines(lines);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.lines;
}

describe('quote lines and totals', () => {
  it('prices awkward quantities half-up, sums per rate and leaves optional and alternative lines out', () => {
    const lines = checked([
      section('Dach'),
      item({ quantity: '0.333', unitPriceCents: 12_345 }), // 4110.885 → 4111
      item({ quantity: '2.5', unitPriceCents: 999, discountCents: 100 }), // 2497.5 − 100 = 2397.5 → 2398
      item({ quantity: '3', unitPriceCents: 5_000, lineType: 'optional' }),
      item({ quantity: '1', unitPriceCents: 7_000, lineType: 'alternative' }),
      section('Photovoltaik'),
      item({ quantity: '1', unitPriceCents: 1_000_000, unit: 'kwp', vatCategory: 'zero_pv' }),
    ]);
    const quote = calculateQuote(lines, RATES, '2026-12-01');
    expect(quote.lines.map((l) => [l.position, l.netCents])).toEqual([
      ['1', null],
      ['1.1', 4111],
      ['1.2', 2398],
      ['1.3', 15_000],
      ['1.4', 7_000],
      ['2', null],
      ['2.1', 1_000_000],
    ]);
    expect(quote.totals).toEqual({
      ratesOn: '2026-12-01',
      rates: [
        { vatCategory: 'standard', rateBasisPoints: 1900, vatRateId: 'rate-19' },
        { vatCategory: 'zero_pv', rateBasisPoints: 0, vatRateId: 'rate-0-pv' },
      ],
      perRate: [
        { vatCategory: 'standard', rateBasisPoints: 1900, vatRateId: 'rate-19', netCents: 6509, taxCents: 1237 }, // 1236.71
        { vatCategory: 'zero_pv', rateBasisPoints: 0, vatRateId: 'rate-0-pv', netCents: 1_000_000, taxCents: 0 },
      ],
    });
    expect([quote.totalNetCents, quote.totalTaxCents, quote.totalGrossCents]).toEqual([1_006_509, 1237, 1_007_746]);
  });

  it('taxes the sum of a rate, not each line (three lines of 2 cents: 1 cent, not 0)', () => {
    const quote = calculateQuote(checked([item({ quantity: '1', unitPriceCents: 2 }), item({ quantity: '1', unitPriceCents: 2 }), item({ quantity: '1', unitPriceCents: 2 })]), RATES, '2026-12-01');
    expect(quote.totalTaxCents).toBe(1);
  });

  it('needs the rates of every item, optional ones too, but not of section titles', () => {
    const lines = checked([section('A'), item({ quantity: '1', unitPriceCents: 1 }), item({ quantity: '1', unitPriceCents: 1, vatCategory: 'reduced', lineType: 'optional' })]);
    expect(categoriesOfItems(lines)).toEqual(['standard', 'reduced']);
  });

  it('takes unit, price and VAT category from the product when the line leaves them out', () => {
    const product = { productId: 'p1', sku: 'PV-MOD', name: text('Modul'), kind: 'material', unit: 'piece', unitPriceCents: 25_000, vatCategory: 'zero_pv' };
    const [line] = checked([{ kind: 'item', lineType: 'normal', text: text('Modul 430 Wp'), product, quantity: '12' }]);
    expect(line).toMatchObject({ unit: 'piece', unitPriceCents: 25_000, vatCategory: 'zero_pv', quantity: '12', discountCents: 0 });
  });

  it('names what is wrong with each line', () => {
    const result = checkLines([
      { kind: 'item', lineType: 'normal', text: text('ohne Preis'), product: null, quantity: '1' },
      { kind: 'section', lineType: 'optional', text: text('Titel'), product: null, quantity: '1' },
      item({ quantity: '1', unitPriceCents: 100, discountCents: 101 }),
      item({ quantity: '0', unitPriceCents: 100 }),
      item({ quantity: '999999999.999', unitPriceCents: 1_000_000_000 }),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      'lines[0].unit',
      'lines[0].unitPriceCents',
      'lines[0].vatCategory',
      'lines[1].quantity',
      'lines[1].lineType',
      'lines[2].discountCents',
      'lines[3].quantity',
      'lines[4].quantity',
      'lines[0].kind',
    ]);
  });
});
