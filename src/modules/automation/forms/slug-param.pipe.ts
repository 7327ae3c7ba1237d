import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from '@libs/http';
import { SLUG } from './form.dto';

/** A form slug in the path: 400 for anything else (never reaches the database). */
@Injectable()
export class SlugParamPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 80 || !SLUG.test(value)) {
      throw AppError.validation([{ path: 'slug', message: 'slug must be lower-case words joined by hyphens (at most 80 characters)' }]);
    }
    return value;
  }
}
