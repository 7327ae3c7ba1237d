// The CRM context's public surface: what other contexts, the app and seeds may use. Everything
// else under src/modules/crm is private (enforced by .dependency-cruiser.js).
export { CrmModule } from './crm.module';
export { CRM_AGGREGATES, CRM_EVENTS } from './crm.events';
export type { ContactMergedV1, CrmEvent, CrmEventPayloads, CrmEventType, LeadConvertedV1 } from './crm.events';
export { crmPermissions } from './crm.permissions';
export type { CrmPermission } from './crm.permissions';
