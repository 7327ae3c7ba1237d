import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const LOCALES = ['de', 'en'] as const;

/** User-facing text in every supported language; both keys are required and non-empty. */
export interface LocalizedText {
  de: string;
  en: string;
}

export function isLocalizedText(value: unknown, maxLength = 2000): value is LocalizedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== LOCALES.length || !LOCALES.every((l) => keys.includes(l))) return false;
  return LOCALES.every((l) => {
    const text = (value as Record<string, unknown>)[l];
    return typeof text === 'string' && text.trim().length > 0 && text.length <= maxLength;
  });
}

/** Rejects a missing, empty or extra language key (and non-string values). */
export function IsLocalizedText(options?: ValidationOptions & { maxLength?: number }): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isLocalizedText',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => isLocalizedText(value, options?.maxLength),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be an object with exactly the non-empty string keys ${LOCALES.join(', ')}` +
          ` (at most ${options?.maxLength ?? 2000} characters each)`,
      },
    });
  };
}

/** OpenAPI schema for LocalizedText properties, with an example. */
export const LOCALIZED_TEXT_SCHEMA = {
  type: 'object',
  required: [...LOCALES],
  additionalProperties: false,
  properties: { de: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
  example: { de: 'Wärmepumpe', en: 'Heat pump' },
} as const;

/**
 * Marks a LocalizedText property schema; the OpenAPI setup adds its `required: [de, en]` and drops
 * the marker. Kept out of the decorator's metadata because PartialType overwrites `required`
 * with `false` there — which would lose the languages and keep the property required in PATCH bodies.
 */
export const LOCALIZED_TEXT_MARKER = 'x-localized-text';

/** Documents a LocalizedText property of a DTO (`{ de, en }`, both non-empty). */
export function ApiLocalizedText(options: { required?: boolean; nullable?: boolean; example?: LocalizedText } = {}): PropertyDecorator {
  // `required` here is the property's own (a boolean); the typings only know the nested-list form.
  return ApiProperty({
    type: 'object',
    properties: { de: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
    additionalProperties: false,
    example: options.example ?? LOCALIZED_TEXT_SCHEMA.example,
    nullable: options.nullable,
    required: options.required ?? true,
    [LOCALIZED_TEXT_MARKER]: true,
  } as unknown as ApiPropertyOptions);
}
