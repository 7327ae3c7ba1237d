import { ApiProperty } from '@nestjs/swagger';
import { ApiLocalizedText } from '../common/api-localized-text';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLocalizedText, LocalizedText } from '@libs/db';
import { PageQueryDto } from '@libs/pagination';
import type { Department } from './departments.schema';

export class ListDepartmentsQueryDto extends PageQueryDto {
  /** Part of the German or English name. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Only the direct sub-departments of this department. */
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

export class CreateDepartmentDto {
  @ApiLocalizedText({ example: { de: 'Energieberatung', en: 'Energy consulting' } })
  @IsLocalizedText({ maxLength: 200 })
  name: LocalizedText;

  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class UpdateDepartmentDto {
  @ApiLocalizedText({ required: false })
  @IsOptional()
  @IsLocalizedText({ maxLength: 200 })
  name?: LocalizedText;

  /** null makes it a top-level department. */
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

export class DepartmentResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every edit; the ETag header carries it. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
}

export class DepartmentPageDto {
  @ApiProperty({ type: [DepartmentResponseDto] })
  items: DepartmentResponseDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export function toDepartmentResponse(department: Department): DepartmentResponseDto {
  const { id, name, parentId, createdAt, updatedAt, version } = department;
  return { id, name, parentId, createdAt, updatedAt, version };
}
