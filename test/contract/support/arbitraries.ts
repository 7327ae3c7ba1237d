import fc from 'fast-check';
import { deref, OpenApiDocument, Schema } from './document';

/**
 * fast-check arbitraries from the JSON schemas of an OpenAPI 3.0 document: values that satisfy a
 * schema (`validValue`) and request bodies that break it in the ways clients do (`invalidBody`).
 * Covers the subset Nest's Swagger plugin emits: $ref, allOf/oneOf/anyOf, enum, nullable, string
 * formats and lengths, patterns, numeric bounds, arrays and objects with required properties.
 */

const MAX_DEPTH = 6;
const MAX_ITEMS = 3;
const DEFAULT_MAX_LENGTH = 40;

/** Merges `allOf` members (properties and required lists) into one object schema. */
export function flatten(document: OpenApiDocument, input: Schema): Schema {
  const schema = deref(document, input);
  if (!Array.isArray(schema.allOf)) return schema;
  const merged: Schema = { ...schema, allOf: undefined, properties: { ...(schema.properties ?? {}) }, required: [...(schema.required ?? [])] };
  for (const part of schema.allOf.map((s: Schema) => flatten(document, s))) {
    Object.assign(merged.properties, part.properties ?? {});
    merged.required.push(...(part.required ?? []));
    merged.type ??= part.type;
    if (part.nullable) merged.nullable = true;
  }
  return merged;
}

export function schemaType(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (schema.properties || schema.additionalProperties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

/**
 * Values known to the server for a property name (ids of real records for `contactId`, issued
 * tokens for `refreshToken`); empty when none are known. A property with known values takes one
 * of them in three of four cases, so most valid requests reach real records and some miss them.
 */
export type KnownValues = (name: string) => string[];

/** Any value that satisfies `schema`. */
export function validValue(document: OpenApiDocument, input: Schema, depth = 0, known?: KnownValues): fc.Arbitrary<unknown> {
  const schema = flatten(document, input);
  const arbitrary = nonNullValue(document, schema, depth, known);
  return schema.nullable ? fc.option(arbitrary, { nil: null, freq: 5 }) : arbitrary;
}

/** `validValue` for property `name`, preferring the values the server knows under that name. */
function propertyValue(document: OpenApiDocument, name: string, property: Schema, depth: number, known?: KnownValues): fc.Arbitrary<unknown> {
  const generated = validValue(document, property, depth, known);
  const values = known?.(name) ?? [];
  if (!values.length) return generated;
  const schema = flatten(document, property);
  const real =
    schemaType(schema) === 'array'
      ? fc.uniqueArray(fc.constantFrom(...values), { minLength: Math.min(1, schema.maxItems ?? 1), maxLength: Math.min(values.length, schema.maxItems ?? MAX_ITEMS, MAX_ITEMS) })
      : fc.constantFrom(...values);
  return fc.oneof({ weight: 3, arbitrary: real }, { weight: 1, arbitrary: generated });
}

function nonNullValue(document: OpenApiDocument, schema: Schema, depth: number, known?: KnownValues): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum.filter((v: unknown) => v !== null));
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((s: Schema) => validValue(document, s, depth + 1, known)));
  // The documented example and default are valid by definition: try them as often as anything else.
  const documented = [schema.example, schema.default].filter((v) => v !== undefined);
  const withExample = (arb: fc.Arbitrary<unknown>) => (documented.length ? fc.oneof(fc.constantFrom(...documented), arb) : arb);
  switch (schemaType(schema)) {
    case 'string':
      return withExample(stringValue(schema));
    case 'integer':
      return withExample(fc.integer({ min: bound(schema.minimum, schema.exclusiveMinimum, 1, -1_000_000), max: bound(schema.maximum, schema.exclusiveMaximum, -1, 1_000_000) }));
    case 'number':
      return withExample(
        fc.double({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000, noNaN: true, noDefaultInfinity: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > MAX_DEPTH) return fc.constant([]);
      const items = validValue(document, schema.items ?? {}, depth + 1, known);
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)) };
      return schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
    }
    case 'object': {
      if (schema.example !== undefined && depth > MAX_DEPTH) return fc.constant(schema.example);
      const properties: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) properties[name] = propertyValue(document, name, property, depth + 1, known);
      return withExample(fc.record(properties, { requiredKeys: (schema.required ?? []).filter((k: string) => k in properties) }));
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

function bound(inclusive: number | undefined, exclusive: number | boolean | undefined, step: number, fallback: number): number {
  if (typeof exclusive === 'number') return exclusive + step;
  if (inclusive === undefined) return fallback;
  return exclusive === true ? inclusive + step : inclusive;
}

function stringValue(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, schema.maxLength ?? DEFAULT_MAX_LENGTH);
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'date-time':
      return isoDate().map((d) => d.toISOString());
    case 'date':
      return isoDate().map((d) => d.toISOString().slice(0, 10));
    case 'uri':
    case 'url':
      return fc.webUrl().filter(fits);
  }
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    } catch {
      // A pattern fast-check cannot generate from (lookaheads): the example, or any text (→ 400).
      if (typeof schema.example === 'string') return fc.constant(schema.example);
    }
  }
  // Printable text in any script (no control characters: those are the invalid cases' job).
  return fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, minLength + DEFAULT_MAX_LENGTH) }).filter(fits);
}

const isoDate = () => fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

// ------------------------------------------------------------------------------------------
// Invalid input

/** A request body: JSON to serialise, or raw text sent with its own content type. */
export type BodyPayload = { json: unknown } | { raw: string; contentType: string };

export interface LabelledBody {
  label: string;
  body: BodyPayload;
}

