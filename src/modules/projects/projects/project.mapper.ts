import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { ProjectResponseDto, UpdateProjectDto } from './project.dto';
import type { Project, projects } from './projects.schema';

const PROJECT_FIELDS = [
  'number', 'title', 'status', 'statusChangedAt', 'cancellationReason', 'contactId', 'companyId', 'sourceLeadId', 'interests', 'notes', 'ownerId', 'departmentId',
] as const satisfies readonly (keyof Project)[];

/** What events and the audit log record (not the search text or the status timestamp). */
export const PROJECT_AUDITED_FIELDS = PROJECT_FIELDS.filter((field) => field !== 'statusChangedAt');

export const PROJECT_EXPORT_COLUMNS: CsvColumn<Project>[] = [
  ...fieldColumns<Project>(['id', 'createdAt', 'updatedAt', ...PROJECT_FIELDS.filter((field) => field !== 'interests'), 'deletedAt']),
  { header: 'interests', value: (project) => project.interests.join('|') },
];

export function toProjectResponse(project: Project): ProjectResponseDto {
  return auditedPick(project, PROJECT_FIELDS);
}

export type ProjectChanges = ChangesOf<typeof projects>;

/** Columns of the fields present in a create or update DTO (undefined = not sent), with the search text. */
export function projectColumns(dto: Partial<UpdateProjectDto>, current?: Pick<Project, 'number' | 'title'>): ProjectChanges {
  const columns: ProjectChanges = pickDefined(pick(dto, ['title', 'contactId', 'companyId', 'interests', 'notes', 'ownerId', 'departmentId']));
  return current ? { ...columns, searchText: projectSearchText({ ...current, ...columns } as Project) } : columns;
}

export function projectSearchText(project: Pick<Project, 'number' | 'title'>): string {
  return buildSearchText([project.number, project.title]);
}
