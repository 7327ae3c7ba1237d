import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { CsvColumn } from '@libs/csv';
import { flattenValidationErrors } from '@libs/http';
import { CreateLeadDto } from './lead.dto';
import { initialStatus } from './lead.rules';
import type { Lead } from './leads.schema';

/** A problem with one cell (or the whole row, field `*`) of an uploaded CSV. `row` is the line in the file (header = 1). */
export interface CsvRowError {
  row: number;
  field: string;
  message: string;
}

/** Import column → CreateLeadDto property; the export writes the same headers, so an export can be re-imported. */
export const LEAD_IMPORT_COLUMNS = {
  source: 'source',
  status: 'status',
  lost_reason: 'lostReason',
  lost_note: 'lostNote',
  salutation: 'salutation',
  first_name: 'firstName',
  last_name: 'lastName',
  company_name: 'companyName',
  email: 'email',
  phone: 'phone',
  preferred_language: 'preferredLanguage',
  interests: 'interests',
  message: 'message',
  property_street: 'propertyAddress.street',
  property_postal_code: 'propertyAddress.postalCode',
  property_city: 'propertyAddress.city',
  property_country_code: 'propertyAddress.countryCode',
  building_type: 'buildingType',
  year_built: 'yearBuilt',
  living_area_m2: 'livingAreaM2',
  residential_units: 'residentialUnits',
  owner_occupied: 'ownerOccupied',
  estimated_value_cents: 'estimatedValueCents',
  assignee_id: 'assigneeId',
  department_id: 'departmentId',
} as const;

export type LeadImportColumn = keyof typeof LEAD_IMPORT_COLUMNS;
const COLUMN_OF_PATH = new Map<string, string>(Object.entries(LEAD_IMPORT_COLUMNS).map(([column, path]) => [path, column]));
const INTEGER_COLUMNS = new Set(['year_built', 'residential_units', 'estimated_value_cents']);
const TRUE = new Set(['true', 'yes', 'ja', 'y', 'j', '1', 'x']);
const FALSE = new Set(['false', 'no', 'nein', 'n', '0']);

export function isLeadImportColumn(header: string): header is LeadImportColumn {
  return Object.hasOwn(LEAD_IMPORT_COLUMNS, header);
}

/**
 * The delimiter of a CSV from its header line: `;` (what German spreadsheet programs write, so
 * decimals keep their comma) when it has more semicolons than commas, else `,`.
 */
export function detectDelimiter(headerLine: string): ',' | ';' {
  const count = (char: string) => headerLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

const HEADER_ALIASES: Record<string, string> = { e_mail: 'email', mail: 'email', telephone: 'phone', tel: 'phone' };

/** A header as written by people: `First Name`, `first-name` → `first_name`; `E-Mail` → `email`. */
export function normalizeHeader(header: string): string {
  const normalized = header.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return HEADER_ALIASES[normalized] ?? normalized;
}

export type ParsedLeadRow = { ok: true; dto: CreateLeadDto } | { ok: false; errors: CsvRowError[] };

/**
 * One CSV record (import columns only, raw strings) → a validated CreateLeadDto, by the same rules
 * as `POST /leads`: empty cells are absent, `interests` are `|`-separated, booleans accept
 * true/false/ja/nein/1/0, decimals a comma or a dot. Errors name the CSV column.
 */
export function parseLeadRow(record: Partial<Record<LeadImportColumn, string>>, row: number): ParsedLeadRow {
  const errors: CsvRowError[] = [];
  const plain: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(record) as [LeadImportColumn, string | undefined][]) {
    const text = raw?.trim() ?? '';
    if (text === '') continue;
    const value = cellValue(column, text);
    if (value === INVALID) {
      errors.push({ row, field: column, message: `${column} is not ${INTEGER_COLUMNS.has(column) ? 'a whole number' : column === 'owner_occupied' ? 'yes or no' : 'a number'}` });
      continue;
    }
    setPath(plain, LEAD_IMPORT_COLUMNS[column], value);
  }
  const dto = plainToInstance(CreateLeadDto, plain);
  const failures = flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }));
  for (const failure of failures) {
    const field = COLUMN_OF_PATH.get(failure.path) ?? COLUMN_OF_PATH.get(failure.path.replace(/\[\d+\]$/, '')) ?? failure.path;
    if (!errors.some((e) => e.field === field)) errors.push({ row, field, message: failure.message });
  }
  if (errors.length === 0) {
    const status = initialStatus(dto);
    if (!status.ok) {
      errors.push(
        status.error === 'lost_reason_required'
          ? { row, field: 'lost_reason', message: 'lost_reason is required when status is lost' }
          : { row, field: 'status', message: 'status cannot be converted in an import' },
      );
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dto };
}

