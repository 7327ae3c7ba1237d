import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

/** Optional in a PATCH, but `null` is refused (the column is NOT NULL): validates whenever present. */
export const OptionalNotNull = () => ValidateIf((_object, value: unknown) => value !== undefined);

/** Trims strings; an empty string becomes null (clears the field). */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/**
 * A trimmed string of `min` (default 1) to `maxLength` characters; an empty string becomes null,
 * so a required one is refused and an optional one (`@IsOptional()`) is cleared.
 */
export function IsTrimmedString(maxLength: number, options: { min?: number } = {}): PropertyDecorator {
  const min = options.min ?? 1;
  return applyDecorators(ApiProperty({ minLength: min, maxLength }), TrimToNull(), IsString(), MinLength(min), MaxLength(maxLength));
}

/** An optional reference by id (`null` clears it where the field is nullable): a UUID, documented as `format: uuid`. */
export function OptionalUuid(): PropertyDecorator {
  return applyDecorators(ApiProperty({ format: 'uuid', required: false }), IsOptional(), IsUUID());
}
