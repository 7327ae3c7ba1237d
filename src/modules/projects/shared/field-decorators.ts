import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min, ValidateBy } from 'class-validator';

/** The years a building, component or installation can carry. */
export const YEAR_RANGE = { min: 1500, max: 2100 } as const;

/** An optional, nullable integer within [min, max]. */
export function OptionalInteger(min: number, max: number, example?: number): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, nullable: true, example }), IsOptional(), IsInt(), Min(min), Max(max));
}

/** An optional, nullable year (1500–2100). */
export function OptionalYear(example?: number): PropertyDecorator {
  return OptionalInteger(YEAR_RANGE.min, YEAR_RANGE.max, example);
}

/**
 * A finite number with at most `decimals` decimal places. (class-validator's `maxDecimalPlaces`
 * throws on numbers JSON writes with an exponent, such as 5e-324, instead of refusing them.)
 */
export function IsDecimal(decimals: number): PropertyDecorator {
  return applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }),
    ValidateBy({
      name: 'isDecimal',
      constraints: [decimals],
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(decimals)) === value,
        defaultMessage: (args) => `${args?.property} must have at most ${decimals} decimal places`,
      },
    }),
  );
}

/** An optional, nullable decimal within [min, max] with at most `decimals` decimal places. */
export function OptionalDecimal(min: number, max: number, decimals: number, example?: number): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ type: 'number', minimum: min, maximum: max, nullable: true, example }), IsOptional(), IsDecimal(decimals), Min(min), Max(max));
}
