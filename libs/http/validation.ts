import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { AppError, FieldError } from './app-error';

/**
 * The global pipe: unknown properties are rejected (not silently dropped), payloads become DTO
 * instances, and failures become one 400 problem with an `errors[]` entry per failed constraint.
 */
export function createValidationPipe(): ValidationPipe {
  memoizeTargetMetadatas();
  return new TextSafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppError.validation(flattenValidationErrors(errors)),
  });
}

/** `address.zip`, `items[0].name`: nested class-validator errors flattened to field paths. */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (property === undefined || property === '') return parent;
  if (/^\d+$/.test(property) && parent !== '') return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/**
 * PostgreSQL text cannot hold NUL (U+0000): a string containing it would fail in the database as a
 * 500. Refused up front, for every body, query and path parameter, as a 400 naming the field.
 */
class TextSafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const path = nulPath(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (path !== undefined) throw AppError.validation([{ path: path || metadata.type, message: `${path || metadata.type} must not contain NUL characters` }]);
    }
    return super.transform(value, metadata);
  }
}

/** The path of the first string containing U+0000 in a parsed JSON value or query object. */
export function nulPath(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 32 || typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = nulPath(child, joinPath(path, key), depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

type MetadataLookup = (target: Function, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => ValidationMetadata[];
const MEMOIZED = Symbol('renewa.memoizedTargetMetadatas');

/**
 * class-validator looks up a DTO's rules on every validation by filtering its rule list and testing
 * every class that has rules for inheritance (`instanceof`): work that grows with the number of DTOs
 * in the app, on every request with a body or query DTO. The answer only changes when a rule is
 * added (a class is defined), so it is kept per class and options, and forgotten whenever a rule is
 * added. Lookups with groups (the app uses none) are not kept.
 */
export function memoizeTargetMetadatas(): void {
  const storage = getMetadataStorage() as unknown as {
    getTargetValidationMetadatas: MetadataLookup;
    addValidationMetadata(metadata: ValidationMetadata): void;
    [MEMOIZED]?: true;
  };
  if (storage[MEMOIZED]) return;
  storage[MEMOIZED] = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let known = new Map<Function, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    known = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    const options = `${schema}|${always}|${strictGroups}`;
    let byOptions = known.get(target);
    if (!byOptions) known.set(target, (byOptions = new Map()));
    let metadatas = byOptions.get(options);
    if (!metadatas) byOptions.set(options, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
}
