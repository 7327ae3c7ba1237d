import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { AppConfig, InjectAppConfig } from '@libs/config';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { AutomationErrors } from '../automation.errors';
import { AUTOMATION_EVENTS } from '../automation.events';
import { EventCatalogue } from '../catalogue/event-catalogue.service';
import { WEBHOOK_SECRET_PURPOSE } from '../engine/actions/call-webhook.action';
import { SecretBox } from '../shared/secret-box';
import { CreateWorkflowDto, UpdateWorkflowDto, WorkflowResponseDto } from './workflow.dto';
import { toWorkflowResponse, WORKFLOW_AUDITED_FIELDS } from './workflow.mapper';
import { storedDefinition } from './workflow.rules';
import type { StoredAction } from './workflow-definition';
import { WorkflowFilters, WorkflowsRepository } from './workflows.repository';
import type { Workflow, workflows } from './workflows.schema';

const WORKFLOW: ResourceDefinition<Workflow> = {
  name: 'workflow',
  code: 'AUTOMATION_WORKFLOW',
  permissions: resourcePermissions('automation.workflows'),
  events: AUTOMATION_EVENTS.workflow,
  auditedFields: WORKFLOW_AUDITED_FIELDS,
};

/** Workflow definitions: validated against the event catalogue and the action rules, secrets sealed. */
@Injectable()
export class WorkflowsService extends ResourceService<typeof workflows, WorkflowFilters, WorkflowResponseDto> {
  private readonly secrets: SecretBox;

  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    repository: WorkflowsRepository,
    outbox: EventOutbox,
    private readonly catalogue: EventCatalogue,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {
    super({ txHost, outbox, repository }, WORKFLOW, toWorkflowResponse);
    this.secrets = new SecretBox(config.automation.secretKey, WEBHOOK_SECRET_PURPOSE);
  }

  async create(dto: CreateWorkflowDto): Promise<WorkflowResponseDto> {
    const definition = this.definition(dto.triggerEventType, dto.conditions ?? [], dto.actions, []);
    const row = await this.steps.create({
      name: dto.name,
      description: dto.description ?? null,
      triggerEventType: dto.triggerEventType,
      ...definition,
      enabled: dto.enabled ?? false,
    });
    return toWorkflowResponse(row);
  }

  async update(id: string, version: number, dto: UpdateWorkflowDto): Promise<WorkflowResponseDto> {
    const updated = await this.steps.update(id, version, (current) => {
      const changesDefinition = dto.triggerEventType !== undefined || dto.conditions !== undefined || dto.actions !== undefined;
      const definition = changesDefinition
        ? this.definition(dto.triggerEventType ?? current.triggerEventType, dto.conditions ?? current.conditions, dto.actions ?? (current.actions as never), current.actions)
        : {};
      return {
        ...(dto.name !== undefined && dto.name !== null && { name: dto.name }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...(dto.triggerEventType && { triggerEventType: dto.triggerEventType }),
        ...(dto.enabled !== undefined && dto.enabled !== null && { enabled: dto.enabled }),
        ...definition,
      };
    });
    return toWorkflowResponse(updated);
  }

  private definition(triggerEventType: string, conditions: CreateWorkflowDto['conditions'] & object, actions: CreateWorkflowDto['actions'], previous: readonly StoredAction[]) {
    if (!this.catalogue.has(triggerEventType)) throw AutomationErrors.unknownEventType(triggerEventType);
    const result = storedDefinition(
      { conditions, actions },
      { seal: (secret) => this.secrets.seal(secret), previous, allowHttpWebhooks: this.config.automation.webhookAllowHttp },
    );
    if ('errors' in result) throw AutomationErrors.invalidDefinition(result.errors);
    return result;
  }
}
