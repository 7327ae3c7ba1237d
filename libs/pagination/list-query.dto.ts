import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalUuid } from '@libs/http';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './page';
import type { DeletedFilter } from './filters';
import { PageQueryDto } from './page-query.dto';
import { SEARCH_MAX_LENGTH, SEARCH_MIN_LENGTH } from '@libs/search';

/**
 * The query every resource list accepts: `limit`, `cursor`, `q`, the created-at range and
 * `deleted`. A resource's list DTO extends it with its typed filters and a `sort` whitelist
 * (`@IsIn(sortValues([...]))`).
 */
export class ListQueryDto extends PageQueryDto {
  /** Items per page (default 50). Optional in the contract: it has a default. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  override limit: number = DEFAULT_PAGE_LIMIT;

  /**
   * Search over names, e-mail, phone numbers and company (case-insensitive substring; phone numbers
   * in any common notation).
   * @example "müller"
   */
  @IsOptional()
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(SEARCH_MIN_LENGTH)
  @MaxLength(SEARCH_MAX_LENGTH)
  q?: string;

  /** Created at or after this instant (ISO 8601). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  createdFrom?: Date;

  /** Created before this instant (ISO 8601, exclusive). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  createdTo?: Date;

  /**
   * Soft-deleted rows: `exclude` (default), `include` or `only`. Anything but `exclude` needs the
   * resource's delete permission (whoever may restore them may see them).
   */
  @ApiPropertyOptional({ enum: ['exclude', 'include', 'only'], default: 'exclude' })
  @IsOptional()
  @IsIn(['exclude', 'include', 'only'])
  deleted: DeletedFilter = 'exclude';
}

/** `?status=new&status=lost` and `?status=new,lost` both become `['new', 'lost']`. */
export const ToArray = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null || value === '') return undefined;
    const list = Array.isArray(value) ? value : [value];
    return list.flatMap((item) => (typeof item === 'string' ? item.split(',') : [item])).map((item) => (typeof item === 'string' ? item.trim() : item));
  });

/**
 * The `sort` whitelist of a list (OpenAPI enum with its default): `@IsSort(COMPANY_SORTS, '-createdAt') sort?: string;`
 * The default must be one of `sorts` and equal the ListSortSpec's defaultSort.
 */
export function IsSort(sorts: readonly string[], defaultSort: string): PropertyDecorator {
  if (!sorts.includes(defaultSort)) throw new Error(`default sort ${defaultSort} is not one of ${sorts.join(', ')}`);
  return applyDecorators(ApiPropertyOptional({ enum: sorts, default: defaultSort }), IsOptional(), IsIn(sorts));
}

/** The query of a list whose rows have an owner and a department: filters by either. */
export class OwnedListQueryDto extends ListQueryDto {
  @OptionalUuid()
  ownerId?: string;

  @OptionalUuid()
  departmentId?: string;
}
