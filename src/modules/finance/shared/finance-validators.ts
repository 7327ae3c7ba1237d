import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, registerDecorator } from 'class-validator';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { QUANTITY_PATTERN } from './amounts.rules';
import { isValidNumberFormat } from './number-format.rules';

/** Upper bound of a price or discount in cents (€10 million): keeps every line total a safe integer. */
export const MAX_CENTS = 1_000_000_000;

function custom(name: string, validate: (value: unknown) => boolean, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({ name, target: target.constructor, propertyName: propertyName as string, validator: { validate, defaultMessage: () => `${String(propertyName)} ${message}` } });
}

/** Strips spaces and upper-cases a string (IBAN, BIC). */
const Compact = () => Transform(({ value }) => (typeof value === 'string' ? electronicFormatIBAN(value) || null : value));

/** An IBAN in any spacing, stored in electronic format; checksum and country format checked (ibantools). */
export function IsIban(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'string', example: 'DE89370400440532013000', maxLength: 34 }),
    Compact(),
    custom('isIban', (v) => typeof v === 'string' && v.length <= 34 && isValidIBAN(v), 'must be a valid IBAN (checksum and country format)'),
  );
}

/** A BIC of 8 or 11 characters. */
export function IsBic(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'string', example: 'COBADEFFXXX', maxLength: 11 }),
    Compact(),
    custom('isBic', (v) => typeof v === 'string' && v.length <= 11 && isValidBIC(v), 'must be a valid BIC (8 or 11 characters)'),
  );
}

/** A number format with `{YYYY}` and `{NNN…}` once each (see number-format.rules.ts). */
export function IsNumberFormat(example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'string', example, maxLength: 40 }),
    custom('isNumberFormat', (v) => typeof v === 'string' && isValidNumberFormat(v), 'must contain {YYYY} and {NNN…} (3–10 N) once each, letters, digits and - / _ . otherwise, at most 40 characters'),
  );
}

/** A positive quantity as a decimal string with at most 3 decimals ("0.333"). */
export function IsQuantity(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'string', example: '12.5', description: 'Decimal with up to 3 decimals, e.g. "0.333"', maxLength: 10 }),
    Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value)),
    custom('isQuantity', (v) => typeof v === 'string' && QUANTITY_PATTERN.test(v) && Number(v) > 0, 'must be a positive decimal with at most 6 digits before and 3 after the point, e.g. "0.333"'),
  );
}

/** Integer cents from `min` to €10 million. */
export function IsCents(min = 0, example = 8990): PropertyDecorator {
  return applyDecorators(ApiProperty({ type: 'integer', minimum: min, maximum: MAX_CENTS, example }), IsInt(), Min(min), Max(MAX_CENTS));
}

/** YYYY-MM-DD that exists in the calendar (2000–2099; 2026-02-31 is refused, not passed to the database). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date YYYY-MM-DD (Europe/Berlin day) between 2000 and 2099. */
export function IsCalendarDate(example = '2026-06-30'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'string', format: 'date', example }),
    custom('isCalendarDate', isCalendarDate, 'must be an existing calendar date YYYY-MM-DD between 2000 and 2099'),
  );
}
