import { auditedFields, pick } from '@libs/resource';
import type { WorkflowActionResponseDto, WorkflowResponseDto } from './workflow.dto';
import type { StoredAction } from './workflow-definition';
import type { Workflow } from './workflows.schema';

/** What the audit log records of a workflow (webhook secrets only as their ciphertext). */
export const WORKFLOW_AUDITED_FIELDS = ['name', 'description', 'triggerEventType', 'conditions', 'actions', 'enabled'] as const satisfies readonly (keyof Workflow)[];

export function toWorkflowResponse(workflow: Workflow): WorkflowResponseDto {
  return {
    ...auditedFields(workflow),
    ...pick(workflow, ['name', 'description', 'triggerEventType', 'conditions', 'enabled']),
    actions: workflow.actions.map(toActionResponse),
  };
}

/** A stored action as the API shows it: never the (encrypted) webhook secret. */
export function toActionResponse(action: StoredAction): WorkflowActionResponseDto {
  if (action.type !== 'call_webhook') return action as WorkflowActionResponseDto;
  return { type: action.type, url: action.url, secretSet: !!action.secretCiphertext };
}
