/** The VAT categories a line can carry; the rate of each is dated reference data (vat_rates). */
export const VAT_CATEGORIES = ['standard', 'reduced', 'zero_pv', 'exempt'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];
