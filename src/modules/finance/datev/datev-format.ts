import type { FieldError } from '@libs/http';
import { DateTime } from 'luxon';
import type { DatevBooking } from './datev-bookings.rules';
import type { DatevExportInput } from './datev-export.types';

/** A field of the CSV: text is always quoted (also when empty), numbers and dates never. */
export type DatevField = { text: string } | { plain: string } | null;

const text = (value: string | undefined, max?: number): DatevField => ({ text: (max ? (value ?? '').slice(0, max) : (value ?? '')).replace(/[\r\n\t]+/g, ' ') });
const plain = (value: string | number): DatevField => ({ plain: String(value) });

export const BUCHUNGSSTAPEL = { kennzeichen: 'EXTF', version: 700, category: 21, name: 'Buchungsstapel', formatVersion: 13 } as const;
export const BUCHUNGSTEXT_MAX = 60;

/** The 125 columns of the Buchungsstapel (format version 13), in their documented order. */
export const BUCHUNGSSTAPEL_COLUMNS: readonly string[] = [
  'Umsatz (ohne Soll/Haben-Kz)', 'Soll/Haben-Kennzeichen', 'WKZ Umsatz', 'Kurs', 'Basis-Umsatz', 'WKZ Basis-Umsatz', 'Konto',
  'Gegenkonto (ohne BU-Schlüssel)', 'BU-Schlüssel', 'Belegdatum', 'Belegfeld 1', 'Belegfeld 2', 'Skonto', 'Buchungstext',
  'Postensperre', 'Diverse Adressnummer', 'Geschäftspartnerbank', 'Sachverhalt', 'Zinssperre', 'Beleglink',
  ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((n) => [`Beleginfo - Art ${n}`, `Beleginfo - Inhalt ${n}`]),
  'KOST1 - Kostenstelle', 'KOST2 - Kostenstelle', 'Kost-Menge', 'EU-Land u. UStID (Bestimmung)', 'EU-Steuersatz (Bestimmung)',
  'Abw. Versteuerungsart', 'Sachverhalt L+L', 'Funktionsergänzung L+L', 'BU 49 Hauptfunktionstyp', 'BU 49 Hauptfunktionsnummer',
  'BU 49 Funktionsergänzung',
  ...Array.from({ length: 20 }, (_, i) => [`Zusatzinformation - Art ${i + 1}`, `Zusatzinformation - Inhalt ${i + 1}`]).flat(),
  'Stück', 'Gewicht', 'Zahlweise', 'Forderungsart', 'Veranlagungsjahr', 'Zugeordnete Fälligkeit', 'Skontotyp', 'Auftragsnummer',
  'Buchungstyp', 'USt-Schlüssel (Anzahlungen)', 'EU-Mitgliedstaat (Anzahlungen)', 'Sachverhalt L+L (Anzahlungen)',
  'EU-Steuersatz (Anzahlungen)', 'Erlöskonto (Anzahlungen)', 'Herkunft-Kz', 'Buchungs GUID', 'KOST-Datum', 'SEPA-Mandatsreferenz',
  'Skontosperre', 'Gesellschaftername', 'Beteiligtennummer', 'Identifikationsnummer', 'Zeichnernummer', 'Postensperre bis',
  'Bezeichnung SoBil-Sachverhalt', 'Kennzeichen SoBil-Buchung', 'Festschreibung', 'Leistungsdatum', 'Datum Zuord. Steuerperiode',
  'Fälligkeit', 'Generalumkehr (GU)', 'Steuersatz', 'Land', 'Abrechnungsreferenz', 'BVV-Position', 'EU-Land u. UStID (Ursprung)',
  'EU-Steuersatz (Ursprung)', 'Abw. Skontokonto',
];

const column = (name: string) => BUCHUNGSSTAPEL_COLUMNS.indexOf(name);

