import { vatRates } from '../schema';
import { Seed, seedUuid } from './seed-utils';

/**
 * German VAT rates as dated reference data (§12 UStG). A rate change is a new seed adding a row
 * with its valid_from (and closing the old one), never a code change. 0 % for photovoltaics
 * (§12(3) UStG) applies since 1 Jan 2023.
 */
const RATES = [
  { category: 'standard' as const, rateBasisPoints: 1900, validFrom: '2007-01-01', source: '§12 Abs. 1 UStG (19 % seit 1.1.2007)', invoiceNote: null },
  { category: 'reduced' as const, rateBasisPoints: 700, validFrom: '1983-07-01', source: '§12 Abs. 2 UStG (7 %)', invoiceNote: null },
  {
    category: 'zero_pv' as const,
    rateBasisPoints: 0,
    validFrom: '2023-01-01',
    source: '§12 Abs. 3 UStG (Nullsteuersatz für Photovoltaikanlagen seit 1.1.2023), BMF-Schreiben vom 27.2.2023',
    invoiceNote: 'Steuersatz 0 % gemäß § 12 Abs. 3 UStG (Lieferung und Installation einer Photovoltaikanlage)',
  },
  { category: 'exempt' as const, rateBasisPoints: 0, validFrom: '1980-01-01', source: '§4 UStG (steuerfreie Umsätze)', invoiceNote: 'Steuerfreie Leistung gemäß § 4 UStG' },
];

export const vatRatesSeed: Seed = {
  key: 'finance.vat-rates',
  description: 'VAT rates 19 % / 7 % / 0 % PV (§12(3) UStG) / exempt as dated reference data',
  run: async ({ db }) => {
    await db
      .insert(vatRates)
      .values(RATES.map((r) => ({ id: seedUuid('products', `vat-rate:${r.category}:${r.validFrom}`), ...r, validTo: null })))
      .onConflictDoNothing();
  },
};
