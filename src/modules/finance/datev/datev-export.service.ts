import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { datevBookings } from './datev-bookings.rules';
import type { DatevExportInput } from './datev-export.types';
import { DatevErrors } from './datev.errors';
import { bookingRecord, checkHeader, columnRecord, type DatevField, headerRecord } from './datev-format';

/**
 * Invoices and payments of a period as a DATEV Buchungsstapel (EXTF 700, category 21, format
 * version 13): header line, column line, one booking per invoice and VAT rate and per payment.
 * Windows-1252, `;`-separated, CRLF, text quoted with `"` (doubled inside), decimal comma.
 */
@Injectable()
export class DatevExportService {
  buchungsstapel(input: DatevExportInput): Buffer {
    const headerErrors = checkHeader(input);
    const { bookings, errors } = datevBookings(input);
    if (headerErrors.length + errors.length > 0) throw DatevErrors.exportInvalid([...headerErrors, ...errors]);
    const records: DatevField[][] = [headerRecord(input), columnRecord(), ...bookings.map(bookingRecord)];
    const csv = stringify(records, {
      delimiter: ';',
      record_delimiter: '\r\n',
      quote: '"',
      escape: '"',
      cast: {
        object: (field) => ('text' in field ? { value: String(field.text), quoted: true, quoted_empty: true } : String((field as { plain: string }).plain)),
      },
    });
    // NFC first: a decomposed umlaut (u + combining diaeresis) must become ü, not "u?".
    return (require('iconv-lite') as typeof import('iconv-lite')).encode(csv.normalize('NFC'), 'win1252');
  }
}
