import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LETTERHEAD, DEFAULT_TEMPLATE_BLOCKS } from './default-templates';
import { PDF_KINDS, PDF_LANGUAGES, PdfKind, PdfLanguage } from './pdf-data';
import { composePdf } from './pdf-composer';
import { SAMPLE_DATA } from './sample-data';

/**
 * Every seeded template in both languages, rendered with the sample data: the text poppler
 * extracts must carry the numbers, totals and legal notes, and the same input must give the same
 * bytes. PNGs of each first page go to test-artifacts/pdf (gitignored) for looking at.
 */
const ARTIFACTS = join(__dirname, '../../../../test-artifacts/pdf');
const work = mkdtempSync(join(tmpdir(), 'renewa-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function render(kind: PdfKind, language: PdfLanguage) {
  return composePdf(kind, language, SAMPLE_DATA[kind], { blocks: DEFAULT_TEMPLATE_BLOCKS[kind][language], letterhead: DEFAULT_LETTERHEAD });
}

function textOf(bytes: Buffer, name: string): string {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(ARTIFACTS, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
}

function fontsOf(bytes: Buffer, name: string): string {
  const file = join(work, `${name}-fonts.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

describe('seeded PDF templates', () => {
  it.each(PDF_KINDS.flatMap((kind) => PDF_LANGUAGES.map((language) => [kind, language] as const)))('%s (%s) renders with embedded fonts', async (kind, language) => {
    const { bytes } = await render(kind, language);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = textOf(bytes, `${kind}-${language}`);
    expect(text).toContain('Renewa Energieberatung GmbH');
    expect(text).toContain('Familie Müller');
    const fonts = fontsOf(bytes, `${kind}-${language}`);
    expect(fonts).toMatch(/DejaVuSans/);
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/ yes /);
  });

  it('prints a German quote with lines, totals per VAT rate, legal notes and umlauts', async () => {
    const text = textOf((await render('quote', 'de')).bytes, 'quote-de-check');
    expect(text).toMatch(/Angebot Nr\. AN-2026-0042 – Energieberatung und Photovoltaik/);
    expect(text).toMatch(/Gültig bis\s+31\.12\.2026/);
    expect(text).toMatch(/1\.800,00 €/);
    expect(text).toMatch(/617,50 €/);
    expect(text).toMatch(/6,5/);
    expect(text).toMatch(/Summe netto\s+20\.907,50 €/);
    expect(text).toMatch(/zzgl\. 19 % USt\. auf 2\.417,50 €\s+459,33 €/);
    expect(text).toMatch(/zzgl\. 0 % USt\. auf 18\.490,00 €\s+0,00 €/);
    expect(text).toMatch(/Gesamtbetrag\s+21\.366,83 €/);
    expect(text).toContain('§ 12 Abs. 3 UStG');
    expect(text).toContain('Antrag EBW-2026-123456');
    expect(text).toContain('Lindenstraße 7');
    expect(text).toMatch(/vielen\s+Dank\s+für\s+Ihre\s+Anfrage/);
    expect(text).not.toContain('§ 19 UStG');
    expect(text).toMatch(/Seite 1 von 2/);
    expect(text).toMatch(/Seite 2 von 2/);
  });

  it('prints an English invoice with due date, retention note and total', async () => {
    const text = textOf((await render('invoice', 'en')).bytes, 'invoice-en-check');
    expect(text).toContain('Invoice no. RE-2026-0107');
    expect(text).toMatch(/Due date\s+12 December 2026/);
    expect(text).toMatch(/Total amount\s+€2,876\.83/);
    expect(text).toMatch(/plus 19% VAT on €2,417\.50\s+€459\.33/);
    expect(text).toMatch(/keep\s+this\s+invoice\s+for\s+two\s+years/);
    expect(text).toMatch(/in\s+accordance\s+with\s+our\s+quote\s+no\.\s+AN-2026-0042/);
  });

  it('prints a cancellation with negative amounts referring to the invoice', async () => {
    const text = textOf((await render('cancellation', 'de')).bytes, 'cancellation-de-check');
    expect(text).toContain('Stornorechnung Nr. ST-2026-0003 zur Rechnung Nr. RE-2026-0107');
    expect(text).toMatch(/Gesamtbetrag\s+-2\.142,00 €/);
    expect(text).toMatch(/zwei\s+Jahre\s+lang\s+aufzubewahren/);
  });

  it('prints the checklist of a document request and the appointment time in Berlin time', async () => {
    const request = textOf((await render('document_request', 'de')).bytes, 'document_request-de-check');
    expect(request).toContain('Grundrisse aller Geschosse *');
    expect(request).toContain('https://portal.renewa.example/upload/3f9c1e7a');
    expect(request).toMatch(/bis\s+zum\s+04\.12\.2026/);
    const appointment = textOf((await render('appointment_confirmation', 'de')).bytes, 'appointment-de-check');
    expect(appointment).toMatch(/Donnerstag, 03\.12\.2026, 09:00–11:30 Uhr/);
  });

  it('gives the same bytes for the same data and template, and different bytes for other data', async () => {
    const first = await render('invoice', 'de');
    const second = await render('invoice', 'de');
    expect(second.sha256).toBe(first.sha256);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const other = await composePdf('invoice', 'de', { ...SAMPLE_DATA.invoice, number: 'RE-2026-0108' }, { blocks: DEFAULT_TEMPLATE_BLOCKS.invoice.de, letterhead: DEFAULT_LETTERHEAD });
    expect(other.sha256).not.toBe(first.sha256);
  });

  it('escapes data: markup in a customer name prints literally', async () => {
    const data = { ...SAMPLE_DATA.letter, subject: '**Wichtig** {{ letterhead.iban }}' };
    const text = textOf((await composePdf('letter', 'de', data, { blocks: DEFAULT_TEMPLATE_BLOCKS.letter.de, letterhead: DEFAULT_LETTERHEAD })).bytes, 'letter-escape');
    expect(text).toContain('**Wichtig** {{ letterhead.iban }}');
  });
});
