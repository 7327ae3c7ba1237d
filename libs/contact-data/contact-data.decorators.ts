import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PostalAddressDto } from './postal-address.dto';
import { E164, normalizeEmail, normalizePhone } from './phone-email';

/** E-mail: trimmed and lower-cased before `@IsEmail()` checks it; an empty string clears it. */
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
    ApiProperty({ example: '030 1234567' }),
    Transform(({ value }) => {
      if (typeof value !== 'string') return value;
      if (value.trim() === '') return null;
      return normalizePhone(value) ?? value;
    }),
    Matches(E164, { message: ({ property }) => `${property} must be a valid phone number (e.g. 030 1234567 or +49 30 1234567)` }),
  );
}

/** An e-mail address (RFC 5321 length), trimmed and lower-cased. */
export function IsEmailAddress(): PropertyDecorator {
  return applyDecorators(ApiProperty({ format: 'email', maxLength: 254 }), NormalizeEmail(), IsEmail(), MaxLength(254));
}

/** A nested postal address (validated: German postal codes are five digits). */
export function IsPostalAddress(): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: PostalAddressDto }), ValidateNested(), Type(() => PostalAddressDto));
}
