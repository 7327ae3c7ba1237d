// The single schema entry point: every context's tables, re-exported. drizzle-kit, the migration
// generator and the schema-drift test read this file.
export * from './seed-markers.schema';
export * from '../../libs/events/outbox.schema';
export * from '../modules/audit/audit-logs/audit-log.schema';
export * from '../modules/auth/departments/departments.schema';
export * from '../modules/auth/users/users.schema';
export * from '../modules/auth/roles/roles.schema';
export * from '../modules/auth/user-roles/user-roles.schema';
export * from '../modules/auth/sessions/refresh-tokens.schema';
export * from '../modules/auth/sessions/login-attempts.schema';
export * from '../../libs/idempotency/idempotency-keys.schema';
export * from '../modules/crm/shared/crm-enums.schema';
export * from '../modules/crm/companies/companies.schema';
export * from '../modules/crm/contacts/contacts.schema';
export * from '../modules/crm/leads/leads.schema';
export * from '../modules/crm/activities/activities.schema';
export * from '../modules/automation/workflows/workflows.schema';
export * from '../modules/automation/runs/workflow-runs.schema';
export * from '../modules/automation/mail/outbound-mails.schema';
export * from '../modules/automation/forms/forms.schema';
