import { bigint, boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { ownershipColumns, ownershipIndexes } from '../../auth/ownership.schema';
import { projects } from '../../projects/projects/projects.schema';

export const fundingContractSource = pgEnum('funding_contract_source', ['quote_accepted', 'recorded']);
export type FundingContractSource = (typeof fundingContractSource.enumValues)[number];

/**
 * A works/supply contract of a project as the start-of-project rule (domain.md §1.5) sees it:
 * signed when, and whether with the funding condition clause. Filled from finance's
 * `finance.quote.accepted` and by hand for contracts signed outside the system.
 */
export const fundingContracts = pgTable(
  'funding_contracts',
  {
    ...standardColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    source: fundingContractSource('source').notNull(),
    /** Finance's quote id (no foreign key: finance's tables are private). */
    quoteId: uuid('quote_id'),
    reference: text('reference').notNull(),
    contractor: text('contractor'),
    signedAt: timestamptz('signed_at').notNull(),
    withFundingClause: boolean('with_funding_clause').notNull(),
    method: text('method'),
    totalGrossCents: bigint('total_gross_cents', { mode: 'number' }),
    ...ownershipColumns(),
  },
  (t) => [
    ...standardIndexes('funding_contracts', t),
    ...ownershipIndexes('funding_contracts', t),
    index('funding_contracts_project_id_idx').on(t.projectId, t.signedAt),
    uniqueIndex('funding_contracts_quote_id_unique').on(t.quoteId),
  ],
);
export type FundingContract = typeof fundingContracts.$inferSelect;
