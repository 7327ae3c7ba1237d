import { ApiProperty, PartialType } from '@nestjs/swagger';
import { OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues } from '@libs/pagination';
import { AuditedResponseDto, PageDto } from '@libs/resource';
import { ApiLocalizedText, IsLocalizedText, LocalizedText } from '@libs/shared';

export const DEPARTMENT_SORTS = sortValues(['name', 'createdAt'] as const);

export class ListDepartmentsQueryDto extends ListQueryDto {
  /** `name` sorts by the German name. */
  @IsSort(DEPARTMENT_SORTS, 'name')
  sort?: string;

  /** Only the direct sub-departments of this department. */
  @OptionalUuid()
  parentId?: string;
}

export class CreateDepartmentDto {
  @ApiLocalizedText({ example: { de: 'Energieberatung', en: 'Energy consulting' } })
  @IsLocalizedText({ maxLength: 200 })
  name: LocalizedText;

  /** The department above it; none makes it a top-level department. */
  @OptionalUuid()
  parentId?: string | null;
}

/** PATCH: only the fields sent change; `parentId: null` makes it a top-level department. */
export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto, { skipNullProperties: false }) {}

export class DepartmentResponseDto extends AuditedResponseDto {
  @ApiLocalizedText()
  name: LocalizedText;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;
}

export const DepartmentPageDto = PageDto(DepartmentResponseDto);
