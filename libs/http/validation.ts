import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { AppError, FieldError } from './app-error';

/**
 * The global pipe: unknown properties are rejected (not silently dropped), payloads become DTO
 * instances, and failures become one 400 problem with an `errors[]` entry per failed constraint.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
