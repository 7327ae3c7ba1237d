import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { ToArray } from '@libs/pagination';
import { appointmentKind, AppointmentKind } from '../appointments/appointments.schema';

export const MAX_SLOT_SPAN_DAYS = 31;
export const MAX_SLOT_CONSULTANTS = 20;
export const MAX_SLOTS = 200;

export class FindSlotsQueryDto {
  /** Consultants to search (defaults to you); at most 20. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_SLOT_CONSULTANTS })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(MAX_SLOT_CONSULTANTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  consultantIds?: string[];

  /** First local date (Europe/Berlin). */
  @ApiProperty({ format: 'date', example: '2030-03-04' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  /** Last local date, inclusive; at most 31 days after `from`. */
  @ApiProperty({ format: 'date', example: '2030-03-08' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;

  /** Minutes, 15 to 600 in steps of 15. */
  @ApiProperty({ type: 'integer', minimum: 15, maximum: 600, multipleOf: 15, example: 90 })
  @Type(() => Number)
  @IsInt()
  @Min(15)
  @Max(600)
  duration: number;

  /** Decides the travel buffers (the kind's defaults). */
  @ApiPropertyOptional({ enum: appointmentKind.enumValues, default: 'on_site_visit' })
  @IsOptional()
  @IsIn(appointmentKind.enumValues)
  kind?: AppointmentKind;

  /** A German postcode: slots on days the consultant is already nearby rank first. */
  @ApiPropertyOptional({ pattern: '^\\d{5}$', example: '80331' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'near must be a German postcode (5 digits)' })
  near?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_SLOTS, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SLOTS)
  limit?: number;
}

export class SlotDto {
  @ApiProperty({ format: 'uuid' })
  consultantId: string;
  startsAt: Date;
  endsAt: Date;
  /** Straight-line distance (km, postcode-region centroids) from `near` to the consultant's nearest appointment that day; null without one. */
  @ApiProperty({ type: 'number', nullable: true })
  distanceKm: number | null;
}

export class SlotListDto {
  @ApiProperty({ type: [SlotDto] })
  items: SlotDto[];
  /** More slots matched than `limit`. */
  truncated: boolean;
  /** Travel buffers the slots respect (minutes). */
  @ApiProperty({ type: 'integer' })
  bufferBeforeMinutes: number;
  @ApiProperty({ type: 'integer' })
  bufferAfterMinutes: number;
}
