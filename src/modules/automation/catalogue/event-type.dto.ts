import { ApiProperty } from '@nestjs/swagger';

export class EventTypeDto {
  /** @example "crm.lead.created" */
  type: string;
  /** @example "crm" */
  context: string;
  /** @example "lead" */
  aggregateType: string;
  description: string | null;
  /** JSON Schema of the payload (`payload.…` paths of conditions and templates read it); null until regenerated. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  payloadSchema: Record<string, unknown> | null;
}