/** Larger than any string field allows; well below the body limit. */
const HUGE = 'x'.repeat(100_000);
/** Above the default body limit (BODY_LIMIT_BYTES = 1 MiB): the platform answers 413. */
const OVER_BODY_LIMIT = 'y'.repeat(1_100_000);
const WRONG_TYPES: unknown[] = [12345, -1.5, 'not-the-right-type', true, null, [], {}, [1, 'two'], { nested: { deeper: true } }];

/** Bodies that break `schema`: each case names what it breaks. */
export function invalidBody(document: OpenApiDocument, input: Schema): fc.Arbitrary<LabelledBody> {
  const schema = flatten(document, input);
  const json = (label: string, value: unknown): LabelledBody => ({ label, body: { json: value } });
  const generic: fc.Arbitrary<LabelledBody>[] = [
    fc.constantFrom(
      json('body is null', null),
      json('body is an array', [{}]),
      json('body is a string', 'text'),
      json('body is a number', 42),
      { label: 'malformed JSON', body: { raw: '{"unterminated": ', contentType: 'application/json' } },
      { label: 'empty JSON body', body: { raw: '', contentType: 'application/json' } },
      { label: 'text/plain body', body: { raw: 'hello', contentType: 'text/plain' } },
      { label: 'body over the size limit', body: { raw: JSON.stringify({ padding: OVER_BODY_LIMIT }), contentType: 'application/json' } },
      { label: '__proto__ pollution', body: { raw: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"polluted":1}}}', contentType: 'application/json' } },
      json('deeply nested', nest(200)),
    ),
  ];
  if (schemaType(schema) !== 'object') return fc.oneof(...generic);

  const base = validValue(document, schema) as fc.Arbitrary<Record<string, unknown>>;
  const properties = Object.entries<Schema>(schema.properties ?? {});
  const required: string[] = schema.required ?? [];
  const mutations: fc.Arbitrary<LabelledBody>[] = [
    base.map((b) => json('empty object', Object.keys(b).length ? {} : { unexpected: true })),
    fc.tuple(base, fc.string({ minLength: 1, maxLength: 12 })).map(([b, key]) => json(`unknown property "zz_${key}"`, { ...b, [`zz_${key}`]: 'surplus' })),
  ];
  if (required.length) {
    mutations.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([b, key]) => {
        const { [key]: _dropped, ...rest } = b;
        return json(`required "${key}" missing`, rest);
      }),
    );
  }
  if (properties.length) {
    const names = properties.map(([name]) => name);
    mutations.push(
      fc.tuple(base, fc.constantFrom(...names), fc.constantFrom(...WRONG_TYPES)).map(([b, key, value]) => json(`"${key}" of the wrong type (${JSON.stringify(value)})`, { ...b, [key]: value })),
    );
    const strings = properties.filter(([, p]) => schemaType(flatten(document, p)) === 'string').map(([name]) => name);
    if (strings.length) {
      mutations.push(
        fc.tuple(base, fc.constantFrom(...strings)).map(([b, key]) => json(`"${key}" 100 000 characters long`, { ...b, [key]: HUGE })),
        fc.tuple(base, fc.constantFrom(...strings)).map(([b, key]) => json(`"${key}" with a NUL character`, { ...b, [key]: 'nul\u0000byte' })),
        fc.tuple(base, fc.constantFrom(...strings), fc.constantFrom('', '   ', '\u202e\u0301', "'; drop table users; --", '%00', '../../etc/passwd')).map(([b, key, value]) =>
          json(`"${key}" = ${JSON.stringify(value)}`, { ...b, [key]: value }),
        ),
      );
    }
    const objects = properties.filter(([, p]) => schemaType(flatten(document, p)) === 'object').map(([name]) => name);
    if (objects.length) {
      mutations.push(
        fc.tuple(base, fc.constantFrom(...objects), fc.constantFrom({}, { de: 'nur deutsch' }, { de: '', en: '' }, { de: 'a', en: 'b', fr: 'c' }, { de: 1, en: 2 })).map(([b, key, value]) =>
          json(`"${key}" = ${JSON.stringify(value)}`, { ...b, [key]: value }),
        ),
      );
    }
  }
  return fc.oneof(...mutations, ...generic);
}

function nest(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** Query values that break a parameter's schema. */
export function invalidQueryValue(document: OpenApiDocument, input: Schema): fc.Arbitrary<string> {
  const schema = flatten(document, input);
  const common = ['', 'x'.repeat(5000), 'nul\u0000', '%', '[]', '{"a":1}'];
  switch (schemaType(schema)) {
    case 'integer':
    case 'number':
      return fc.constantFrom(...common, 'abc', '1.5', '-1', '0', '1e400', '99999999999999999999', 'NaN', ' 7 ');
    case 'boolean':
      return fc.constantFrom(...common, 'yes', '2', 'TRUE ');
    default:
      if (schema.format === 'uuid') return fc.constantFrom(...common, 'not-a-uuid', '00000000-0000-0000-0000-00000000000g');
      if (Array.isArray(schema.enum)) return fc.constantFrom(...common, 'not-one-of-them');
      return fc.constantFrom(...common);
  }
}

/**
 * Path segments that are not what a path parameter expects (percent-encoded when sent; no `.` or
 * `..`: the client resolves those before sending, so the server would see another route).
 */
export const MALFORMED_PATH_VALUES = [
  'not-a-uuid',
  '0',
  '-1',
  '00000000-0000-0000-0000-00000000000g',
  '8e2b1c4a-7d3f-4b5e-9a6c-1f0e2d3c4b5a-extra',
  'x'.repeat(600),
  "1' or '1'='1",
  'nul\u0000byte',
  '%',
  'ü',
  '...',
];
