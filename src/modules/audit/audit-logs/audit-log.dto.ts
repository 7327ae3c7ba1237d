import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsOptional, isISO8601, Matches, MaxLength } from 'class-validator';
import { OptionalUuid } from '@libs/http';
import { PageQueryDto } from '@libs/pagination';
import { pick } from '@libs/resource';
import type { AuditLog } from './audit-log.schema';

const toDate = ({ value }: { value: unknown }) => (typeof value === 'string' && isISO8601(value, { strict: true }) ? new Date(value) : value);

export class ListAuditLogsQueryDto extends PageQueryDto {
  /** @example "user" */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*$/, { message: 'entityType must be lower-case kebab, e.g. user' })
  @MaxLength(100)
  entityType?: string;

  @OptionalUuid()
  entityId?: string;

  @OptionalUuid()
  actorId?: string;

  /** The event type. @example "auth.user.updated" */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, { message: 'action must be an event type, e.g. auth.user.updated' })
  @MaxLength(200)
  action?: string;

  /** Changes that occurred at or after this time (ISO 8601). */
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'from must be an ISO 8601 date-time' })
  from?: Date;

  /** Changes that occurred before this time (ISO 8601). */
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'to must be an ISO 8601 date-time' })
  to?: Date;
}

/** Any JSON value, null included, spelled for OpenAPI 3.0 (`nullable` needs a `type` beside it). */
const ANY_JSON = {
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', nullable: true }, { type: 'array', items: {} }],
};

export class FieldChangeDto {
  @ApiProperty({ ...ANY_JSON, description: 'Value before the change; null when created' })
  before: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'Value after the change; null when deleted' })
  after: unknown;
}

export class AuditLogDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Position in the hash chain; newer rows have higher numbers. */
  seq: number;
  /** The domain event this row records (one row per event). */
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  /** Who made the change; null for changes without an actor. */
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  actorId: string | null;
  /** The event type. @example "auth.user.updated" */
  action: string;
  /** @example "user" */
  entityType: string;
  @ApiProperty({ format: 'uuid' })
  entityId: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: { $ref: '#/components/schemas/FieldChangeDto' },
    description: 'Changed fields with their value before and after; null when the event carries none',
    example: { name: { before: 'Anna Schmidt', after: 'Anna Schmidt-Weber' } },
  })
  changes: Record<string, FieldChangeDto> | null;
  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;
  @ApiProperty({ nullable: true, type: String })
  clientIp: string | null;
  /** When the change was committed by the service that made it. */
  occurredAt: Date;
  /** When the audit row was written. */
  recordedAt: Date;
  /** sha256 (hex) of the previous row; 64 zeros for the first. */
  prevHash: string;
  /** sha256 (hex) over this row's content and prevHash. */
  hash: string;
}

export class AuditLogPageDto {
  @ApiProperty({ type: [AuditLogDto] })
  items: AuditLogDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class ChainBreakDto {
  seq: number;
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** hash-mismatch: the row's content was changed; prev-hash-mismatch: the link to the previous row is broken. */
  @ApiProperty({ enum: ['hash-mismatch', 'prev-hash-mismatch'] })
  reason: 'hash-mismatch' | 'prev-hash-mismatch';
}

export class AuditChainVerificationDto {
  /** True when every row's hash and link check out. */
  ok: boolean;
  /** Rows verified before the result (all of them when ok). */
  checked: number;
  /** The first row that does not verify (only when not ok). */
  @ApiPropertyOptional({ type: ChainBreakDto })
  brokenAt?: ChainBreakDto;
}

const AUDIT_LOG_RESPONSE_FIELDS = [
  'id', 'seq', 'eventId', 'actorId', 'action', 'entityType', 'entityId', 'changes', 'requestId', 'clientIp', 'occurredAt', 'recordedAt', 'prevHash', 'hash',
] as const satisfies readonly (keyof AuditLog)[];

export function toAuditLogResponse(row: AuditLog): AuditLogDto {
  return pick(row, AUDIT_LOG_RESPONSE_FIELDS);
}
