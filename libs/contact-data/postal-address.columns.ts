import { text } from 'drizzle-orm/pg-core';

/**
 * A postal address as four columns, optionally prefixed (`property_street`). Country is ISO 3166-1
 * alpha-2; German postal codes are validated at the API edge (PostalAddressDto), others by length.
 */
export function postalAddressColumns<P extends string = ''>(prefix: P = '' as P) {
  return {
    street: text(`${prefix}street`),
    postalCode: text(`${prefix}postal_code`),
    city: text(`${prefix}city`),
    countryCode: text(`${prefix}country_code`),
  };
}

/** An address as stored: four nullable columns. */
export interface AddressColumns {
  street: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
}
