import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gte, isNull, lte, lt, sql } from 'drizzle-orm';
import type { Scope } from '@libs/auth';
import { Repository } from '@libs/db';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import type { QuoteStatus } from './quote.rules';
import { NewQuoteVersion, Quote, quoteNumberCounters, quotes, QuoteVersion, quoteVersions } from './quotes.schema';

export interface QuoteFilters extends CommonListFilters {
  status?: QuoteStatus[];
  projectId?: string;
  contactId?: string;
  ownerId?: string;
  departmentId?: string;
  validFrom?: string;
  validTo?: string;
}

const QUOTES: ResourceTableSpec<typeof quotes> = {
  table: quotes,
  scope: { ownerColumns: [quotes.ownerId, quotes.createdBy], departmentColumn: quotes.departmentId },
  constraints: referenceConstraints('quotes', { ownerId: 'users', departmentId: 'departments', projectId: 'projects', contactId: 'contacts', companyId: 'companies' }),
  sort: {
    fields: {
      createdAt: { expression: quotes.createdAt, type: 'timestamp' },
      updatedAt: { expression: quotes.updatedAt, type: 'timestamp' },
      number: { expression: quotes.number, type: 'text' },
      validUntil: { expression: quotes.validUntil, type: 'text' },
    },
    tieBreaker: quotes.id,
    defaultSort: '-createdAt',
  },
  search: { text: quotes.searchText },
  filters: { status: quotes.status, projectId: quotes.projectId, contactId: quotes.contactId, ownerId: quotes.ownerId, departmentId: quotes.departmentId },
};

@Injectable()
export class QuotesRepository extends ResourceRepository<typeof quotes, QuoteFilters> {
  protected readonly spec = QUOTES;

  protected override filterConditions(filters: QuoteFilters) {
    return [filters.validFrom === undefined ? undefined : gte(quotes.validUntil, filters.validFrom), filters.validTo === undefined ? undefined : lte(quotes.validUntil, filters.validTo)];
  }

  /** The live quote of a project accepted last, within `scope`. */
  async acceptedOfProject(projectId: string, scope: Scope): Promise<Quote | undefined> {
    const [row] = await this.db
      .select()
      .from(quotes)
      .where(and(eq(quotes.projectId, projectId), eq(quotes.status, 'accepted'), isNull(quotes.deletedAt), this.scopeCondition(scope)))
      .orderBy(desc(quotes.acceptedAt), desc(quotes.id))
      .limit(1);
    return row;
  }

  /** Ids of live sent quotes whose validity date lies before `today` (a batch, oldest validity first). */
  async expiredIds(today: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .select({ id: quotes.id })
      .from(quotes)
      .where(and(eq(quotes.status, 'sent'), lt(quotes.validUntil, today), isNull(quotes.deletedAt)))
      .orderBy(asc(quotes.validUntil), asc(quotes.id))
      .limit(limit);
    return rows.map((r) => r.id);
  }

  /** Locks a quote for the expiry check; undefined unless it is still a live sent quote past `today`. */
  async lockExpirable(id: string, today: string): Promise<Quote | undefined> {
    const [row] = await this.db
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, id), eq(quotes.status, 'sent'), lt(quotes.validUntil, today), isNull(quotes.deletedAt)))
      .for('update');
    return row;
  }
}

/** The versions of quotes. The caller has checked the quote's scope (and locked it for writes). */
@Injectable()
export class QuoteVersionsRepository extends Repository {
  async insert(values: NewQuoteVersion): Promise<QuoteVersion> {
    const [row] = await this.db.insert(quoteVersions).values(values).returning();
    return row;
  }

  async find(quoteId: string, revision: number): Promise<QuoteVersion | undefined> {
    const [row] = await this.db
      .select()
      .from(quoteVersions)
      .where(and(eq(quoteVersions.quoteId, quoteId), eq(quoteVersions.revision, revision)));
    return row;
  }

  /** All versions of a quote, oldest first (a quote has a handful). */
  async ofQuote(quoteId: string): Promise<QuoteVersion[]> {
    return this.db.select().from(quoteVersions).where(eq(quoteVersions.quoteId, quoteId)).orderBy(asc(quoteVersions.revision));
  }

  async update(id: string, changes: Partial<NewQuoteVersion>): Promise<QuoteVersion> {
    const [row] = await this.db
      .update(quoteVersions)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(quoteVersions.id, id))
      .returning();
    return row;
  }
}

/** The yearly counters behind quote numbers, per number format (a changed format starts a new series). */
@Injectable()
export class QuoteNumbersRepository extends Repository {
  /**
   * The next serial of `series` in `year`, by an upsert that locks the counter row until the
   * caller's transaction ends: concurrent creations wait for each other, none gets the same serial,
   * and a rolled-back creation frees its serial again. Refuses to run outside a transaction.
   */
  async next(series: string, year: number): Promise<number> {
    if (!this.txHost.isTransactionActive()) throw new Error('QuoteNumbersRepository.next needs the transaction that inserts the quote');
    const [row] = await this.db
      .insert(quoteNumberCounters)
      .values({ series, year, lastValue: 1 })
      .onConflictDoUpdate({ target: [quoteNumberCounters.series, quoteNumberCounters.year], set: { lastValue: sql`${quoteNumberCounters.lastValue} + 1` } })
      .returning({ lastValue: quoteNumberCounters.lastValue });
    return row.lastValue;
  }
}
