import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js';

export const DEFAULT_PHONE_COUNTRY: CountryCode = 'DE';
export const E164 = /^\+[1-9]\d{6,14}$/;

/** Trimmed and lower-cased: the form e-mail addresses are stored, compared and de-duplicated in. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * A phone number in E.164 (`+49301234567`), read in national German notation unless it carries a
 * country code (`+43 …`, `0043 …`); null when it is not a valid number for its country.
 */
export function normalizePhone(value: string, defaultCountry: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const trimmed = value.trim();
  if (!/^[+\d\s()./-]{3,40}$/.test(trimmed)) return null;
  const international = trimmed.replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(international, defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * The stored forms of contact data (`email`, `phone`, `mobile`), for rows written by services,
 * imports and conversions (the DTO transforms do the same at the API edge).
 */
export function normalizedContactData<T extends { email?: string | null; phone?: string | null; mobile?: string | null }>(data: T): T {
  const result = { ...data };
  if (typeof data.email === 'string') result.email = data.email.trim() === '' ? null : normalizeEmail(data.email);
  for (const key of ['phone', 'mobile'] as const) {
    const value = data[key];
    if (typeof value === 'string') result[key] = value.trim() === '' ? null : (normalizePhone(value) ?? value);
  }
  return result;
}
