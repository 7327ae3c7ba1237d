import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsEmailAddress } from '@libs/contact-data';
import { IsTrimmedString, OptionalUuid } from '@libs/http';
import { ListQueryDto, sortValues } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';
import { AUTOMATION_LEAD_FIELDS } from '../../crm';
import {
  ACTION_TYPES,
  ActionType,
  ACTIVITY_SUBJECT_KINDS,
  ActivitySubjectKind,
  CONDITION_OPERATORS,
  ConditionOperator,
  EVENT_PATH,
  JsonScalar,
  RECIPIENT_KINDS,
  RecipientKind,
} from './workflow-definition';

export const WORKFLOW_SORTS = sortValues(['createdAt'] as const);
const EVENT_TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*$/;
const PATH_MESSAGE = 'must be an event path: aggregateId, aggregateType, actorId, occurredAt, type or payload.<field>…';

export class ConditionDto {
  /** @example "payload.snapshot.source" */
  @IsString()
  @Matches(EVENT_PATH, { message: `path ${PATH_MESSAGE}` })
  path: string;

  @ApiProperty({ enum: CONDITION_OPERATORS })
  @IsIn(CONDITION_OPERATORS)
  op: ConditionOperator;

  /** A string, number, boolean or null; a list of them for `in`/`notIn`; absent for `exists`/`notExists`. @example "website_form" */
  @ApiPropertyOptional({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string', nullable: true } }, { type: 'array', items: { type: 'number' } }] })
  @IsOptional()
  @Transform(({ value }) => value)
  value?: JsonScalar | JsonScalar[];
}

export class RecipientDto {
  @ApiProperty({ enum: RECIPIENT_KINDS, description: 'lead / contact: the record whose id is at `path`; assignee: the user whose id is at `path`; fixed: `address`.' })
  @IsIn(RECIPIENT_KINDS)
  kind: RecipientKind;

  /** Event path of the id (default: aggregateId; for assignee payload.snapshot.assigneeId). */
  @IsOptional()
  @Matches(EVENT_PATH, { message: `path ${PATH_MESSAGE}` })
  path?: string;

  @IsOptional()
  @IsEmailAddress()
  address?: string;

  @ApiPropertyOptional({ enum: ['de', 'en'] })
  @IsOptional()
  @IsIn(['de', 'en'])
  language?: 'de' | 'en';
}

export class EmailTemplateDto {
  @ApiLocalizedText({ example: { de: 'Ihre Anfrage bei Renewa', en: 'Your enquiry at Renewa' } })
  @IsLocalizedText({ maxLength: 300 })
  subject: LocalizedText;

  /** Liquid placeholders: `{{ recipient.name }}`, `{{ event.payload.… }}`. */
  @ApiLocalizedText({ example: { de: 'Guten Tag {{ recipient.name }}, danke für Ihre Anfrage.', en: 'Hello {{ recipient.name }}, thank you for your enquiry.' } })
  @IsLocalizedText({ maxLength: 20_000 })
  body: LocalizedText;
}

/**
 * One step of a workflow; `type` says which of the other fields apply:
 * send_email (recipient, template), call_webhook (url, secret), create_activity (activityType,
 * subjectKind, subjectPath, subject, body, ownerId), update_field (entity, idPath, field, value or
 * valuePath), wait (seconds, or untilPath with offsetSeconds).
 */
export class WorkflowActionDto {
  @ApiProperty({ enum: ACTION_TYPES })
  @IsIn(ACTION_TYPES)
  type: ActionType;

  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientDto)
  recipient?: RecipientDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => EmailTemplateDto)
  template?: EmailTemplateDto;

  /** call_webhook: an https URL (http only with WEBHOOK_ALLOW_HTTP). */
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  @MaxLength(2000)
  url?: string;

  /**
   * call_webhook: the signing secret (16–200 characters). Write-only: stored encrypted, never
   * returned; may be left out when changing a workflow whose webhook to the same URL has one.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ enum: ['note', 'call', 'email', 'meeting'] })
  @IsOptional()
  @IsIn(['note', 'call', 'email', 'meeting'])
  activityType?: 'note' | 'call' | 'email' | 'meeting';

  @ApiPropertyOptional({ enum: ACTIVITY_SUBJECT_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_SUBJECT_KINDS)
  subjectKind?: ActivitySubjectKind;

  @IsOptional()
  @Matches(EVENT_PATH, { message: `subjectPath ${PATH_MESSAGE}` })
  subjectPath?: string;

  /** create_activity: its subject (a template). */
  @IsOptional()
  @IsTrimmedString(300)
  subject?: string;

  /** create_activity: its text (a template). */
  @IsOptional()
  @IsTrimmedString(20_000)
  body?: string;

  @OptionalUuid()
  ownerId?: string;

  @ApiPropertyOptional({ enum: ['lead'] })
  @IsOptional()
  @IsIn(['lead'])
  entity?: 'lead';

  @IsOptional()
  @Matches(EVENT_PATH, { message: `idPath ${PATH_MESSAGE}` })
  idPath?: string;

