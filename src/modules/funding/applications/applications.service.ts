import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import type { Page } from '@libs/pagination';
import { referenceNotFound, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { DocumentsQueries } from '../../documents';
import { ProjectsQueries } from '../../projects';
import { CalculationsService } from '../calculator/calculations.service';
import { FUNDING_EVENTS } from '../funding.events';
import { FundingErrors } from '../funding.errors';
import { ApplicationChecklistDto, ApplicationResponseDto, CreateApplicationDto, LinkChecklistDocumentDto, ListApplicationsQueryDto, UpdateApplicationDto } from './application.dto';
import { APPLICATION_AUDITED_FIELDS, applicationColumns, toApplicationResponse } from './application.mapper';
import { FINAL_STATUSES } from './application.rules';
import { ApplicationFilters, ApplicationsRepository } from './applications.repository';
import type { FundingApplication, fundingApplications } from './funding-applications.schema';
import { berlinDate } from '@libs/shared';

const APPLICATION: ResourceDefinition<FundingApplication> = {
  name: 'application',
  code: 'FUNDING_APPLICATION',
  permissions: resourcePermissions('funding.applications'),
  events: FUNDING_EVENTS.application,
  auditedFields: APPLICATION_AUDITED_FIELDS,
};


/** Funding applications: create, edit, list with deadline states, checklist documents. Pipeline moves: ApplicationStatusService. */
@Injectable()
export class ApplicationsService extends ResourceService<typeof fundingApplications, ApplicationFilters, ApplicationResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: ApplicationsRepository,
    outbox: EventOutbox,
    private readonly projects: ProjectsQueries,
    private readonly calculations: CalculationsService,
    private readonly documents: DocumentsQueries,
  ) {
    super({ txHost, outbox, repository }, APPLICATION, (row) => toApplicationResponse(row, berlinDate()));
  }

  override list(query: ListApplicationsQueryDto): Promise<Page<ApplicationResponseDto>> {
    return super.list({ ...query, today: berlinDate() } as ListApplicationsQueryDto);
  }

  async create(dto: CreateApplicationDto): Promise<ApplicationResponseDto> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(currentScope('funding.applications:create'), departmentId);
    if (!(await this.projects.project(dto.projectId))) throw FundingErrors.projectNotVisible();
    await this.checkMeasures(dto.projectId, dto.scenarioId ?? null, dto.measureIds ?? []);
    if (dto.calculationId) {
      const calculation = await this.calculations.readable(dto.calculationId);
      if (!calculation || calculation.projectId !== dto.projectId) throw FundingErrors.measureNotVisible('calculationId');
    }
    const columns = applicationColumns({ ...dto, departmentId, ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId });
    const row = await this.steps.create(
      { ...columns, title: dto.title, projectId: dto.projectId, programId: dto.programId, scenarioId: dto.scenarioId ?? null, calculationId: dto.calculationId ?? null, measureIds: dto.measureIds ?? [], status: 'draft' },
      { projectId: dto.projectId },
    );
    return toApplicationResponse(row, berlinDate());
  }

  async update(id: string, version: number, dto: UpdateApplicationDto): Promise<ApplicationResponseDto> {
    assertDepartmentInScope(currentScope('funding.applications:update'), dto.departmentId);
    const row = await this.steps.update(id, version, (current) => {
      if (FINAL_STATUSES.includes(current.status)) throw FundingErrors.applicationClosed(current.status);
      return applicationColumns(dto, current);
    });
    return toApplicationResponse(row, berlinDate());
  }

  /** The programme's checklist with the documents linked to each item. */
  async checklist(id: string): Promise<ApplicationChecklistDto> {
    const application = await this.steps.get(id);
    const [items, links] = await Promise.all([this.repository.checklistItemsOf(application.programId), this.repository.checklistLinks(id)]);
    return {
      applicationId: id,
      items: items.map((item) => {
        const documentIds = links.filter((l) => l.checklistItemId === item.id).map((l) => l.documentId);
        return { checklistItemId: item.id, key: item.key, stage: item.stage, label: item.label, documentTypeKey: item.documentTypeKey, documentIds, fulfilled: documentIds.length > 0 };
      }),
    };
  }

  /** Links a document of the documents context to a checklist item (within the update scope of the application). */
  async linkDocument(id: string, dto: LinkChecklistDocumentDto): Promise<ApplicationChecklistDto> {
    await this.steps.transaction(async () => {
      const application = await this.steps.find(id, currentScope('funding.applications:update'));
      const item = await this.repository.checklistItemOf(application.programId, dto.itemKey);
      if (!item) throw FundingErrors.checklistItemUnknown();
      if (!(await this.documents.readable(dto.documentId))) throw referenceNotFound('documentId', 'document');
      if (!(await this.repository.linkDocument({ applicationId: id, checklistItemId: item.id, documentId: dto.documentId, createdBy: currentActorId() }))) {
        throw FundingErrors.documentAlreadyLinked();
      }
      await this.steps.publish(FUNDING_EVENTS.application.updated(id, { changes: { checklistDocuments: { before: null, after: { itemKey: item.key, documentId: dto.documentId } } } }));
    });
    return this.checklist(id);
  }

  private async checkMeasures(projectId: string, scenarioId: string | null, measureIds: string[]): Promise<void> {
    if (!scenarioId) {
      if (measureIds.length > 0) throw FundingErrors.measureNotVisible('measureIds');
      return;
    }
    const scenario = await this.projects.scenario(scenarioId);
    if (!scenario || scenario.projectId !== projectId) throw FundingErrors.scenarioNotVisible();
    const known = new Set((await this.projects.measuresOfScenario(scenarioId)).map((m) => m.id));
    const index = measureIds.findIndex((m) => !known.has(m));
    if (index >= 0) throw FundingErrors.measureNotVisible(`measureIds[${index}]`);
  }
}
