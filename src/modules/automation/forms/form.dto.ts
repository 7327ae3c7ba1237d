import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsTrimmedString, OptionalUuid } from '@libs/http';
import { ListQueryDto, PageQueryDto, sortValues, ToArray } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { FORM_FIELD_TYPES, FORM_KINDS, FormFieldType, FormKind, LEAD_FIELD_TARGETS, LeadFieldTarget } from './form-definition';
import { formRejectionReason, FormRejectionReason, formSubmissionStatus, FormSubmissionStatus } from './forms.schema';

export const FORM_SORTS = sortValues(['createdAt'] as const);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class FormFieldOptionDto {
  /** @example "heat_pump" */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  value: string;

  @ApiLocalizedText({ example: { de: 'Wärmepumpe', en: 'Heat pump' } })
  @IsLocalizedText({ maxLength: 200 })
  label: LocalizedText;
}

export class FormFieldDto {
  /** The answer's key. @example "email" */
  @IsString()
  @MaxLength(50)
  key: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  @IsIn(FORM_FIELD_TYPES)
  type: FormFieldType;

  @ApiLocalizedText({ example: { de: 'E-Mail-Adresse', en: 'E-mail address' } })
  @IsLocalizedText({ maxLength: 300 })
  label: LocalizedText;

  @ApiLocalizedText({ required: false })
  @IsOptional()
  @IsLocalizedText({ maxLength: 1000 })
  help?: LocalizedText;

  @IsBoolean()
  required: boolean;

  /** text: minimum length; number: minimum value; multi_select: fewest choices. */
  @IsOptional()
  @IsNumber()
  min?: number;

  @IsOptional()
  @IsNumber()
  max?: number;

  /** text: a regular expression the whole answer must match. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  pattern?: string;

  @ApiPropertyOptional({ type: [FormFieldOptionDto] })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormFieldOptionDto)
  options?: FormFieldOptionDto[];

  @ApiPropertyOptional({ enum: LEAD_FIELD_TARGETS, description: 'Lead forms: the lead field this answer fills.' })
  @IsOptional()
  @IsIn(LEAD_FIELD_TARGETS)
  leadField?: LeadFieldTarget;
}

export class FormConsentDto {
  /** Changes whenever the text does; kept with every submission. @example "2026-12" */
  @IsTrimmedString(50)
  version: string;

  @ApiLocalizedText({ example: { de: 'Ich willige ein, dass Renewa meine Angaben zur Bearbeitung meiner Anfrage verarbeitet.', en: 'I consent to Renewa processing my details to handle my enquiry.' } })
  @IsLocalizedText({ maxLength: 5000 })
  text: LocalizedText;
}

export class FormSettingsDto {
  /** Submissions sooner than this after the form was shown count as spam (stored as rejected). */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 3600, default: 3 })
  @IsInt()
  @Min(0)
  @Max(3600)
  minFillSeconds: number;

  /** A hidden field humans leave empty; filled → spam. @example "website" */
  @IsString()
  @Matches(/^[a-z][a-zA-Z0-9_]{0,49}$/)
  honeypotField: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, default: 20 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxPerIpPerHour: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, default: 500 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxPerFormPerHour: number;
}

const EXAMPLE_FIELDS = [
  { key: 'lastName', type: 'text', label: { de: 'Nachname', en: 'Last name' }, required: true, max: 100, leadField: 'lastName' },
  { key: 'email', type: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, required: true, leadField: 'email' },
  { key: 'message', type: 'text', label: { de: 'Ihre Nachricht', en: 'Your message' }, required: false, max: 2000, leadField: 'message' },
];

export class CreateFormDto {
  @ApiLocalizedText({ example: { de: 'Rückruf anfordern', en: 'Request a call back' } })
  @IsLocalizedText({ maxLength: 200 })
  name: LocalizedText;

  /** In the public URL; default: from the German name plus a random suffix. */
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(SLUG, { message: 'slug must be lower-case words joined by hyphens' })
  slug?: string;

  @ApiProperty({ enum: FORM_KINDS, description: 'lead: every accepted submission creates (or finds) a lead.' })
  @IsIn(FORM_KINDS)
  kind: FormKind;

  @ApiProperty({ type: [FormFieldDto], example: EXAMPLE_FIELDS })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  fields: FormFieldDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => FormConsentDto)
  consent?: FormConsentDto | null;

  /** Shown after a submission. */
  @ApiLocalizedText({ example: { de: 'Vielen Dank! Wir melden uns innerhalb von zwei Werktagen.', en: 'Thank you! We will be in touch within two working days.' } })
  @IsLocalizedText({ maxLength: 2000 })
  confirmation: LocalizedText;

  @IsOptional()
  @ValidateNested()
  @Type(() => FormSettingsDto)
  settings?: FormSettingsDto;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** PATCH: a change of fields, consent, confirmation, kind or settings makes a new version. */
