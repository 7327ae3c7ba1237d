import { auditedPick } from '@libs/resource';
import type { WorkflowActionResponseDto, WorkflowResponseDto } from './workflow.dto';
import type { StoredAction } from './workflow-definition';
import type { Workflow } from './workflows.schema';

/** What the audit log records of a workflow (webhook secrets only as their ciphertext). */
export const WORKFLOW_AUDITED_FIELDS = ['name', 'description', 'triggerEventType', 'conditions', 'actions', 'enabled'] as const satisfies readonly (keyof Workflow)[];

const RESPONSE_FIELDS = ['name', 'description', 'triggerEventType', 'conditions', 'enabled'] as const satisfies readonly (keyof Workflow)[];

export function toWorkflowResponse(workflow: Workflow): WorkflowResponseDto {
  // Actions are set on the picked object: spreading it into a new one costs far more per row.
  const response: Omit<WorkflowResponseDto, 'actions'> & Partial<Pick<WorkflowResponseDto, 'actions'>> = auditedPick(workflow, RESPONSE_FIELDS);
  response.actions = workflow.actions.map(toActionResponse);
  return response as WorkflowResponseDto;
}

/** A stored action as the API shows it: never the (encrypted) webhook secret. */
export function toActionResponse(action: StoredAction): WorkflowActionResponseDto {
  if (action.type !== 'call_webhook') return action as WorkflowActionResponseDto;
  return { type: action.type, url: action.url, secretSet: !!action.secretCiphertext };
}
