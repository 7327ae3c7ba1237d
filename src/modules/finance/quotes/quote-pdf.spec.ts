import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LETTERHEAD, DEFAULT_TEMPLATE_BLOCKS } from '../../documents/pdf/default-templates';
import { composePdf } from '../../documents/pdf/pdf-composer';
import { calculateQuote, checkLines, QuoteLineInput } from './quote-lines.rules';
import { quotePdfData } from './quote-pdf';
import type { Quote, QuoteVersion } from './quotes.schema';

const work = mkdtempSync(join(tmpdir(), 'renewa-quote-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function textOf(bytes: Buffer, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
}

const RATES = [
  { category: 'standard' as const, rateBasisPoints: 1900, vatRateId: 'r19' },
  { category: 'zero_pv' as const, rateBasisPoints: 0, vatRateId: 'r0' },
];
const text = (de: string, en: string) => ({ de, en });
const LINES: QuoteLineInput[] = [
  { kind: 'section', lineType: 'normal', text: text('Photovoltaik', 'Photovoltaics'), product: null },
  { kind: 'item', lineType: 'normal', text: text('PV-Module 430 Wp', 'PV modules 430 Wp'), product: null, quantity: '20', unit: 'piece', unitPriceCents: 18_900, vatCategory: 'zero_pv' },
  { kind: 'section', lineType: 'normal', text: text('Beratung', 'Consulting'), product: null },
  { kind: 'item', lineType: 'normal', text: text('Energieberatung', 'Energy consultation'), product: null, quantity: '6.5', unit: 'hour', unitPriceCents: 9_500, discountCents: 250, vatCategory: 'standard' },
  { kind: 'item', lineType: 'optional', text: text('Wallbox', 'Wallbox'), product: null, quantity: '1', unit: 'piece', unitPriceCents: 99_000, vatCategory: 'standard' },
];

function fixture(language: 'de' | 'en', revision: number) {
  const checked = checkLines(LINES);
  if (!checked.ok) throw new Error('lines');
  const calculated = calculateQuote(checked.lines, RATES, '2026-12-01');
  const version = {
    revision,
    language,
    validUntil: '2026-12-31',
    recipient: { contactId: 'c', companyId: null, name: 'Maria Schmidt', contactName: null, street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin', countryCode: null, email: null },
    subject: 'Photovoltaik und Beratung',
    notes: null,
    fundingClause: true,
    fundingProgramme: 'BEG EM (KfW 458)',
    ...calculated,
  } as unknown as QuoteVersion;
  const quote = { number: 'A-2026-000123' } as Quote;
  return quotePdfData({ quote, version, documentDate: '2026-12-01', projectNumber: 'P-2026-00042', settings: null });
}

describe('quote PDF', () => {
  it('prints number, version, lines, totals per rate, the §12(3) note and the funding clause (German)', async () => {
    const data = fixture('de', 2);
    const { bytes } = await composePdf('quote', 'de', data, { blocks: DEFAULT_TEMPLATE_BLOCKS.quote.de, letterhead: DEFAULT_LETTERHEAD });
    const pdf = textOf(bytes, 'quote-de');
    expect(pdf).toContain('A-2026-000123');
    expect(pdf).toContain('(Version 2)');
    expect(pdf).toContain('P-2026-00042');
    expect(pdf).toMatch(/Gültig bis\s+31\.12\.2026/);
    // 20 × 189,00 € = 3.780,00 €; 6,5 × 95,00 € − 2,50 € = 615,00 €; the optional wallbox is shown, not summed.
    expect(pdf).toMatch(/3\.780,00 €/);
    expect(pdf).toMatch(/615,00 €/);
    expect(pdf).toContain('Optional: Wallbox');
    expect(pdf).toMatch(/Optionale und alternative Positionen sind nicht in der Summe\s+enthalten/);
    expect(pdf).toMatch(/990,00 €/);
    expect(pdf).toMatch(/Summe netto\s+4\.395,00 €/);
    expect(pdf).toMatch(/zzgl\. 19 % USt\. auf 615,00 €\s+116,85 €/);
    expect(pdf).toMatch(/zzgl\. 0 % USt\. auf 3\.780,00 €\s+0,00 €/);
    expect(pdf).toMatch(/Gesamtbetrag\s+4\.511,85 €/);
    expect(pdf).toContain('§ 12 Abs. 3 UStG');
    expect(pdf).toContain('BEG EM (KfW 458)');
    expect(pdf).toContain('Photovoltaik');
  });

  it('prints the English quote in English, without the clause block when none is offered', async () => {
    const data = { ...fixture('en', 1), legalNotes: ['vat_zero_rate' as const], funding: null };
    const { bytes } = await composePdf('quote', 'en', data, { blocks: DEFAULT_TEMPLATE_BLOCKS.quote.en, letterhead: DEFAULT_LETTERHEAD });
    const pdf = textOf(bytes, 'quote-en');
    expect(pdf).toContain('A-2026-000123');
    expect(pdf).not.toContain('(version');
    expect(pdf).toContain('Optional: Wallbox');
    expect(pdf).toMatch(/Optional and alternative items are not included in the\s+total/);
    expect(pdf).toContain('Section 12(3)');
    expect(pdf).not.toContain('KfW 458');
  });

  it('names the clause and the zero rate only when they apply', () => {
    const data = fixture('de', 1);
    expect(data.legalNotes).toEqual(['vat_zero_rate', 'funding_clause']);
    expect(data.funding).toEqual({ programme: 'BEG EM (KfW 458)', applicationNumber: null });
    expect(data.lines.map((l) => [l.position, l.vatRateBasisPoints])).toEqual([
      ['1.1', 0],
      ['2.1', 1900],
      ['2.2', 1900],
    ]);
    expect(data.lines[0].description).toBe('Photovoltaik\nPV-Module 430 Wp');
  });
});
