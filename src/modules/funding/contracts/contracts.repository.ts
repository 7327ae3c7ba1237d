import { Injectable } from '@nestjs/common';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { FundingContract, fundingContracts } from './funding-contracts.schema';

export interface ContractFilters extends CommonListFilters {
  projectId?: string;
}

const CONTRACTS: ResourceTableSpec<typeof fundingContracts> = {
  table: fundingContracts,
  scope: { ownerColumns: [fundingContracts.ownerId, fundingContracts.createdBy], departmentColumn: fundingContracts.departmentId },
  constraints: {
    ...referenceConstraints('funding_contracts', { projectId: 'projects', ownerId: 'users', departmentId: 'departments' }),
  },
  sort: { fields: { createdAt: { expression: fundingContracts.createdAt, type: 'timestamp' } }, tieBreaker: fundingContracts.id, defaultSort: '-createdAt' },
  filters: { projectId: fundingContracts.projectId },
};

@Injectable()
export class ContractsRepository extends ResourceRepository<typeof fundingContracts, ContractFilters> {
  protected readonly spec = CONTRACTS;

  /**
   * The earliest live contract of a project signed without the funding clause up to `until`, whoever
   * recorded it (the start-of-project rule looks at all of them; none or one row).
   */
  earliestWithoutClause(projectId: string, until: Date): Promise<FundingContract[]> {
    return this.db
      .select()
      .from(fundingContracts)
      .where(and(eq(fundingContracts.projectId, projectId), isNull(fundingContracts.deletedAt), eq(fundingContracts.withFundingClause, false), lte(fundingContracts.signedAt, until)))
      .orderBy(asc(fundingContracts.signedAt))
      .limit(1);
  }

  /** A contract from an accepted quote, once per quote (a redelivered event changes nothing). */
  async insertFromQuote(values: typeof fundingContracts.$inferInsert): Promise<FundingContract | undefined> {
    const [row] = await this.db.insert(fundingContracts).values(values).onConflictDoNothing({ target: fundingContracts.quoteId }).returning();
    return row;
  }
}
