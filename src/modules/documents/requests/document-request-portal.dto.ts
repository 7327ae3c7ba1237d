import { ApiProperty } from '@nestjs/swagger';

/** One checklist line as the customer sees it: texts in the request's language only. */
export class PortalChecklistItemDto {
  @ApiProperty({ format: 'uuid' })
  itemId: string;
  /** @example "Grundriss" */
  documentType: string;
  instructions: string;
  required: boolean;
  /** missing: nothing uploaded yet; rejected: upload again (see `rejectionReason`). */
  @ApiProperty({ enum: ['missing', 'uploaded', 'accepted', 'rejected'] })
  status: 'missing' | 'uploaded' | 'accepted' | 'rejected';
  @ApiProperty({ type: 'string', nullable: true })
  rejectionReason: string | null;
}

/** What the customer's link shows: nothing beyond the checklist, its due date and who asks. */
export class PortalChecklistDto {
  /** @example "Renewa Energieberatung GmbH" */
  consultancyName: string;
  @ApiProperty({ enum: ['de', 'en'] })
  language: 'de' | 'en';
  @ApiProperty({ type: 'string', format: 'date' })
  dueDate: string;
  /** Every required item has a file. */
  complete: boolean;
  @ApiProperty({ type: [PortalChecklistItemDto] })
  items: PortalChecklistItemDto[];
}

export class PortalUploadReceiptDto {
  @ApiProperty({ format: 'uuid' })
  itemId: string;
  @ApiProperty({ enum: ['uploaded'] })
  status: 'uploaded';
  /** The sanitised name the file was stored under. */
  filename: string;
  @ApiProperty({ type: 'integer' })
  byteSize: number;
  /** Every required item has a file now. */
  complete: boolean;
}