export class UpdateFormDto extends PartialType(OmitType(CreateFormDto, ['slug'] as const), { skipNullProperties: false }) {}

export class ListFormsQueryDto extends OmitType(ListQueryDto, ['q'] as const) {
  @ApiPropertyOptional({ enum: FORM_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(FORM_SORTS)
  sort?: string;
}

export class FormResponseDto extends AuditedResponseDto {
  slug: string;
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiProperty({ enum: FORM_KINDS })
  kind: FormKind;
  @ApiProperty({ type: [FormFieldDto] })
  fields: FormFieldDto[];
  @ApiProperty({ type: FormConsentDto, nullable: true })
  consent: FormConsentDto | null;
  @ApiLocalizedText()
  confirmation: LocalizedText;
  settings: FormSettingsDto;
  enabled: boolean;
}

export const FormPageDto = PageDto(FormResponseDto);

/** What a web site needs to render a form: the current version, and the token its submission brings back. */
export class PublicFormDto {
  slug: string;
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ type: [FormFieldDto] })
  fields: FormFieldDto[];
  @ApiProperty({ type: FormConsentDto, nullable: true })
  consent: FormConsentDto | null;
  /** Render it as a hidden, empty input (off-screen, not type=hidden); humans leave it empty. */
  honeypotField: string;
  /** Send it back with the submission (signed: form version and when it was shown). */
  formToken: string;
}

export class UtmDto {
  @IsOptional()
  @IsTrimmedString(200)
  source?: string;
  @IsOptional()
  @IsTrimmedString(200)
  medium?: string;
  @IsOptional()
  @IsTrimmedString(200)
  campaign?: string;
  @IsOptional()
  @IsTrimmedString(200)
  term?: string;
  @IsOptional()
  @IsTrimmedString(200)
  content?: string;
}

export class SubmitFormDto {
  /** From GET /public/forms/{slug}. */
  @IsString()
  @MaxLength(500)
  formToken: string;

  /** By field key; the honeypot field, if sent, must be empty. */
  @ApiProperty({ type: 'object', additionalProperties: true, example: { lastName: 'Schmidt', email: 'anna.schmidt@example.de', postcode: '10115', message: 'Wir möchten unser Haus von 1968 sanieren.', privacy: true } })
  @IsObject()
  answers: Record<string, unknown>;

  /** The language the visitor used (confirmation, consent text recorded, lead's language). */
  @ApiPropertyOptional({ enum: ['de', 'en'], default: 'de' })
  @IsOptional()
  @IsIn(['de', 'en'])
  language?: 'de' | 'en';

  @IsOptional()
  @ValidateNested()
  @Type(() => UtmDto)
  utm?: UtmDto;
}

export class SubmissionReceiptDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** The form's confirmation in both languages. */
  @ApiLocalizedText()
  confirmation: LocalizedText;
  /** The confirmation in the submission's language. */
  message: string;
}

export class ListFormSubmissionsQueryDto extends PageQueryDto {
  @OptionalUuid()
  formId?: string;

  @ApiPropertyOptional({ enum: formSubmissionStatus.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(formSubmissionStatus.enumValues, { each: true })
  status?: FormSubmissionStatus[];
}

export class FormSubmissionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  formId: string;
  @ApiProperty({ type: 'integer' })
  formVersion: number;
  @ApiProperty({ enum: formSubmissionStatus.enumValues })
  status: FormSubmissionStatus;
  @ApiProperty({ enum: formRejectionReason.enumValues, nullable: true })
  rejectionReason: FormRejectionReason | null;
  /** Why an invalid submission was refused. */
  @ApiProperty({ type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } }, nullable: true })
  errors: { path: string; message: string }[] | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  answers: Record<string, unknown>;
  @ApiProperty({ type: UtmDto, nullable: true })
  utm: UtmDto | null;
  /** The consent text and version the visitor agreed to, and when. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  consent: Record<string, unknown> | null;
  @ApiProperty({ enum: ['de', 'en'] })
  language: string;
  clientIp: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  leadId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  contactId: string | null;
  leadCreated: boolean;
  createdAt: Date;
}

export class FormSubmissionPageDto {
  @ApiProperty({ type: [FormSubmissionDto] })
  items: FormSubmissionDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export { SLUG };
