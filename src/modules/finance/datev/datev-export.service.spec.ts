import { AppError } from '@libs/http';
import { parse } from 'csv-parse/sync';
import { decode } from 'iconv-lite';
import {
  cancellationOf,
  downPaymentInvoice,
  finalInvoiceWithDownPayment,
  mixedRatesInvoice,
  standardInvoice,
} from '../einvoice/testing/sample-invoice-documents';
import { DatevExportService } from './datev-export.service';
import { datevInvoiceFromDocument, type DatevExportInput, type DatevExportSettings } from './datev-export.types';
import { BUCHUNGSSTAPEL_COLUMNS } from './datev-format';

/** An SKR03 setup as an accountant might configure it (automatic revenue accounts need no tax key). */
const settings: DatevExportSettings = {
  consultantNumber: 29098,
  clientNumber: 55003,
  fiscalYearStart: '01-01',
  accountLength: 4,
  chart: 'SKR03',
  revenueAccounts: [
    { vatCategory: 'S', vatRatePercent: '19', account: '8400', downPaymentAccount: '1718', downPaymentTaxKey: '3' },
    { vatCategory: 'S', vatRatePercent: '7', account: '8300' },
    { vatCategory: 'Z', vatRatePercent: '0', account: '8337', taxKey: '0', downPaymentAccount: '1710' },
    { vatCategory: 'E', vatRatePercent: '0', account: '8100' },
  ],
  receivablesAccount: '1400',
  bankAccount: '1200',
  paymentAccounts: { cash: '1000' },
  dictationCode: 'RN',
  exportedBy: 'Anna Buchhalter',
};

const service = new DatevExportService();
const createdAt = new Date('2026-12-01T13:04:05.678Z');

function exportOf(overrides: Partial<DatevExportInput> = {}): DatevExportInput {
  return { settings, period: { from: '2026-10-01', to: '2026-12-31' }, invoices: [], payments: [], createdAt, ...overrides };
}

function rows(buffer: Buffer): string[][] {
  return parse(decode(buffer, 'win1252'), { delimiter: ';', relax_column_count: true, record_delimiter: '\r\n' }) as string[][];
}

function problemPaths(input: DatevExportInput): string[] {
  try {
    service.buchungsstapel(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).getStatus()).toBe(422);
    return ((error as AppError).errors ?? []).map((e) => `${e.path}: ${e.message}`);
  }
  throw new Error('expected a 422');
}

const col = (name: string) => BUCHUNGSSTAPEL_COLUMNS.indexOf(name);