/** Cents as DATEV writes an amount: decimal comma, no thousands separator, no sign. */
export function datevAmount(cents: number): string {
  const abs = Math.abs(cents);
  return `${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const compact = (date: string) => date.replace(/-/g, '');
/** Belegdatum: TTMM (the year comes from the header's period). */
export const ddmm = (date: string) => `${date.slice(8, 10)}${date.slice(5, 7)}`;
const ddmmyyyy = (date: string) => `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(0, 4)}`;

/** The first day of the fiscal year that contains `date` (fiscal years start every year on `MM-DD`). */
export function fiscalYearBegin(date: string, startMonthDay: string): string {
  const sameYear = `${date.slice(0, 4)}-${startMonthDay}`;
  return sameYear <= date ? sameYear : `${Number(date.slice(0, 4)) - 1}-${startMonthDay}`;
}

export function checkHeader(input: DatevExportInput): FieldError[] {
  const { settings, period } = input;
  const errors: FieldError[] = [];
  const range = (path: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) errors.push({ path, message: `must be an integer from ${min} to ${max}` });
  };
  range('settings.consultantNumber', settings.consultantNumber, 1001, 9_999_999);
  range('settings.clientNumber', settings.clientNumber, 1, 99_999);
  range('settings.accountLength', settings.accountLength, 4, 8);
  const monthDay = /^(\d{2})-(\d{2})$/.exec(settings.fiscalYearStart);
  if (!monthDay || !DateTime.fromISO(`2024-${settings.fiscalYearStart}`).isValid) errors.push({ path: 'settings.fiscalYearStart', message: 'must be MM-DD' });
  const from = DateTime.fromISO(period.from);
  const to = DateTime.fromISO(period.to);
  if (!from.isValid || !to.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(period.from) || !/^\d{4}-\d{2}-\d{2}$/.test(period.to)) {
    errors.push({ path: 'period', message: 'from and to must be YYYY-MM-DD dates' });
  } else if (period.to < period.from) {
    errors.push({ path: 'period.to', message: 'must not lie before period.from' });
  } else if (monthDay && fiscalYearBegin(period.from, settings.fiscalYearStart) !== fiscalYearBegin(period.to, settings.fiscalYearStart)) {
    errors.push({ path: 'period', message: 'a DATEV batch must lie within one fiscal year' });
  }
  if (settings.dictationCode !== undefined && !/^[A-Za-z0-9]{0,2}$/.test(settings.dictationCode)) errors.push({ path: 'settings.dictationCode', message: 'up to 2 letters or digits' });
  return errors;
}

/** The EXTF header line (31 fields). */
export function headerRecord(input: DatevExportInput): DatevField[] {
  const { settings, period } = input;
  const created = DateTime.fromJSDate(input.createdAt ?? new Date()).setZone('Europe/Berlin').toFormat('yyyyMMddHHmmssSSS');
  return [
    text(BUCHUNGSSTAPEL.kennzeichen), plain(BUCHUNGSSTAPEL.version), plain(BUCHUNGSSTAPEL.category), text(BUCHUNGSSTAPEL.name),
    plain(BUCHUNGSSTAPEL.formatVersion), plain(created), null, text('RE'), text(settings.exportedBy, 25), text(''),
    plain(settings.consultantNumber), plain(settings.clientNumber), plain(compact(fiscalYearBegin(period.from, settings.fiscalYearStart))),
    plain(settings.accountLength), plain(compact(period.from)), plain(compact(period.to)), text(input.description ?? 'Rechnungsausgang', 30),
    text(settings.dictationCode ?? ''), plain(1), plain(0), plain(settings.lockBookings ? 1 : 0), text('EUR'), null, text(''), null, null,
    text(settings.chart === 'SKR03' ? '03' : '04'), null, null, text(''), text(''),
  ];
}

export function columnRecord(): DatevField[] {
  return BUCHUNGSSTAPEL_COLUMNS.map((name) => text(name));
}

export function bookingRecord(booking: DatevBooking): DatevField[] {
  const record: DatevField[] = BUCHUNGSSTAPEL_COLUMNS.map(() => null);
  const set = (name: string, field: DatevField) => {
    record[column(name)] = field;
  };
  set('Umsatz (ohne Soll/Haben-Kz)', plain(datevAmount(booking.amountCents)));
  set('Soll/Haben-Kennzeichen', text(booking.debitCredit));
  set('WKZ Umsatz', text('EUR'));
  set('Konto', plain(booking.account));
  set('Gegenkonto (ohne BU-Schlüssel)', plain(booking.contraAccount));
  if (booking.taxKey) set('BU-Schlüssel', text(booking.taxKey));
  set('Belegdatum', plain(ddmm(booking.documentDate)));
  set('Belegfeld 1', text(booking.documentNumber, 36));
  set('Buchungstext', text(booking.text, BUCHUNGSTEXT_MAX));
  if (booking.serviceDate) set('Leistungsdatum', plain(ddmmyyyy(booking.serviceDate)));
  return record;
}
