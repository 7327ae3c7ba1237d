import { Injectable } from '@nestjs/common';
import { and, asc, eq, gte, isNotNull, isNull, lt, lte, notExists, or, sql, SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { CommonListFilters, mapConstraintErrors, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { fundingChecklistItems, fundingPrograms } from '../programs/funding-programs.schema';
import { addDays } from './application.rules';
import { fundingApplicationDocuments, fundingApplications, FundingApplicationStatus, fundingDeadlineNotices } from './funding-applications.schema';

/** How many days before a deadline it counts as due soon (lists, filter and the daily reminder). */
export const DUE_SOON_DAYS = 30;

export interface ApplicationFilters extends CommonListFilters {
  status?: FundingApplicationStatus[];
  projectId?: string;
  programId?: string;
  ownerId?: string;
  departmentId?: string;
  deadline?: 'due_soon' | 'overdue';
  /** Today (Europe/Berlin), set by the service for the deadline filter. */
  today?: string;
}

const APPLICATIONS: ResourceTableSpec<typeof fundingApplications> = {
  table: fundingApplications,
  scope: { ownerColumns: [fundingApplications.ownerId, fundingApplications.createdBy], departmentColumn: fundingApplications.departmentId },
  constraints: referenceConstraints('funding_applications', {
    projectId: 'projects',
    programId: 'funding_programs',
    scenarioId: 'scenarios',
    calculationId: 'funding_calculations',
    ownerId: 'users',
    departmentId: 'departments',
  }),
  sort: {
    fields: {
      createdAt: { expression: fundingApplications.createdAt, type: 'timestamp' },
      implementationDeadline: { expression: sql`coalesce(${fundingApplications.implementationDeadline}, '9999-12-31'::date)`, type: 'text' },
      proofDeadline: { expression: sql`coalesce(${fundingApplications.proofDeadline}, '9999-12-31'::date)`, type: 'text' },
    },
    tieBreaker: fundingApplications.id,
    defaultSort: '-createdAt',
  },
  search: { text: fundingApplications.searchText },
  filters: { status: fundingApplications.status, projectId: fundingApplications.projectId, programId: fundingApplications.programId, ownerId: fundingApplications.ownerId, departmentId: fundingApplications.departmentId },
};

const LINK_CONSTRAINTS = referenceConstraints('funding_application_documents', { documentId: 'documents' });

/** Deadlines run while an application is approved (its proofs not yet submitted). */
function overdue(today: string): SQL {
  const a = fundingApplications;
  // IS NOT NULL first: a missing deadline must be false, not NULL (the due-soon filter negates this).
  const passed = (column: AnyPgColumn) => and(isNotNull(column), lt(column, today));
  return and(eq(a.status, 'approved'), or(passed(a.implementationDeadline), passed(a.proofDeadline))) as SQL;
}

function dueSoon(today: string): SQL {
  const a = fundingApplications;
  const until = addDays(today, DUE_SOON_DAYS);
  const within = (column: AnyPgColumn) => and(gte(column, today), lte(column, until));
  return and(eq(a.status, 'approved'), sql`not (${overdue(today)})`, or(within(a.implementationDeadline), within(a.proofDeadline))) as SQL;
}

@Injectable()
export class ApplicationsRepository extends ResourceRepository<typeof fundingApplications, ApplicationFilters> {
  protected readonly spec = APPLICATIONS;

  protected override filterConditions(filters: ApplicationFilters): (SQL | undefined)[] {
    if (!filters.deadline || !filters.today) return [];
    return [filters.deadline === 'overdue' ? overdue(filters.today) : dueSoon(filters.today)];
  }

  async programKeyOf(programId: string): Promise<string | undefined> {
    const [row] = await this.db.select({ key: fundingPrograms.key }).from(fundingPrograms).where(eq(fundingPrograms.id, programId));
    return row?.key;
  }

  /**
   * Approved applications (all scopes: the daily check runs as the system) whose `kind` deadline lies
   * between `today` and `until` and that have no reminder for it yet; at most `limit`.
   */
  async pendingDeadlines(kind: 'implementation' | 'proof', today: string, until: string, limit: number) {
    const a = fundingApplications;
    const column = kind === 'implementation' ? a.implementationDeadline : a.proofDeadline;
    const n = fundingDeadlineNotices;
    return this.db
      .select({ id: a.id, projectId: a.projectId, ownerId: a.ownerId, dueOn: column, programKey: fundingPrograms.key })
      .from(a)
      .innerJoin(fundingPrograms, eq(fundingPrograms.id, a.programId))
      .where(
        and(
          eq(a.status, 'approved'),
          isNull(a.deletedAt),
          isNotNull(column),
          gte(column, today),
          lte(column, until),
          notExists(this.db.select({ one: sql`1` }).from(n).where(and(eq(n.applicationId, a.id), eq(n.kind, kind), eq(n.dueOn, column)))),
        ),
      )
      .orderBy(asc(column), asc(a.id))
      .limit(limit);
  }

  /** Records a reminder once; false when one exists for the application, kind and due day. */
  async insertNotice(applicationId: string, kind: 'implementation' | 'proof', dueOn: string): Promise<boolean> {
    const rows = await this.db.insert(fundingDeadlineNotices).values({ applicationId, kind, dueOn }).onConflictDoNothing().returning({ id: fundingDeadlineNotices.id });
    return rows.length > 0;
  }

  checklistLinks(applicationId: string) {
    return this.db.select().from(fundingApplicationDocuments).where(eq(fundingApplicationDocuments.applicationId, applicationId)).orderBy(asc(fundingApplicationDocuments.createdAt));
  }

  /** Links a document (an unknown document is a 422 through its foreign key); false when the link exists. */
  async linkDocument(values: typeof fundingApplicationDocuments.$inferInsert): Promise<boolean> {
    const rows = await mapConstraintErrors(LINK_CONSTRAINTS, () =>
      this.db.insert(fundingApplicationDocuments).values(values).onConflictDoNothing().returning({ id: fundingApplicationDocuments.id }),
    );
    return rows.length > 0;
  }

  checklistItemsOf(programId: string) {
    return this.db.select().from(fundingChecklistItems).where(eq(fundingChecklistItems.programId, programId)).orderBy(asc(fundingChecklistItems.position));
  }

  async checklistItemOf(programId: string, key: string) {
    const [row] = await this.db.select().from(fundingChecklistItems).where(and(eq(fundingChecklistItems.programId, programId), eq(fundingChecklistItems.key, key)));
    return row;
  }
}
