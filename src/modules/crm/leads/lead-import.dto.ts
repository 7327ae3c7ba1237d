import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

const toBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ImportLeadsQueryDto {
  /** Validate every row and report, without importing anything (default: true — an import is explicit). */
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @toBoolean()
  @IsBoolean()
  dryRun: boolean = true;

  /** Import rows whose e-mail or phone matches an existing lead or contact (or an earlier row) too. */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @toBoolean()
  @IsBoolean()
  allowDuplicates: boolean = false;
}

export class CsvRowErrorDto {
  /** Line in the file (the header is line 1). */
  @ApiProperty({ type: 'integer' })
  row: number;
  /** The CSV column, or `*` for the whole row. */
  field: string;
  message: string;
}

export class LeadImportReportDto {
  /** Recorded as `importId` in each created lead's event. */
  @ApiProperty({ format: 'uuid' })
  importId: string;
  dryRun: boolean;
  /** Data rows read (without the header). */
  @ApiProperty({ type: 'integer' })
  rows: number;
  /** Rows that passed validation (and duplicate checks). */
  @ApiProperty({ type: 'integer' })
  valid: number;
  @ApiProperty({ type: 'integer' })
  invalid: number;
  /** Leads created (0 in a dry run). */
  @ApiProperty({ type: 'integer' })
  imported: number;
  /** Transactions the import committed, one per batch of valid rows. */
  @ApiProperty({ type: 'integer' })
  batches: number;
  @ApiProperty({ type: [CsvRowErrorDto] })
  errors: CsvRowErrorDto[];
  /** True when there were more errors than the report lists (the first 1,000 are kept). */
  errorsTruncated: boolean;
  /** Headers that are not import columns (e.g. `id` of an export); their cells are ignored. */
  ignoredColumns: string[];
}
