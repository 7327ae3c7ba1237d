import { bigint, date, foreignKey, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { documents } from '../../documents/documents/documents.schema';
import { projects } from '../../projects/projects/projects.schema';
import { scenarios } from '../../projects/scenarios/scenarios.schema';
import { fundingCalculations } from '../calculator/funding-calculations.schema';
import { fundingChecklistItems, fundingPrograms } from '../programs/funding-programs.schema';

/** The pipeline (rules in application.rules.ts). */
export const fundingApplicationStatus = pgEnum('funding_application_status', [
  'draft',
  'prepared',
  'submitted',
  'approved',
  'proofs_submitted',
  'paid',
  'rejected',
  'withdrawn',
  'expired',
]);
export type FundingApplicationStatus = (typeof fundingApplicationStatus.enumValues)[number];

/** An application of a project to one programme for some of its measures. */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    ...standardColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => fundingPrograms.id, { onDelete: 'restrict' }),
    /** The scenario whose measures it covers (optional). */
    scenarioId: uuid('scenario_id').references(() => scenarios.id, { onDelete: 'restrict' }),
    calculationId: uuid('calculation_id').references(() => fundingCalculations.id, { onDelete: 'restrict' }),
    /** The project's measures it covers (checked against the project when written). */
    measureIds: uuid('measure_ids').array().notNull(),
    title: text('title').notNull(),
    status: fundingApplicationStatus('status').notNull().default('draft'),
    bzaId: text('bza_id'),
    bndId: text('bnd_id'),
    bafaCaseNumber: text('bafa_case_number'),
    kfwApplicationNumber: text('kfw_application_number'),
    requestedAmountCents: bigint('requested_amount_cents', { mode: 'number' }),
    submittedOn: date('submitted_on', { mode: 'string' }),
    approvedAmountCents: bigint('approved_amount_cents', { mode: 'number' }),
    approvedOn: date('approved_on', { mode: 'string' }),
    implementationDeadline: date('implementation_deadline', { mode: 'string' }),
    proofDeadline: date('proof_deadline', { mode: 'string' }),
    proofsSubmittedOn: date('proofs_submitted_on', { mode: 'string' }),
    paidAmountCents: bigint('paid_amount_cents', { mode: 'number' }),
    paidOn: date('paid_on', { mode: 'string' }),
    closedReason: text('closed_reason'),
    note: text('note'),
    ...ownershipColumns(),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('funding_applications', t),
    ...ownershipIndexes('funding_applications', t),
    index('funding_applications_project_id_idx').on(t.projectId),
    index('funding_applications_program_id_idx').on(t.programId),
    index('funding_applications_calculation_id_idx').on(t.calculationId),
    index('funding_applications_scenario_id_idx').on(t.scenarioId),
    index('funding_applications_status_created_at_idx').on(t.status, t.createdAt, t.id),
    index('funding_applications_implementation_deadline_idx').on(t.implementationDeadline, t.id),
    index('funding_applications_proof_deadline_idx').on(t.proofDeadline, t.id),
    index('funding_applications_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
export type FundingApplication = typeof fundingApplications.$inferSelect;

/** A document of the documents context that fulfils a checklist item of an application. */
export const fundingApplicationDocuments = pgTable(
  'funding_application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    checklistItemId: uuid('checklist_item_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'restrict' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    // Named here: drizzle's generated names would pass PostgreSQL's 63 characters.
    foreignKey({ name: 'funding_app_documents_application_fk', columns: [t.applicationId], foreignColumns: [fundingApplications.id] }).onDelete('cascade'),
    foreignKey({ name: 'funding_app_documents_checklist_item_fk', columns: [t.checklistItemId], foreignColumns: [fundingChecklistItems.id] }).onDelete('restrict'),
    uniqueIndex('funding_application_documents_unique').on(t.applicationId, t.checklistItemId, t.documentId),
    index('funding_application_documents_item_idx').on(t.checklistItemId),
    index('funding_application_documents_document_idx').on(t.documentId),
  ],
);

export const fundingDeadlineKind = pgEnum('funding_deadline_kind', ['implementation', 'proof']);

/** One reminder per application, deadline kind and due day: makes the daily check idempotent. */
export const fundingDeadlineNotices = pgTable(
  'funding_deadline_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    kind: fundingDeadlineKind('kind').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'funding_deadline_notices_application_fk', columns: [t.applicationId], foreignColumns: [fundingApplications.id] }).onDelete('cascade'),
    uniqueIndex('funding_deadline_notices_unique').on(t.applicationId, t.kind, t.dueOn),
  ],
);
