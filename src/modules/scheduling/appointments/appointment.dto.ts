import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OwnedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { appointmentKind, AppointmentKind, appointmentStatus, AppointmentStatus } from './appointments.schema';

export const APPOINTMENT_SORTS = sortValues(['startsAt', 'createdAt'] as const);
export const MAX_CONSULTANTS_PER_APPOINTMENT = 10;

export class AppointmentLocationDto {
  /** @example "Lindenstraße 12" */
  @IsTrimmedString(200)
  street: string;

  /** @example "80331" */
  @Matches(/^\d{5}$/, { message: 'postalCode must be a German postcode (5 digits)' })
  postalCode: string;

  /** @example "München" */
  @IsTrimmedString(100)
  city: string;
}

class AppointmentFieldsDto {
  @ApiProperty({ enum: appointmentKind.enumValues, example: 'on_site_visit' })
  @IsIn(appointmentKind.enumValues)
  kind: AppointmentKind;

  /** @example "Vor-Ort-Termin Familie Schmidt" */
  @IsTrimmedString(200)
  title: string;

  /** UTC instant. @example "2030-03-05T09:00:00.000Z" */
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  /** UTC instant; 15 to 600 minutes after startsAt. @example "2030-03-05T10:30:00.000Z" */
  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  /** The consultants (users); defaults to you. The first one owns the appointment. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_CONSULTANTS_PER_APPOINTMENT })
  @OptionalNotNull()
  @ToArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONSULTANTS_PER_APPOINTMENT)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  consultantIds?: string[];

  @OptionalUuid()
  contactId?: string | null;

  @OptionalUuid()
  projectId?: string | null;

  @OptionalUuid()
  leadId?: string | null;

  /** Where (on-site kinds); omit for remote or internal appointments. */
  @ApiPropertyOptional({ type: AppointmentLocationDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppointmentLocationDto)
  location?: AppointmentLocationDto | null;

  /** A video-call link for remote appointments. @example "https://meet.example.com/renewa-schmidt" */
  @IsOptional()
  @MaxLength(500)
  @IsUrl({ protocols: ['https'], require_protocol: true })
  remoteUrl?: string | null;

  /** Travel buffer before (minutes); defaults to the kind's. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 240 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(240)
  bufferBeforeMinutes?: number;

  /** Travel buffer after (minutes); defaults to the kind's. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 240 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(240)
  bufferAfterMinutes?: number;

  @ApiLocalizedText({ required: false, nullable: true, example: { de: 'Zugang über den Hof', en: 'Access through the yard' } })
  @IsOptional()
  @IsLocalizedText({ maxLength: 2000 })
  notes?: LocalizedText | null;

  @ApiPropertyOptional({ enum: ['de', 'en'], default: 'de' })
  @OptionalNotNull()
  @IsIn(['de', 'en'])
  language?: 'de' | 'en';

  /** Book outside working hours, absences or public holidays (needs scheduling.appointments:override-hours). */
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  overrideWorkingHours?: boolean;
}

export class CreateAppointmentDto extends AppointmentFieldsDto {}

/** PATCH: only the fields sent change; moving start, end or consultants reschedules (a new ICS SEQUENCE). */
export class UpdateAppointmentDto extends PartialType(OmitType(AppointmentFieldsDto, ['kind'] as const), { skipNullProperties: false }) {}

export class ChangeAppointmentStatusDto {
  @ApiProperty({ enum: appointmentStatus.enumValues, example: 'confirmed' })
  @IsIn(appointmentStatus.enumValues)
  status: AppointmentStatus;

  /** Required for cancelled and no_show. @example "Kunde verhindert" */
  @IsOptional()
  @IsTrimmedString(500)
  reason?: string | null;
}

export class ListAppointmentsQueryDto extends ListQueryDto {
  @IsSort(APPOINTMENT_SORTS, 'startsAt')
  sort?: string;

  /** Appointments this consultant takes part in. */
  @OptionalUuid()
  consultantId?: string;

  /** Appointments ending after this instant. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  /** Appointments starting before this instant. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiProperty({ enum: appointmentStatus.enumValues, isArray: true, required: false })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(5)
  @IsIn(appointmentStatus.enumValues, { each: true })
  status?: AppointmentStatus[];

  @ApiProperty({ enum: appointmentKind.enumValues, isArray: true, required: false })
  @IsOptional()
  @ToArray()
  @ArrayMaxSize(6)
  @IsIn(appointmentKind.enumValues, { each: true })
  kind?: AppointmentKind[];

  @OptionalUuid()
  contactId?: string;

  @OptionalUuid()
  projectId?: string;

  @OptionalUuid()
  leadId?: string;
}

export class ExportAppointmentsQueryDto extends OmitType(ListAppointmentsQueryDto, ['limit', 'cursor'] as const) {}

export class AppointmentResponseDto extends OwnedResponseDto {
  @ApiProperty({ enum: appointmentKind.enumValues })
  kind: AppointmentKind;
  title: string;
  @ApiProperty({ enum: appointmentStatus.enumValues })
  status: AppointmentStatus;
  statusReason: string | null;
  startsAt: Date;
  endsAt: Date;
  @ApiProperty({ type: 'integer' })
  bufferBeforeMinutes: number;
  @ApiProperty({ type: 'integer' })
  bufferAfterMinutes: number;
  outsideWorkingHours: boolean;
  @ApiProperty({ type: [String], format: 'uuid' })
  consultantIds: string[];
  @ApiProperty({ format: 'uuid', nullable: true })
  contactId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  projectId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  leadId: string | null;
  @ApiProperty({ type: AppointmentLocationDto, nullable: true })
  location: AppointmentLocationDto | null;
  remoteUrl: string | null;
  @ApiLocalizedText({ nullable: true })
  notes: LocalizedText | null;
  @ApiProperty({ enum: ['de', 'en'] })
  language: 'de' | 'en';
  /** The ICS SEQUENCE: bumped by every change a calendar must see. */
  @ApiProperty({ type: 'integer' })
  sequence: number;
  @ApiProperty({ format: 'uuid' })
  kindSettingId: string;
}

export const AppointmentPageDto = PageDto(AppointmentResponseDto);
