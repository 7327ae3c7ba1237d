import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { Matches, ValidateIf } from 'class-validator';
import { E164, normalizeEmail, normalizePhone } from './contact-data.rules';

/** Optional in a PATCH, but `null` is refused (the column is NOT NULL): validates whenever present. */
export const OptionalNotNull = () => ValidateIf((_object, value: unknown) => value !== undefined);

/** Trims strings; an empty string becomes null (clears the field). */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** E-mail: trimmed and lower-cased before `@IsEmail()` checks it. */
export const NormalizeEmail = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    return value.trim() === '' ? null : normalizeEmail(value);
  });

/**
 * A phone number in any common notation, stored as E.164: normalised first, then checked, so an
 * unreadable number is a 400 naming the field.
 */
export function IsPhone(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => {
      if (typeof value !== 'string') return value;
      if (value.trim() === '') return null;
      return normalizePhone(value) ?? value;
    }),
    Matches(E164, { message: ({ property }) => `${property} must be a valid phone number (e.g. 030 1234567 or +49 30 1234567)` }),
  );
}
