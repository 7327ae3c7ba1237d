import { ilike, or, sql, SQL } from 'drizzle-orm';
import type { SQLWrapper } from 'drizzle-orm';

/**
 * `q` search over a `search_text` column (lower-cased names, e-mail, phone digits, company) with a
 * GIN `gin_trgm_ops` index: a substring match the trigram index answers. Both sides go through
 * the same normalisation, so `Müller`, `MÜLLER` and `müller` match, and a phone typed as
 * `030 123 45`, `+49 30 12345` or `0049-30-12345` finds the stored `+493012345`.
 */
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 100;

/** Text for the search column from a row's searchable fields (null/empty parts are skipped). */
export function buildSearchText(parts: readonly (string | null | undefined)[], phones: readonly (string | null | undefined)[] = []): string {
  const words = parts.map((part) => normalizeText(part ?? '')).filter(Boolean);
  const digits = phones.map((phone) => (phone ?? '').replace(/\D/g, '')).filter(Boolean);
  return [...words, ...digits].join(' ');
}

/** Lower-cased, `ß` folded to `ss` (so `Weißmüller` and `WEISSMÜLLER` match), whitespace collapsed. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();
}

/**
 * The terms a query searches for: the normalised text, and for something that looks like a phone
 * number its significant digits (without leading zeros or `+`, so national and international
 * forms both hit the stored E.164 digits).
 */
export function searchTerms(q: string): { text: string; digits?: string } {
  const text = normalizeText(q);
  const looksLikePhone = /^[+(]?[\d\s()/.-]+$/.test(text) && (text.match(/\d/g) ?? []).length >= SEARCH_MIN_LENGTH;
  if (!looksLikePhone) return { text };
  const digits = text.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= SEARCH_MIN_LENGTH ? { text, digits } : { text };
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The columns one resource's `q` searches. */
export interface SearchColumns {
  /** Lower-cased searchable text with a GIN `gin_trgm_ops` index (substring match). */
  text: SQLWrapper;
  /** E-mail columns (stored lower-cased) with btree `text_pattern_ops` indexes (prefix match). */
  emails?: readonly SQLWrapper[];
  /** E.164 phone columns with btree `text_pattern_ops` indexes (prefix match). */
  phones?: readonly SQLWrapper[];
}

export type SearchKind = 'email' | 'phone' | 'text';

/**
 * What kind of search `q` is: with an `@` it is (the start of) an e-mail address, digits and phone
 * punctuation only make a phone number, anything else is text (names, companies, parts of e-mails).
 */
export function searchKind(q: string): SearchKind {
  const text = normalizeText(q);
  if (text.includes('@') && !/\s/.test(text)) return 'email';
  return searchTerms(text).digits !== undefined ? 'phone' : 'text';
}

/**
 * The E.164 prefix of a (partial) phone number as typed: `030 12` → `+493012`, `+49 30 12` and
 * `0049 30 12` → `+493012`, `0171` → `+49171`. National numbers are read as German, as
 * normalizePhone reads them when they are stored.
 */
export function phonePrefix(q: string, defaultCallingCode = '49'): string {
  const trimmed = q.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+${defaultCallingCode}${digits.slice(1)}`;
  return `+${digits}`;
}

/**
 * The `q` condition, each kind answered by an index whose cost does not grow with the table for a
 * specific person: an e-mail or a phone number is a btree prefix range on the exact columns; text
 * is a substring match on the trigram-indexed search text (its cost grows with how common the
 * term's trigrams are: see bench/README.md). Undefined without `q`.
 */
export function searchFilter(columns: SearchColumns | SQLWrapper, q: string | undefined): SQL | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const { text: textColumn, emails = [], phones = [] } = isSearchColumns(columns) ? columns : { text: columns };
  const prefix = (column: SQLWrapper, value: string) => sql`${column} like ${`${escapeLike(value)}%`}`;
  const kind = searchKind(q);
  if (kind === 'email' && emails.length > 0) return or(...emails.map((column) => prefix(column, normalizeText(q))));
  if (kind === 'phone' && phones.length > 0) return or(...phones.map((column) => prefix(column, phonePrefix(q))));
  const { text, digits } = searchTerms(q);
  const like = (term: string) => sql`${textColumn} like ${`%${escapeLike(term)}%`}`;
  return digits ? or(like(text), like(digits)) : like(text);
}

function isSearchColumns(value: SearchColumns | SQLWrapper): value is SearchColumns {
  return typeof value === 'object' && value !== null && 'text' in value;
}

/**
 * A case-insensitive substring match of `q` on any of `columns` (wildcards escaped), for short
 * lists without a search column (departments, roles, users). Undefined without `q`.
 */
export function containsAny(columns: readonly SQLWrapper[], q: string | undefined): SQL | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const pattern = `%${escapeLike(q.trim())}%`;
  return or(...columns.map((column) => ilike(column as SQL, pattern)));
}
