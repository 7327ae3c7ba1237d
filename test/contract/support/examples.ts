import fc from 'fast-check';
import { flatten, schemaType } from './arbitraries';
import type { OpenApiDocument, Schema } from './document';

/**
 * The smallest request value a schema documents as valid, the same every time: the documented
 * example or default, the first enum value, a fixed value for a format, the minimum of a number,
 * and for an object its required properties only. `reference(name, schema, required)` may supply a
 * property first (an id of a real record); `undefined` leaves the property to the schema.
 * `variant` n > 0 makes free-text and e-mail values distinct (`site_manager_2`), so a second
 * record from the same example does not collide with the first on a unique field.
 */
export type ReferenceFiller = (name: string, schema: Schema, required: boolean) => unknown;

export interface ExampleOptions {
  reference?: ReferenceFiller;
  variant?: number;
}

const FORMAT_EXAMPLES: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  email: 'contract.example@renewa.test',
  'date-time': '2026-01-15T09:30:00.000Z',
  date: '2026-01-15',
  uri: 'https://www.example.org',
  url: 'https://www.example.org',
};

export function exampleValue(document: OpenApiDocument, input: Schema, options: ExampleOptions = {}, depth = 0): unknown {
  const { reference } = options;
  const schema = flatten(document, input);
  if (Array.isArray(schema.enum)) return schema.example ?? schema.default ?? schema.enum.find((v: unknown) => v !== null);
  if (schemaType(schema) === 'string') return distinct(schema, schema.example ?? schema.default ?? FORMAT_EXAMPLES[schema.format] ?? matching(schema.pattern) ?? text(schema), options.variant ?? 0);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length) return exampleValue(document, alternatives[0], options, depth + 1);
  switch (schemaType(schema)) {
    case 'integer':
    case 'number': {
      const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : (schema.minimum ?? 1);
      return Math.min(min, schema.maximum ?? min);
    }
    case 'boolean':
      return false;
    case 'array': {
      const count = schema.minItems ?? 0;
      return Array.from({ length: count }, () => exampleValue(document, schema.items ?? {}, options, depth + 1));
    }
    case 'object': {
      const required = new Set<string>(schema.required ?? []);
      const value: Record<string, unknown> = {};
      for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) {
        const supplied = reference?.(name, flatten(document, property), required.has(name));
        if (supplied !== undefined) value[name] = supplied;
        else if (required.has(name) && depth < 6) value[name] = exampleValue(document, property, options, depth + 1);
      }
      return value;
    }
    default:
      return 'example';
  }
}

/** The `variant`-th distinct form of a string example: `anna.2@…` for e-mails, `name_2` for free text, else itself. */
function distinct(schema: Schema, value: string, variant: number): string {
  if (variant === 0 || (schema.format && schema.format !== 'email') || schema.pattern) return value;
  const varied = schema.format === 'email' ? value.replace('@', `.${variant}@`) : `${value}_${variant}`;
  return varied.length <= (schema.maxLength ?? Infinity) ? varied : value;
}

/** A fixed string matching `pattern` (undefined when fast-check cannot generate from it). */
function matching(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return undefined;
  try {
    return fc.sample(fc.stringMatching(new RegExp(pattern)), { seed: 1, numRuns: 1 })[0];
  } catch {
    return undefined;
  }
}

/** Plain text within the schema's length bounds. */
function text(schema: Schema): string {
  const min = schema.minLength ?? 1;
  const max = schema.maxLength ?? Math.max(min, 40);
  return 'Example'.padEnd(Math.max(min, 7), 'x').slice(0, Math.max(min, Math.min(max, 7)));
}
