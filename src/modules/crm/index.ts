// The CRM context's public surface: what other contexts, the app and seeds may use. Everything
// else under src/modules/crm is private (enforced by .dependency-cruiser.js).
export { CrmModule } from './crm.module';
export { CRM_EVENTS } from './crm.events';
export type { ContactMergedV1, LeadConvertedV1 } from './crm.events';
export { CrmQueries } from './crm.queries';
export { AUTOMATION_LEAD_FIELDS, CRM_COMMANDS_GRANTS, CrmCommands, LEAD_FIELD_VALUES } from './crm.commands';
export type { ActivityInput, AutomationLeadField, FormLeadInput, FormLeadResult } from './crm.commands';
export type { CompanyResponseDto as CrmCompany } from './companies/company.dto';
export type { ContactResponseDto as CrmContact } from './contacts/contact.dto';
export type { LeadResponseDto as CrmLead } from './leads/lead.dto';
export { crmPermissions } from './crm.permissions';
export type { CrmPermission } from './crm.permissions';
