import { IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { TrimToNull } from '@libs/http';
import type { AddressColumns } from './postal-address.columns';

/** Five digits when the address is in Germany (no country given means Germany). */
function IsGermanPostalCodeInGermany(): PropertyDecorator {
  return ValidateBy({
    name: 'isGermanPostalCode',
    validator: {
      validate: (value: unknown, args) => {
        const country = (args?.object as PostalAddressDto | undefined)?.countryCode ?? 'DE';
        return country !== 'DE' || typeof value !== 'string' || /^\d{5}$/.test(value);
      },
      defaultMessage: () => 'postalCode must be five digits for a German address',
    },
  });
}

/**
 * A postal address. In a PATCH the object replaces the stored address as a whole (send every part
 * you want to keep); `null` clears it.
 */
export class PostalAddressDto {
  /** Street and house number. @example "Hauptstraße 12a" */
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  street?: string | null;

  /** Five digits in Germany. @example "10115" */
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(20)
  @IsGermanPostalCodeInGermany()
  postalCode?: string | null;

  /** @example "Berlin" */
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  /** ISO 3166-1 alpha-2; defaults to DE. @example "DE" */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as DE' })
  countryCode?: string | null;
}

export function addressToColumns(address: PostalAddressDto | null | undefined): AddressColumns {
  const street = address?.street ?? null;
  const postalCode = address?.postalCode ?? null;
  const city = address?.city ?? null;
  const any = street !== null || postalCode !== null || city !== null;
  return { street, postalCode, city, countryCode: address?.countryCode ?? (any ? 'DE' : null) };
}

export function columnsToAddress(columns: AddressColumns): PostalAddressDto | null {
  if (columns.street === null && columns.postalCode === null && columns.city === null && columns.countryCode === null) return null;
  return { street: columns.street, postalCode: columns.postalCode, city: columns.city, countryCode: columns.countryCode };
}
