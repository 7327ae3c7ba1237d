import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsTrimmedString, SecretProperty } from '@libs/http';
import { appointmentStatus, AppointmentStatus } from '../appointments/appointments.schema';
import { AppointmentLocationDto } from '../appointments/appointment.dto';

export class OfferedSlotDto {
  /** @example "2030-03-06T09:00:00.000Z" */
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  /** @example "2030-03-06T10:30:00.000Z" */
  @Type(() => Date)
  @IsDate()
  endsAt: Date;
}

export class CreateCustomerLinkDto {
  /** Hours until the link expires (1 to 720; default 168 = a week). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 720, default: 168, example: 168 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  expiresInHours?: number;

  /** Up to three alternative times the customer may pick instead (same consultants). */
  @ApiPropertyOptional({ type: [OfferedSlotDto], maxItems: 3 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => OfferedSlotDto)
  alternatives?: OfferedSlotDto[];
}

export class CustomerLinkResponseDto {
  /** Shown once; only its hash is stored. The customer opens `/api/v1/public/appointment-links/{token}`. */
  @SecretProperty()
  token: string;
  expiresAt: Date;
  @ApiProperty({ format: 'uuid' })
  appointmentId: string;
}

export const CUSTOMER_ACTIONS = ['confirm', 'cancel', 'pick_alternative'] as const;
export type CustomerAction = (typeof CUSTOMER_ACTIONS)[number];

/** The customer's answer: confirm, cancel (with an optional reason) or pick an offered alternative. */
export class CustomerResponseDto {
  @ApiProperty({ enum: CUSTOMER_ACTIONS, example: 'confirm' })
  @IsIn(CUSTOMER_ACTIONS)
  action: CustomerAction;

  /** With `pick_alternative`: the index (0-based) of the offered alternative. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 2 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2)
  alternative?: number;

  /** With `cancel`. @example "Terminkonflikt" */
  @IsOptional()
  @IsTrimmedString(500)
  reason?: string | null;
}

/** What the customer sees: no internal ids besides the appointment's, no notes. */
export class CustomerAppointmentViewDto {
  title: string;
  @ApiProperty({ enum: appointmentStatus.enumValues })
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  @ApiProperty({ type: AppointmentLocationDto, nullable: true })
  location: AppointmentLocationDto | null;
  remoteUrl: string | null;
  @ApiProperty({ type: [OfferedSlotDto] })
  alternatives: OfferedSlotDto[];
  expiresAt: Date;
}
