import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayUnique, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsTrimmedString, OptionalNotNull, OptionalUuid } from '@libs/http';
import { IsSort, OwnedListQueryDto, sortValues, ToArray } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { projectInterest, ProjectInterest, projectStatus, ProjectStatus } from './projects.schema';

export const PROJECT_SORTS = sortValues(['createdAt', 'updatedAt', 'title', 'number'] as const);

class ProjectFieldsDto extends OwnershipFieldsDto {
  /** @example "Energetische Sanierung EFH Schmidt" */
  @IsTrimmedString(200)
  title: string;

  /** The customer (a CRM contact). Defaults to the converted lead's contact. */
  @OptionalUuid()
  contactId?: string;

  /** The customer's company, if any. Defaults to the converted lead's company. */
  @OptionalUuid()
  companyId?: string | null;

  @ApiPropertyOptional({ enum: projectInterest.enumValues, isArray: true, description: "Defaults to the lead's interests." })
  @OptionalNotNull()
  @ToArray()
  @IsIn(projectInterest.enumValues, { each: true })
  @ArrayUnique()
  interests?: ProjectInterest[];

  @IsOptional()
  @IsTrimmedString(5000)
  notes?: string | null;
}

export class CreateProjectDto extends ProjectFieldsDto {
  /**
   * Start from this lead (read within your CRM scope; it must be converted): contact, company,
   * interests and a first building (address, type, living area) are taken from it. A lead has at
   * most one project (409 PROJECTS_LEAD_HAS_PROJECT).
   */
  @OptionalUuid()
  sourceLeadId?: string;
}

/** PATCH: only the fields sent change; `null` clears a nullable field. The status has its own route. */
export class UpdateProjectDto extends OmitType(ProjectFieldsDto, ['title', 'contactId'] as const) {
  /** @example "Energetische Sanierung EFH Schmidt" */
  @OptionalNotNull()
  @IsTrimmedString(200)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @OptionalNotNull()
  @IsUUID()
  contactId?: string;
}

export class ChangeProjectStatusDto {
  /**
   * new → survey_planned → surveyed → scenarios_presented → quoted → contracted → funding_applied →
   * in_execution → completed → closed; shortcuts new → surveyed, surveyed → quoted, contracted →
   * in_execution; survey_planned → new; cancelled from any open state (with a reason). 409 otherwise.
   */
  @ApiProperty({ enum: projectStatus.enumValues, example: 'survey_planned' })
  @IsIn(projectStatus.enumValues)
  status: ProjectStatus;

  /** Required when the status becomes `cancelled`. @example "Kunde hat das Haus verkauft" */
  @IsOptional()
  @IsTrimmedString(1000)
  reason?: string | null;
}

export class ListProjectsQueryDto extends OwnedListQueryDto {
  @IsSort(PROJECT_SORTS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ enum: projectStatus.enumValues, isArray: true, description: 'Repeat or comma-separate for several.' })
  @IsOptional()
  @ToArray()
  @IsIn(projectStatus.enumValues, { each: true })
  status?: ProjectStatus[];

  @OptionalUuid()
  contactId?: string;

  @OptionalUuid()
  companyId?: string;

  @OptionalUuid()
  sourceLeadId?: string;
}

export class ExportProjectsQueryDto extends OmitType(ListProjectsQueryDto, ['limit', 'cursor'] as const) {}

export class ProjectResponseDto extends OwnedResponseDto {
  /** @example "P-2026-00042" */
  number: string;
  title: string;
  @ApiProperty({ enum: projectStatus.enumValues })
  status: ProjectStatus;
  statusChangedAt: Date;
  cancellationReason: string | null;
  @ApiProperty({ format: 'uuid' })
  contactId: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  companyId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true })
  sourceLeadId: string | null;
  @ApiProperty({ enum: projectInterest.enumValues, isArray: true })
  interests: ProjectInterest[];
  notes: string | null;
}

export const ProjectPageDto = PageDto(ProjectResponseDto);
