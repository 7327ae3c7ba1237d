// The automation context's public surface. Everything else under src/modules/automation is private.
export { AutomationModule } from './automation.module';
export { AUTOMATION_EVENTS } from './automation.events';
export type { FormSubmittedV1, WorkflowRunActionV1 } from './automation.events';
export { automationPermissions } from './automation.permissions';
export type { AutomationPermission } from './automation.permissions';
