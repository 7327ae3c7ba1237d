import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ActionHandlers } from '../engine/actions/action-handlers';
import { failedConditions } from './conditions.rules';
import type { TestWorkflowDto, WorkflowTestResultDto } from './workflow.dto';
import type { TriggerEvent } from './workflow-definition';
import { WorkflowsService } from './workflows.service';

/**
 * Test mode: a workflow against a sample event, without side effects — conditions evaluated,
 * recipients resolved (within the tester's read scope), templates rendered, and every step's
 * would-be effect reported. Nothing is sent, written, queued or recorded.
 */
@Injectable()
export class WorkflowTester {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly handlers: ActionHandlers,
  ) {}

  async test(id: string, dto: TestWorkflowDto): Promise<WorkflowTestResultDto> {
    const workflow = await this.workflows.steps.get(id);
    const event: TriggerEvent = {
      id: randomUUID(),
      type: workflow.triggerEventType,
      aggregateType: workflow.triggerEventType.split('.')[1],
      aggregateId: dto.event?.aggregateId ?? randomUUID(),
      actorId: null,
      occurredAt: new Date().toISOString(),
      payload: dto.event?.payload ?? {},
    };
    const failed = failedConditions(workflow.conditions, event);
    const steps: WorkflowTestResultDto['steps'] = [];
    for (const [position, action] of workflow.actions.entries()) {
      const ctx = { event, workflowId: workflow.id, runId: null, position, idempotencyKey: `test.${position}` };
      try {
        steps.push({ position, type: action.type, wouldDo: await this.handlers.for(action).preview(action, ctx), error: null });
      } catch (error) {
        steps.push({ position, type: action.type, wouldDo: null, error: (error as Error).message });
      }
    }
    return { matched: failed.length === 0, failedConditions: failed, steps };
  }
}
