import { ValidateBy, ValidationOptions } from 'class-validator';

/** A calendar day that exists (`2026-02-31` matches the pattern but is no date: PostgreSQL would refuse it). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Together with the ISO_DATE pattern (which OpenAPI shows): the day must exist. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property} must be a day that exists` } }, options);
}
