import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, Scope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { referenceNotFound, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { CrmQueries } from '../../crm';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import { ProjectResponseDto, UpdateProjectDto } from './project.dto';
import { PROJECT_AUDITED_FIELDS, projectColumns, projectSearchText, toProjectResponse } from './project.mapper';
import { formatProjectNumber, numberingYear, planStatusChange } from './project.rules';
import { ProjectNumbersRepository } from './project-numbers.repository';
import { ProjectFilters, ProjectsRepository } from './projects.repository';
import type { NewProject, Project, projects, ProjectStatus } from './projects.schema';

const PROJECT: ResourceDefinition<Project> = {
  name: 'project',
  code: 'PROJECTS_PROJECT',
  permissions: resourcePermissions('projects.projects'),
  events: PROJECTS_EVENTS.project,
  auditedFields: PROJECT_AUDITED_FIELDS,
};

/** What a new project is made of (its number and status are the service's). */
export type ProjectInput = Pick<NewProject, 'title' | 'contactId' | 'companyId' | 'sourceLeadId' | 'interests' | 'notes' | 'ownerId' | 'departmentId'>;

/** Project CRUD and status moves. Creation (directly or from a lead) goes through ProjectCreationService. */
@Injectable()
export class ProjectsService extends ResourceService<typeof projects, ProjectFilters, ProjectResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: ProjectsRepository,
    private readonly numbers: ProjectNumbersRepository,
    private readonly crm: CrmQueries,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, PROJECT, toProjectResponse);
  }

  /**
   * Inserts a project numbered from its year's counter, with its created event; inside the caller's
   * transaction. The caller has checked the contact and company (ProjectCreationService).
   */
  async insert(input: ProjectInput, scope: Scope, extra: { fromLeadId?: string } = {}): Promise<Project> {
    assertDepartmentInScope(scope, input.departmentId);
    const now = new Date();
    const year = numberingYear(now);
    const number = formatProjectNumber(year, await this.numbers.next(year));
    return this.steps.insert({ ...input, number, status: 'new', statusChangedAt: now, searchText: projectSearchText({ number, title: input.title }) }, extra);
  }

  async update(id: string, version: number, dto: UpdateProjectDto): Promise<ProjectResponseDto> {
    assertDepartmentInScope(currentScope('projects.projects:update'), dto.departmentId);
    const updated = await this.steps.update(id, version, async (current) => {
      await this.assertCustomerVisible(dto);
      return projectColumns(dto, current);
    });
    return toProjectResponse(updated);
  }

  /** `POST /projects/{id}/status`: a move allowed by project.rules.ts, within the update scope (If-Match optional). */
  async changeStatus(id: string, version: number | undefined, to: ProjectStatus, reason: string | null | undefined): Promise<ProjectResponseDto> {
    const scope = currentScope('projects.projects:update');
    return toProjectResponse(await this.moveStatus(id, to, reason, scope, version));
  }

  /**
   * Moves the status in one transaction: locks the row, applies the rules (409 for a forbidden move,
   * 422 for a cancellation without reason; the same status changes nothing) and appends
   * `projects.project.status_changed`. `scope` decides which projects may be moved.
   */
  moveStatus(id: string, to: ProjectStatus, reason: string | null | undefined, scope: Scope, version?: number): Promise<Project> {
    return this.steps.transaction(async () => {
      const current = await this.steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && current.version !== version) throw staleResource();
      const plan = planStatusChange(current.status, to, reason, new Date());
      if (!plan.ok) throw plan.error === 'reason_required' ? ProjectsErrors.cancellationReasonRequired() : ProjectsErrors.illegalProjectTransition(current.status, to, plan.allowed);
      if (!plan.changed) return current;
      const updated = await this.repository.update(id, current.version, plan.fields, scope);
      if (!updated) throw staleResource();
      await this.steps.publish(
        PROJECTS_EVENTS.project.statusChanged(id, {
          projectNumber: current.number,
          from: current.status,
          to,
          reason: plan.fields.cancellationReason,
          changes: fieldChanges(current, updated, PROJECT_AUDITED_FIELDS),
        }),
      );
      return updated;
    });
  }

  /** The live project `id` within `scope` (a child's create or update scope), else 422 naming the `projectId` field. */
  async within(id: string, scope: Scope): Promise<Project> {
    const project = await this.repository.findById(id, scope);
    if (!project) throw referenceNotFound('projectId', 'project');
    return project;
  }

  /** The contact and company a project names must exist and be readable by the actor (the system actor reads all). */
  private async assertCustomerVisible(input: { contactId?: string | null; companyId?: string | null }): Promise<void> {
    if (input.contactId && !(await this.crm.contact(input.contactId))) throw referenceNotFound('contactId', 'contact');
    if (input.companyId && !(await this.crm.company(input.companyId))) throw referenceNotFound('companyId', 'company');
  }
}
