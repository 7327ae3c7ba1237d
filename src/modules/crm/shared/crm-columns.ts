import { pgEnum, text } from 'drizzle-orm/pg-core';

/** ISO 639-1 languages a contact or lead can be served in. */
export const crmLanguage = pgEnum('crm_language', ['de', 'en']);
export type CrmLanguage = (typeof crmLanguage.enumValues)[number];

/** Anrede. `mx` is the neutral form ("Guten Tag Vorname Nachname"). */
export const salutation = pgEnum('crm_salutation', ['mr', 'ms', 'mx']);
export type Salutation = (typeof salutation.enumValues)[number];

/**
 * A postal address as four columns, optionally prefixed (`property_street`). Country is ISO 3166-1
 * alpha-2; German postal codes are validated at the API edge, others only for length.
 */
export function postalAddressColumns<P extends string = ''>(prefix: P = '' as P) {
  return {
    street: text(`${prefix}street`),
    postalCode: text(`${prefix}postal_code`),
    city: text(`${prefix}city`),
    countryCode: text(`${prefix}country_code`),
  };
}

/**
 * Lower-cased, whitespace-joined text the list endpoints search with `q` (trigram index). Written by
 * the repositories from the row's own fields (see `searchText` in shared/search-text.ts), never by clients.
 */
export const searchTextColumn = () => ({ searchText: text('search_text').notNull().default('') });
