import { ApiProperty } from '@nestjs/swagger';
import { LOCALIZED_TEXT_SCHEMA, LocalizedText } from '@libs/db';

/** Documents a LocalizedText property (`{ de, en }`, both non-empty). */
export function ApiLocalizedText(options: { required?: boolean; example?: LocalizedText } = {}): PropertyDecorator {
  return ApiProperty({
    type: 'object',
    properties: { de: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
    required: [...LOCALIZED_TEXT_SCHEMA.required],
    additionalProperties: false,
    example: options.example ?? LOCALIZED_TEXT_SCHEMA.example,
    selfRequired: options.required ?? true,
  });
}
