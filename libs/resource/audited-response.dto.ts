import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { OptionalUuid } from '@libs/http';
import type { Page } from '@libs/pagination';

/**
 * The fields every versioned resource answers with: identity, version (its ETag) and the audit
 * columns. A resource's response DTO extends it and adds its own fields.
 */
export class AuditedResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Bumped by every change; the ETag header carries it. */
  @ApiProperty({ type: 'integer' })
  version: number;
  createdAt: Date;
  updatedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true })
  createdBy: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  updatedBy: string | null;
  /** Set while the record is soft-deleted (restore undoes it). */
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  deletedAt: Date | null;
}

/** The ownership fields of a create or update request (`ownerId`, `departmentId`), with their defaults. */
export class OwnershipFieldsDto {
  /** Defaults to the creator. */
  @OptionalUuid()
  ownerId?: string | null;

  /** Defaults to the creator's department; a scoped user may only choose their own. */
  @OptionalUuid()
  departmentId?: string | null;
}

/** A resource that belongs to a user and a department (`ownershipColumns()`): the scope columns. */
export class OwnedResponseDto extends AuditedResponseDto {
  @ApiProperty({ format: 'uuid', nullable: true })
  ownerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  departmentId: string | null;
}

/** The audited fields of a row, as `AuditedResponseDto` carries them. */
export function auditedFields(row: AuditedResponseDto): AuditedResponseDto {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    deletedAt: row.deletedAt,
  };
}

/**
 * The page DTO of a list (`{ items, nextCursor }`) for the OpenAPI document, named after the item:
 * `PageDto(CompanyResponseDto)` is `CompanyPageDto`. Created once per item type.
 */
export function PageDto<T>(item: Type<T>): Type<Page<T>> {
  const name = `${item.name.replace(/(Response)?Dto$/, '')}PageDto`;
  class ItemPage {
    @ApiProperty({ type: [item] })
    items: T[];
    @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
    nextCursor: string | null;
  }
  Object.defineProperty(ItemPage, 'name', { value: name });
  return ItemPage;
}
