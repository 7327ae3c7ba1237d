import { computeTotals, lineNetCents, negateQuantity, ratePercent, taxCents } from './amounts.rules';

const RATES = [
  { category: 'standard' as const, rateBasisPoints: 1900, vatRateId: 'std' },
  { category: 'reduced' as const, rateBasisPoints: 700, vatRateId: 'red' },
  { category: 'zero_pv' as const, rateBasisPoints: 0, vatRateId: 'pv' },
  { category: 'exempt' as const, rateBasisPoints: 0, vatRateId: 'ex' },
];

describe('amount rules', () => {
  it('rounds quantity × price − discount half-up to cents', () => {
    // 0.333 m² × 45.55 € = 15.16815 € → 1516.815 ct → 1517 ct
    expect(lineNetCents({ quantity: '0.333', unitPriceCents: 4555, discountCents: 0 })).toBe(1517);
    // exactly half a cent rounds up: 0.5 × 1 ct = 0.5 → 1
    expect(lineNetCents({ quantity: '0.5', unitPriceCents: 1, discountCents: 0 })).toBe(1);
    // 2.125 × 2 ct = 4.25 → 4
    expect(lineNetCents({ quantity: '2.125', unitPriceCents: 2, discountCents: 0 })).toBe(4);
    // discount subtracted before rounding: 1.005 × 1000 − 50 = 955
    expect(lineNetCents({ quantity: '1.005', unitPriceCents: 1000, discountCents: 50 })).toBe(955);
  });

  it('rounds ties away from zero for negated (cancellation) lines, mirroring the original', () => {
    expect(lineNetCents({ quantity: '-0.333', unitPriceCents: 4555, discountCents: 0 })).toBe(-1517);
    expect(lineNetCents({ quantity: '-0.5', unitPriceCents: 1, discountCents: 0 })).toBe(-1);
    expect(negateQuantity('0.333')).toBe('-0.333');
  });

  it('is exact where binary floating point is not', () => {
    // 0.1 × 3 in floating point is 0.30000000000000004; 1.015 × 100 is 101.49999999999999
    expect(lineNetCents({ quantity: '1.015', unitPriceCents: 100, discountCents: 0 })).toBe(102);
    expect(lineNetCents({ quantity: '0.1', unitPriceCents: 3, discountCents: 0 })).toBe(0);
    expect(lineNetCents({ quantity: '123456.789', unitPriceCents: 99_999, discountCents: 0 })).toBe(12345555443);
  });

  it('computes tax per rate on the sum of line nets (BR-CO-17), not per line', () => {
    // three lines of 0.333 m² at 0.10 €: each 3.33 ct → 3 ct; sum 9 ct; tax on 9 ct at 19 % = 1.71 → 2 ct
    // (per line: 0.57 → 1 ct each = 3 ct)
    const lines = Array.from({ length: 3 }, () => ({ quantity: '0.333', unitPriceCents: 10, discountCents: 0, vatCategory: 'standard' as const }));
    const totals = computeTotals(lines, RATES);
    expect(totals.lineNetCents).toEqual([3, 3, 3]);
    expect(totals.perRate).toEqual([{ vatCategory: 'standard', rateBasisPoints: 1900, vatRateId: 'std', netCents: 9, taxCents: 2 }]);
    expect(totals.grossCents).toBe(11);
  });

  it('keeps mixed rates apart and leaves optional lines out of the totals', () => {
    const totals = computeTotals(
      [
        { quantity: '12.5', unitPriceCents: 8990, discountCents: 0, vatCategory: 'standard' }, // 112375
        { quantity: '0.333', unitPriceCents: 4555, discountCents: 0, vatCategory: 'reduced' }, // 1517
        { quantity: '1', unitPriceCents: 1_250_000, discountCents: 25_000, vatCategory: 'zero_pv' }, // 1225000
        { quantity: '3', unitPriceCents: 10_000, discountCents: 0, vatCategory: 'standard', optional: true }, // 30000, not counted
        { quantity: '2', unitPriceCents: 333, discountCents: 1, vatCategory: 'standard' }, // 665
      ],
      RATES,
    );
    expect(totals.lineNetCents).toEqual([112375, 1517, 1225000, 30000, 665]);
    expect(totals.perRate).toEqual([
      { vatCategory: 'standard', rateBasisPoints: 1900, vatRateId: 'std', netCents: 113040, taxCents: 21478 }, // 21477.6 → 21478
      { vatCategory: 'reduced', rateBasisPoints: 700, vatRateId: 'red', netCents: 1517, taxCents: 106 }, // 106.19 → 106
      { vatCategory: 'zero_pv', rateBasisPoints: 0, vatRateId: 'pv', netCents: 1225000, taxCents: 0 },
    ]);
    expect(totals.netCents).toBe(113040 + 1517 + 1225000);
    expect(totals.taxCents).toBe(21478 + 106);
    expect(totals.grossCents).toBe(totals.netCents + totals.taxCents);
  });

  it('refuses a category without a rate rather than guessing one', () => {
    expect(() => computeTotals([{ quantity: '1', unitPriceCents: 1, discountCents: 0, vatCategory: 'exempt' }], [])).toThrow(/exempt/);
  });

  it('rounds tax half-up and renders rates as percent', () => {
    expect(taxCents(50, 1900)).toBe(10); // 9.5 → 10
    expect(taxCents(-50, 1900)).toBe(-10);
    expect(taxCents(1517, 700)).toBe(106);
    expect(ratePercent(1900)).toBe('19');
    expect(ratePercent(550)).toBe('5.5');
    expect(ratePercent(0)).toBe('0');
  });
});
