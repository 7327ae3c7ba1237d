import { text } from 'drizzle-orm/pg-core';

/** An address as stored: four nullable columns. */
export interface AddressColumns {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
}

const PARTS = ['street', 'postalCode', 'city', 'countryCode'] as const;
type Part = (typeof PARTS)[number];

/** `street` with no prefix, `siteStreet` with the prefix `site`. */
export type PrefixedKey<P extends string, K extends string> = P extends '' ? K : `${P}${Capitalize<K>}`;
export type PrefixedAddress<P extends string, V> = { [K in Part as PrefixedKey<P, K>]: V };

function key<P extends string>(prefix: P, part: Part): string {
  return prefix === '' ? part : `${prefix}${part[0].toUpperCase()}${part.slice(1)}`;
}

function column(prefix: string, part: Part): string {
  const snake = part.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`);
  return prefix === '' ? snake : `${prefix.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`)}_${snake}`;
}

/**
 * A postal address as four columns, optionally prefixed: `postalAddressColumns()` gives
 * `street`/`postal_code`/…, `postalAddressColumns('site')` gives `siteStreet`/`site_street`, ….
 * Country is ISO 3166-1 alpha-2; German postal codes are validated at the API edge (PostalAddressDto).
 */
export function postalAddressColumns<P extends string = ''>(prefix: P = '' as P) {
  return Object.fromEntries(PARTS.map((part) => [key(prefix, part), text(column(prefix, part))])) as PrefixedAddress<P, ReturnType<typeof text>>;
}

/** The four keys of a prefix, computed once per prefix (response mappers call addressOfRow per row). */
const keysOfPrefix = new Map<string, readonly [string, string, string, string]>();

/** The address columns of a row (with the prefix the table uses), unprefixed. */
export function addressOfRow<P extends string = ''>(row: PrefixedAddress<P, string | null>, prefix: P = '' as P): AddressColumns {
  const values = row as unknown as Record<string, string | null>;
  let keys = keysOfPrefix.get(prefix);
  if (!keys) {
    keys = [key(prefix, 'street'), key(prefix, 'postalCode'), key(prefix, 'city'), key(prefix, 'countryCode')];
    keysOfPrefix.set(prefix, keys);
  }
  return { street: values[keys[0]] ?? null, postalCode: values[keys[1]] ?? null, city: values[keys[2]] ?? null, countryCode: values[keys[3]] ?? null };
}

/** Unprefixed address columns as the prefixed columns of a table. */
export function prefixAddress<P extends string = ''>(address: Partial<AddressColumns>, prefix: P = '' as P): Partial<PrefixedAddress<P, string | null>> {
  return Object.fromEntries(PARTS.filter((part) => part in address).map((part) => [key(prefix, part), address[part]])) as Partial<PrefixedAddress<P, string | null>>;
}