const INVALID = Symbol('invalid');

function cellValue(column: LeadImportColumn, text: string): unknown {
  if (column === 'interests') return text.split('|').map((part) => part.trim()).filter(Boolean);
  if (column === 'owner_occupied') {
    const lower = text.toLowerCase();
    return TRUE.has(lower) ? true : FALSE.has(lower) ? false : INVALID;
  }
  if (INTEGER_COLUMNS.has(column)) return /^-?\d+$/.test(text) ? Number(text) : INVALID;
  if (column === 'living_area_m2') {
    const normalized = text.replace(',', '.');
    return /^\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : INVALID;
  }
  return text;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split('.');
  if (!tail) {
    target[head] = value;
    return;
  }
  target[head] = { ...((target[head] as Record<string, unknown> | undefined) ?? {}), [tail]: value };
}

/** The export: every lead column under the import headers, plus the read-only ones. */
export const LEAD_EXPORT_COLUMNS: readonly CsvColumn<Lead>[] = [
  { header: 'id', value: (l) => l.id },
  { header: 'created_at', value: (l) => l.createdAt },
  { header: 'updated_at', value: (l) => l.updatedAt },
  { header: 'source', value: (l) => l.source },
  { header: 'status', value: (l) => l.status },
  { header: 'lost_reason', value: (l) => l.lostReason },
  { header: 'lost_note', value: (l) => l.lostNote },
  { header: 'salutation', value: (l) => l.salutation },
  { header: 'first_name', value: (l) => l.firstName },
  { header: 'last_name', value: (l) => l.lastName },
  { header: 'company_name', value: (l) => l.companyName },
  { header: 'email', value: (l) => l.email },
  { header: 'phone', value: (l) => l.phone },
  { header: 'preferred_language', value: (l) => l.preferredLanguage },
  { header: 'interests', value: (l) => l.interests.join('|') },
  { header: 'message', value: (l) => l.message },
  { header: 'property_street', value: (l) => l.propertyStreet },
  { header: 'property_postal_code', value: (l) => l.propertyPostalCode },
  { header: 'property_city', value: (l) => l.propertyCity },
  { header: 'property_country_code', value: (l) => l.propertyCountryCode },
  { header: 'building_type', value: (l) => l.buildingType },
  { header: 'year_built', value: (l) => l.yearBuilt },
  { header: 'living_area_m2', value: (l) => l.livingAreaM2 },
  { header: 'residential_units', value: (l) => l.residentialUnits },
  { header: 'owner_occupied', value: (l) => l.ownerOccupied },
  { header: 'estimated_value_cents', value: (l) => l.estimatedValueCents },
  { header: 'assignee_id', value: (l) => l.assigneeId },
  { header: 'department_id', value: (l) => l.departmentId },
  { header: 'converted_at', value: (l) => l.convertedAt },
  { header: 'converted_contact_id', value: (l) => l.convertedContactId },
  { header: 'converted_company_id', value: (l) => l.convertedCompanyId },
  { header: 'deleted_at', value: (l) => l.deletedAt },
];
