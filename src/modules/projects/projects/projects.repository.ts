import { Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { ProjectsErrors } from '../projects.errors';
import { PROJECT_SCOPE_COLUMNS } from '../shared/project-part.repository';
import { Project, projects, ProjectStatus } from './projects.schema';

export interface ProjectFilters extends CommonListFilters {
  status?: ProjectStatus[];
  contactId?: string;
  companyId?: string;
  sourceLeadId?: string;
  ownerId?: string;
  departmentId?: string;
}

const PROJECTS: ResourceTableSpec<typeof projects> = {
  table: projects,
  scope: PROJECT_SCOPE_COLUMNS,
  constraints: {
    ...referenceConstraints('projects', { ownerId: 'users', departmentId: 'departments', contactId: 'contacts', companyId: 'companies', sourceLeadId: 'leads' }),
    projects_source_lead_id_unique: ProjectsErrors.leadAlreadyHasProject,
  },
  sort: {
    fields: {
      createdAt: { expression: projects.createdAt, type: 'timestamp' },
      updatedAt: { expression: projects.updatedAt, type: 'timestamp' },
      title: { expression: sql`lower(${projects.title})`, type: 'text' },
      number: { expression: projects.number, type: 'text' },
    },
    tieBreaker: projects.id,
    defaultSort: '-createdAt',
  },
  search: { text: projects.searchText },
  filters: {
    status: projects.status,
    contactId: projects.contactId,
    companyId: projects.companyId,
    sourceLeadId: projects.sourceLeadId,
    ownerId: projects.ownerId,
    departmentId: projects.departmentId,
  },
};

@Injectable()
export class ProjectsRepository extends ResourceRepository<typeof projects, ProjectFilters> {
  protected readonly spec = PROJECTS;

  /** The project started from a lead, deleted or not (a lead has at most one); no scope: for the lead intake's idempotency. */
  async findBySourceLead(leadId: string): Promise<Project | undefined> {
    const [row] = await this.db.select().from(projects).where(eq(projects.sourceLeadId, leadId));
    return row;
  }
}