describe('DATEV Buchungsstapel: header and column lines', () => {
  const file = service.buchungsstapel(exportOf({ invoices: [datevInvoiceFromDocument(standardInvoice())] }));
  const text = decode(file, 'win1252');
  const [header, columns] = rows(file);

  it('writes the documented EXTF header fields at their positions', () => {
    expect(header).toHaveLength(31);
    expect(header.slice(0, 5)).toEqual(['EXTF', '700', '21', 'Buchungsstapel', '13']);
    expect(header[5]).toBe('20261201140405678'); // Erzeugt am, Europe/Berlin, to the millisecond
    expect(header[7]).toBe('RE');
    expect(header[8]).toBe('Anna Buchhalter');
    expect(header.slice(10, 16)).toEqual(['29098', '55003', '20260101', '4', '20261001', '20261231']);
    expect(header[16]).toBe('Rechnungsausgang');
    expect(header[17]).toBe('RN');
    expect(header.slice(18, 22)).toEqual(['1', '0', '0', 'EUR']);
    expect(header[26]).toBe('03');
  });

  it('quotes text fields (also empty ones) and leaves numbers unquoted, lines end in CRLF', () => {
    const firstLine = text.split('\r\n')[0];
    expect(firstLine).toBe(
      '"EXTF";700;21;"Buchungsstapel";13;20261201140405678;;"RE";"Anna Buchhalter";"";29098;55003;20260101;4;20261001;20261231;"Rechnungsausgang";"RN";1;0;0;"EUR";;"";;;"03";;;"";""',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('has the 125 documented columns of format version 13', () => {
    expect(columns).toHaveLength(125);
    expect(columns.slice(0, 14)).toEqual([
      'Umsatz (ohne Soll/Haben-Kz)', 'Soll/Haben-Kennzeichen', 'WKZ Umsatz', 'Kurs', 'Basis-Umsatz', 'WKZ Basis-Umsatz', 'Konto',
      'Gegenkonto (ohne BU-Schlüssel)', 'BU-Schlüssel', 'Belegdatum', 'Belegfeld 1', 'Belegfeld 2', 'Skonto', 'Buchungstext',
    ]);
    expect(columns[114]).toBe('Leistungsdatum');
    expect(columns[124]).toBe('Abw. Skontokonto');
  });

  it('derives the fiscal year start of the period from the settings', () => {
    const shifted = rows(service.buchungsstapel(exportOf({ settings: { ...settings, fiscalYearStart: '07-01' } })))[0];
    expect(shifted[12]).toBe('20260701');
    const early = rows(service.buchungsstapel(exportOf({ settings: { ...settings, fiscalYearStart: '07-01' }, period: { from: '2026-03-01', to: '2026-03-31' } })))[0];
    expect(early[12]).toBe('20250701');
  });
});

describe('DATEV Buchungsstapel: bookings', () => {
  it('one booking per VAT rate of an invoice: gross on receivables against the revenue account', () => {
    const doc = mixedRatesInvoice();
    const [, , ...bookings] = rows(service.buchungsstapel(exportOf({ invoices: [datevInvoiceFromDocument(doc)] })));
    expect(bookings).toHaveLength(3);
    const pick = (r: string[]) => [r[0], r[1], r[2], r[col('Konto')], r[col('Gegenkonto (ohne BU-Schlüssel)')], r[col('BU-Schlüssel')], r[col('Belegdatum')], r[col('Belegfeld 1')]];
    const gross = doc.vatBreakdown.map((v) => v.taxableCents + v.taxCents);
    const amount = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
    expect(bookings.map(pick)).toEqual([
      [amount(gross[0]), 'S', 'EUR', '1400', '8400', '', '3011', 'RE-2026-000102'],
      [amount(gross[1]), 'S', 'EUR', '1400', '8300', '', '3011', 'RE-2026-000102'],
      [amount(gross[2]), 'S', 'EUR', '1400', '8337', '0', '3011', 'RE-2026-000102'],
    ]);
    expect(bookings[0][col('Buchungstext')]).toBe('Rechnung RE-2026-000102 Wohnungsbau Müller & Söhne KG');
    expect(bookings[0][col('Leistungsdatum')]).toBe('20112026');
    for (const booking of bookings) expect(booking).toHaveLength(125);
  });

  it('a cancellation books positive amounts with the opposite sign (H)', () => {
    const original = standardInvoice();
    const [, , booking] = rows(service.buchungsstapel(exportOf({ invoices: [datevInvoiceFromDocument(cancellationOf(original))] })));
    expect(booking[0]).toBe('1770,13');
    expect(booking[1]).toBe('H');
    expect(booking[col('Belegfeld 1')]).toBe('RE-2026-000120');
    expect(booking[col('Buchungstext')]).toMatch(/^Stornorechnung RE-2026-000120/);
  });

  it('a down payment invoice books on the down payment accounts; the final invoice clears them per rate', () => {
    const down = downPaymentInvoice();
    const final = finalInvoiceWithDownPayment();
    const [, , ...bookings] = rows(service.buchungsstapel(exportOf({ invoices: [datevInvoiceFromDocument(down), datevInvoiceFromDocument(final)] })));
    const pick = (r: string[]) => [r[0], r[1], r[col('Konto')], r[col('Gegenkonto (ohne BU-Schlüssel)')], r[col('BU-Schlüssel')], r[col('Belegfeld 1')]];
    expect(bookings.map(pick)).toEqual([
      ['446,25', 'S', '1400', '1718', '3', 'RE-2026-000090'],
      ['1576,80', 'S', '1400', '1710', '', 'RE-2026-000090'],
      ['1487,50', 'S', '1400', '8400', '', 'RE-2026-000110'],
      ['5256,00', 'S', '1400', '8337', '0', 'RE-2026-000110'],
      ['446,25', 'H', '1400', '1718', '3', 'RE-2026-000110'],
      ['1576,80', 'H', '1400', '1710', '', 'RE-2026-000110'],
    ]);
    // What stays on the receivable equals the amount due of the two invoices.
    const balance = bookings.reduce((sum, r) => sum + (r[1] === 'S' ? 1 : -1) * Math.round(Number(r[0].replace(',', '.')) * 100), 0);
    expect(balance).toBe(down.totals.dueCents + final.totals.dueCents);
  });

  it('payments: bank (or the method\'s account) against the invoice\'s debtor; a refund is H', () => {
    const invoice = { ...datevInvoiceFromDocument(standardInvoice()), debtorAccount: '10042' };
    const [, , , ...payments] = rows(
      service.buchungsstapel(
        exportOf({
          invoices: [invoice],
          payments: [
            { invoiceNumber: 'RE-2026-000101', date: '2026-12-10', amountCents: 100000, method: 'bank_transfer', reference: 'SEPA 4711' },
            { invoiceNumber: 'RE-2026-000101', date: '2026-12-11', amountCents: 77013, method: 'cash', reference: '' },
            { invoiceNumber: 'RE-2026-000101', date: '2026-12-12', amountCents: -1000, method: 'bank_transfer', reference: 'Erstattung' },
          ],
        }),
      ),
    );
    const pick = (r: string[]) => [r[0], r[1], r[col('Konto')], r[col('Gegenkonto (ohne BU-Schlüssel)')], r[col('BU-Schlüssel')], r[col('Belegdatum')], r[col('Belegfeld 1')], r[col('Buchungstext')]];
    expect(payments.map(pick)).toEqual([
      ['1000,00', 'S', '1200', '10042', '', '1012', 'RE-2026-000101', 'Zahlung RE-2026-000101 SEPA 4711'],
      ['770,13', 'S', '1000', '10042', '', '1112', 'RE-2026-000101', 'Zahlung RE-2026-000101'],
      ['10,00', 'H', '1200', '10042', '', '1212', 'RE-2026-000101', 'Zahlung RE-2026-000101 Erstattung'],
    ]);
  });

  it('amounts: decimal comma, no thousands separator, never a sign', () => {
    const big = { ...datevInvoiceFromDocument(standardInvoice()), vatBreakdown: [{ vatCategory: 'S' as const, vatRatePercent: '19', taxableCents: 123456789, taxCents: 23456789 }] };
    const [, , booking] = rows(service.buchungsstapel(exportOf({ invoices: [big] })));
    expect(booking[0]).toBe('1469135,78');
  });
});

describe('DATEV Buchungsstapel: encoding and field limits', () => {
  it('is Windows-1252: umlauts and ß are single bytes, no UTF-8 sequences', () => {
    const invoice = { ...datevInvoiceFromDocument(standardInvoice()), buyerName: 'Bäckerei Größe' };
    const file = service.buchungsstapel(exportOf({ invoices: [invoice] }));
    expect(file.includes(Buffer.from([0xe4]))).toBe(true); // ä
    expect(file.includes(Buffer.from([0xf6]))).toBe(true); // ö
    expect(file.includes(Buffer.from([0xdf]))).toBe(true); // ß
    expect(file.includes(Buffer.from('ä', 'utf8'))).toBe(false);
    expect(decode(file, 'win1252')).toContain('"Rechnung RE-2026-000101 Bäckerei Größe"');
  });

  it('composes decomposed umlauts before encoding; characters outside Windows-1252 become "?"', () => {
    const invoice = { ...datevInvoiceFromDocument(standardInvoice()), buyerName: 'Mu\u0308ller Łódź' };
    const [, , booking] = rows(service.buchungsstapel(exportOf({ invoices: [invoice] })));
    expect(booking[col('Buchungstext')]).toBe('Rechnung RE-2026-000101 Müller ?ód?');
  });

  it('cuts Buchungstext at 60 characters and doubles quotes inside text', () => {
    const invoice = { ...datevInvoiceFromDocument(standardInvoice()), buyerName: 'Wohnungseigentümergemeinschaft "Am Schlosspark" 12–18, Hinterhaus' };
    const file = service.buchungsstapel(exportOf({ invoices: [invoice] }));
    const [, , booking] = rows(file);
    expect(booking[col('Buchungstext')]).toBe('Rechnung RE-2026-000101 Wohnungseigentümergemeinschaft "Am S');
    expect(booking[col('Buchungstext')]).toHaveLength(60);
    expect(decode(file, 'win1252')).toContain('"Rechnung RE-2026-000101 Wohnungseigentümergemeinschaft ""Am S";');
  });

  it('refuses a Belegfeld 1 with characters DATEV does not allow or longer than 36', () => {
    const bad = { ...datevInvoiceFromDocument(standardInvoice()), number: 'RE_2026 000101' };
    expect(problemPaths(exportOf({ invoices: [bad] }))).toEqual([expect.stringMatching(/^bookings\[0\]\.documentNumber/)]);
    const long = { ...datevInvoiceFromDocument(standardInvoice()), number: `RE-${'1'.repeat(34)}` };
    expect(problemPaths(exportOf({ invoices: [long] }))).toEqual([expect.stringMatching(/^bookings\[0\]\.documentNumber/)]);
    const longest = { ...datevInvoiceFromDocument(standardInvoice()), number: `RE-${'1'.repeat(33)}` };
    expect(() => service.buchungsstapel(exportOf({ invoices: [longest] }))).not.toThrow();
  });

  it('refuses bookings outside the period, a period across fiscal years and missing accounts', () => {
    const invoice = datevInvoiceFromDocument(standardInvoice());
    expect(problemPaths(exportOf({ invoices: [invoice], period: { from: '2026-12-01', to: '2026-12-31' } }))).toEqual([
      expect.stringMatching(/^bookings\[0\]\.documentDate: 2026-11-30/),
    ]);
    expect(problemPaths(exportOf({ period: { from: '2026-12-01', to: '2027-01-31' } }))).toEqual(['period: a DATEV batch must lie within one fiscal year']);
    const exempt = { ...invoice, vatBreakdown: [{ vatCategory: 'AE' as const, vatRatePercent: '0', taxableCents: 1000, taxCents: 0 }] };
    expect(problemPaths(exportOf({ invoices: [exempt] }))).toEqual([expect.stringMatching(/^invoices\[0\]\.vatBreakdown\[0\]: no revenue account/)]);
  });

  it('refuses settings outside the documented ranges and accounts of the wrong length', () => {
    const paths = problemPaths(
      exportOf({ settings: { ...settings, consultantNumber: 999, clientNumber: 100000, accountLength: 9, fiscalYearStart: '13-01', bankAccount: '12000' } }),
    );
    expect(paths.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['settings.consultantNumber', 'settings.clientNumber', 'settings.accountLength', 'settings.fiscalYearStart', 'settings.bankAccount']),
    );
  });
});
