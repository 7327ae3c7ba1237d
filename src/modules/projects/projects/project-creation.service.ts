import { Injectable } from '@nestjs/common';
import { currentScope, defaultDepartment, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import { referenceNotFound } from '@libs/resource';
import { CrmQueries } from '../../crm';
import { BuildingsService } from '../buildings/buildings.service';
import { ProjectsErrors } from '../projects.errors';
import { buildingFromIntake, intakeFromEvent, intakeFromLead, intakeTitle, LeadConvertedPayload, LeadIntake } from './lead-intake';
import { CreateProjectDto, ProjectResponseDto } from './project.dto';
import { toProjectResponse } from './project.mapper';
import type { Project } from './projects.schema';
import { ProjectInput, ProjectsService } from './projects.service';

/**
 * How projects come to be: `POST /projects` (directly, or from a converted lead the actor may read)
 * and the `crm.lead.converted` subscriber. A project from a lead takes over its customer,
 * interests and (as its first building) the lead's property, in one transaction; the unique
 * `source_lead_id` keeps it to one project per lead whichever path comes first.
 */
@Injectable()
export class ProjectCreationService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly buildings: BuildingsService,
    private readonly crm: CrmQueries,
  ) {}

  async create(dto: CreateProjectDto): Promise<ProjectResponseDto> {
    const scope = currentScope('projects.projects:create');
    return this.projects.steps.transaction(async () => {
      const intake = dto.sourceLeadId ? await this.readableConvertedLead(dto.sourceLeadId) : undefined;
      const contactId = dto.contactId ?? intake?.contactId;
      if (!contactId) throw ProjectsErrors.contactRequired();
      const companyId = dto.companyId !== undefined ? dto.companyId : (intake?.companyId ?? null);
      if (!(await this.crm.contact(contactId))) throw referenceNotFound('contactId', 'contact');
      if (companyId && !(await this.crm.company(companyId))) throw referenceNotFound('companyId', 'company');
      const input: ProjectInput = {
        title: dto.title,
        contactId,
        companyId,
        sourceLeadId: intake?.leadId ?? null,
        interests: dto.interests ?? intake?.interests ?? [],
        notes: dto.notes ?? null,
        ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId,
        departmentId: defaultDepartment(dto.departmentId),
      };
      return toProjectResponse(await this.insert(input, intake, scope));
    });
  }

  /**
   * The subscriber's part, in the relay's transaction as the system actor: a project for the
   * converted lead unless it has one already (created directly, or an earlier delivery), owned by
   * the lead's assignee in the lead's department. Database only.
   */
  async fromConvertedLead(leadId: string, payload: LeadConvertedPayload): Promise<Project | undefined> {
    if (await this.projects.repository.findBySourceLead(leadId)) return undefined;
    const intake = intakeFromEvent(leadId, payload);
    const contact = await this.crm.contact(payload.contactId);
    const input: ProjectInput = {
      title: intakeTitle(intake, contact),
      contactId: payload.contactId,
      companyId: payload.companyId,
      sourceLeadId: leadId,
      interests: intake.interests,
      notes: null,
      ownerId: intake.assigneeId,
      departmentId: intake.departmentId,
    };
    return this.projects.steps.transaction(() => this.insert(input, intake, 'all'));
  }

  private async insert(input: ProjectInput, intake: LeadIntake | undefined, scope: Scope): Promise<Project> {
    const project = await this.projects.insert(input, scope, intake ? { fromLeadId: intake.leadId } : {});
    const building = intake && buildingFromIntake(intake);
    if (building) await this.buildings.insert(project.id, building);
    return project;
  }

  /** The lead within the actor's CRM read scope (422 otherwise); it must be converted (409). */
  private async readableConvertedLead(leadId: string): Promise<LeadIntake> {
    const lead = await this.crm.lead(leadId);
    if (!lead) throw referenceNotFound('sourceLeadId', 'lead');
    if (lead.status !== 'converted') throw ProjectsErrors.leadNotConverted(leadId, lead.status);
    return intakeFromLead(lead);
  }
}