  @ApiPropertyOptional({ enum: AUTOMATION_LEAD_FIELDS, description: 'update_field: the lead fields automation may set.' })
  @IsOptional()
  @IsIn(AUTOMATION_LEAD_FIELDS)
  field?: string;

  @ApiPropertyOptional({ oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] })
  @IsOptional()
  @Transform(({ value }) => value)
  value?: JsonScalar;

  @IsOptional()
  @Matches(EVENT_PATH, { message: `valuePath ${PATH_MESSAGE}` })
  valuePath?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 366 * 86_400 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366 * 86_400)
  seconds?: number;

  @IsOptional()
  @Matches(EVENT_PATH, { message: `untilPath ${PATH_MESSAGE}` })
  untilPath?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: -366 * 86_400, maximum: 366 * 86_400 })
  @IsOptional()
  @IsInt()
  @Min(-366 * 86_400)
  @Max(366 * 86_400)
  offsetSeconds?: number;
}

const EXAMPLE_ACTIONS = [
  {
    type: 'send_email',
    recipient: { kind: 'lead' },
    template: {
      subject: { de: 'Ihre Anfrage bei Renewa', en: 'Your enquiry at Renewa' },
      body: { de: 'Guten Tag {{ recipient.name }}, danke für Ihre Anfrage.', en: 'Hello {{ recipient.name }}, thank you for your enquiry.' },
    },
  },
];

export class CreateWorkflowDto {
  @ApiLocalizedText({ example: { de: 'Eingangsbestätigung für Leads', en: 'Lead confirmation' } })
  @IsLocalizedText({ maxLength: 200 })
  name: LocalizedText;

  @IsOptional()
  @IsTrimmedString(2000)
  description?: string | null;

  /** An event type of the catalogue (GET /automation/event-types). */
  @ApiProperty({ pattern: EVENT_TYPE.source, example: 'crm.lead.created' })
  @IsString()
  @Matches(EVENT_TYPE, { message: 'triggerEventType must be an event type such as crm.lead.created' })
  triggerEventType: string;

  /** All must hold for the event to start a run (none: every event of the type). */
  @ApiPropertyOptional({ type: [ConditionDto], example: [{ path: 'payload.snapshot.source', op: 'eq', value: 'website_form' }] })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConditionDto)
  conditions?: ConditionDto[];

  @ApiProperty({ type: [WorkflowActionDto], example: EXAMPLE_ACTIONS })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WorkflowActionDto)
  actions: WorkflowActionDto[];

  /** New workflows are off until enabled (test them first). */
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** PATCH: the fields sent replace the current ones (`actions` and `conditions` as a whole). */
export class UpdateWorkflowDto extends PartialType(CreateWorkflowDto, { skipNullProperties: false }) {}

export class ListWorkflowsQueryDto extends OmitType(ListQueryDto, ['q'] as const) {
  @ApiPropertyOptional({ enum: WORKFLOW_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(WORKFLOW_SORTS)
  sort?: string;

  /** @example "crm.lead.created" */
  @IsOptional()
  @Matches(EVENT_TYPE)
  triggerEventType?: string;

  @ApiPropertyOptional({ type: 'boolean' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  enabled?: boolean;
}

/** An action as the API shows it: a webhook's secret is never returned, only whether one is set. */
export class WorkflowActionResponseDto extends OmitType(WorkflowActionDto, ['secret'] as const) {
  /** call_webhook: whether a signing secret is stored. */
  secretSet?: boolean;
}

export class WorkflowResponseDto extends AuditedResponseDto {
  @ApiLocalizedText()
  name: LocalizedText;
  description: string | null;
  triggerEventType: string;
  @ApiProperty({ type: [ConditionDto] })
  conditions: ConditionDto[];
  @ApiProperty({ type: [WorkflowActionResponseDto] })
  actions: WorkflowActionResponseDto[];
  enabled: boolean;
}

export const WorkflowPageDto = PageDto(WorkflowResponseDto);

/** A made-up event to test a workflow with; the type is the workflow's trigger. */
export class SampleEventDto {
  @OptionalUuid()
  aggregateId?: string;

  /** @example {"snapshot":{"source":"website_form","email":"anna.schmidt@example.de"}} */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { snapshot: { source: 'website_form' } } })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export class TestWorkflowDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => SampleEventDto)
  event?: SampleEventDto;
}

export class TestStepDto {
  @ApiProperty({ type: 'integer' })
  position: number;
  @ApiProperty({ enum: ACTION_TYPES })
  type: ActionType;
  /** What the step would do: the rendered mail, the webhook request, the activity, the field change, the wait. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  wouldDo: Record<string, unknown> | null;
  /** Why it could not run (e.g. the lead has no e-mail address). */
  error: string | null;
}

export class WorkflowTestResultDto {
  /** Whether the sample event would start a run (every condition holds). */
  matched: boolean;
  @ApiProperty({ type: [ConditionDto] })
  failedConditions: ConditionDto[];
  @ApiProperty({ type: [TestStepDto] })
  steps: TestStepDto[];
}

