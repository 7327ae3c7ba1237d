import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsTrimmedString, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { absenceKind, AbsenceKind, federalState, FederalState } from './availability.schema';

export const AVAILABILITY_SORTS = sortValues(['createdAt'] as const);

export class CreateWorkingHoursDto {
  /** The consultant (a user). */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  /** 1 = Monday … 7 = Sunday. */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, example: 1 })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday: number;

  /** Minutes after local midnight (Europe/Berlin). */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1425, example: 480 })
  @IsInt()
  @Min(0)
  @Max(1425)
  startMinute: number;

  @ApiProperty({ type: 'integer', minimum: 15, maximum: 1440, example: 1020 })
  @IsInt()
  @Min(15)
  @Max(1440)
  endMinute: number;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsISO8601({ strict: true })
  validFrom: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, example: '2030-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validTo?: string | null;

  /** Public holidays of this federal state are days off. */
  @ApiProperty({ enum: federalState.enumValues, example: 'BY' })
  @IsIn(federalState.enumValues)
  federalState: FederalState;

  /** Defaults to your department; a scoped user may only choose their own. */
  @OptionalUuid()
  departmentId?: string | null;
}

export class WorkingHoursResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({ type: 'integer' })
  weekday: number;
  @ApiProperty({ type: 'integer' })
  startMinute: number;
  @ApiProperty({ type: 'integer' })
  endMinute: number;
  @ApiProperty({ format: 'date' })
  validFrom: string;
  @ApiProperty({ format: 'date', nullable: true })
  validTo: string | null;
  @ApiProperty({ enum: federalState.enumValues })
  federalState: FederalState;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
}

export class ListWorkingHoursQueryDto extends ListQueryDto {
  @IsSort(AVAILABILITY_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  userId?: string;
}

export class CreateAbsenceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: absenceKind.enumValues, example: 'training' })
  @IsIn(absenceKind.enumValues)
  kind: AbsenceKind;

  /** @example "2030-04-01T06:00:00.000Z" */
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  /** At most 366 days after startsAt. @example "2030-04-02T16:00:00.000Z" */
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @IsOptional()
  @IsTrimmedString(500)
  note?: string | null;

  @OptionalUuid()
  departmentId?: string | null;
}

export class AbsenceResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;
  @ApiProperty({ enum: absenceKind.enumValues })
  kind: AbsenceKind;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
}

export class ListAbsencesQueryDto extends ListQueryDto {
  @IsSort(AVAILABILITY_SORTS, '-createdAt')
  sort?: string;

  @OptionalUuid()
  userId?: string;
}

export const WorkingHoursPageDto = PageDto(WorkingHoursResponseDto);
export const AbsencePageDto = PageDto(AbsenceResponseDto);
