import { PipeTransform } from '@nestjs/common';
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
