import { ApiProperty } from '@nestjs/swagger';
import { Matches, MaxLength } from 'class-validator';

export class DeadLetterDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  /** @example "audit.log" */
  subscriber: string;
  /** @example "auth.user.updated" */
  eventType: string;
  /** @example "user" */
  aggregateType: string;
  @ApiProperty({ format: 'uuid' })
  aggregateId: string;
  occurredAt: Date;
  /** Attempts made before the delivery was given up. */
  attempts: number;
  /** The subscriber's last error (truncated). */
  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;
  lastAttemptAt: Date;
}

export class DeadLetterPageDto {
  @ApiProperty({ type: [DeadLetterDto] })
  items: DeadLetterDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class DeadLetterParamsDto {
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'eventId must be a UUID' })
  eventId: string;

  /** @example "audit.log" */
  @Matches(/^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/, { message: 'subscriber must be a subscriber name such as audit.log' })
  @MaxLength(200)
  subscriber: string;
}

export class ReplayedDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  subscriber: string;
  @ApiProperty({ enum: ['pending'] })
  status: 'pending';
  /** The relay delivers it at its next batch from this time on. */
  nextAttemptAt: Date;
}
