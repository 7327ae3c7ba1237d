import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { AppError } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `@Param('id', ParseUuidPipe)`: a malformed id is a 400 validation problem (never a 404 or a 500). */
export class ParseUuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw AppError.validation([{ path: this.name, message: `${this.name} must be a UUID` }]);
    return value.toLowerCase();
  }
}

/**
 * A path parameter that is a UUID (`:id` by default): validated (400 otherwise), lower-cased, and
 * documented in OpenAPI as `format: uuid`, so clients and the contract fuzzing send real ids.
 */
export function UuidParam(name = 'id'): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ParseUuidPipe(name))(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor) throw new Error(`@UuidParam('${name}') must decorate a method parameter`);
    ApiParam({ name, required: true, schema: { type: 'string', format: 'uuid' } })(target, key as string, descriptor);
  };
}
