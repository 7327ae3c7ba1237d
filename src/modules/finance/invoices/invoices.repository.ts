import { Injectable } from '@nestjs/common';
import { and, asc, between, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Scope } from '@libs/auth';
import { anyOf } from '@libs/db';
import { rangeFilter } from '@libs/pagination';
import { CommonListFilters, ownershipConstraints, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { Invoice, InvoiceKind, InvoiceLine, invoiceLines, invoices, InvoiceStatus } from './invoices.schema';

export interface InvoiceFilters extends CommonListFilters {
  status?: InvoiceStatus[];
  kind?: InvoiceKind[];
  projectId?: string;
  contactId?: string;
  ownerId?: string;
  departmentId?: string;
  issuedFrom?: string;
  issuedTo?: string;
}

const INVOICES: ResourceTableSpec<typeof invoices> = {
  table: invoices,
  scope: { ownerColumns: [invoices.ownerId, invoices.createdBy], departmentColumn: invoices.departmentId },
  constraints: {
    ...ownershipConstraints('invoices'),
    ...referenceConstraints('invoices', { projectId: 'projects', contactId: 'contacts', companyId: 'companies' }),
  },
  sort: {
    fields: {
      createdAt: { expression: invoices.createdAt, type: 'timestamp' },
      grossCents: { expression: invoices.grossCents, type: 'number' },
    },
    tieBreaker: invoices.id,
    defaultSort: '-createdAt',
  },
  search: { text: invoices.searchText },
  filters: { status: invoices.status, kind: invoices.kind, projectId: invoices.projectId, contactId: invoices.contactId, ownerId: invoices.ownerId, departmentId: invoices.departmentId },
};

export type NewInvoiceLine = typeof invoiceLines.$inferInsert;

@Injectable()
export class InvoicesRepository extends ResourceRepository<typeof invoices, InvoiceFilters> {
  protected readonly spec = INVOICES;

  protected override filterConditions(f: InvoiceFilters) {
    return [rangeFilter(invoices.issueDate, f.issuedFrom, f.issuedTo)];
  }

  linesOf(invoiceId: string): Promise<InvoiceLine[]> {
    return this.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
  }

  /** The lines of many invoices in one statement (exports), by invoice id, each in position order. */
  async linesOfMany(invoiceIds: readonly string[]): Promise<Map<string, InvoiceLine[]>> {
    const byInvoice = new Map<string, InvoiceLine[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return byInvoice;
    const rows = await this.db.select().from(invoiceLines).where(anyOf(invoiceLines.invoiceId, invoiceIds)).orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
    for (const row of rows) byInvoice.get(row.invoiceId)?.push(row);
    return byInvoice;
  }

  /** Invoices by id, whatever their scope (the originals a cancellation refers to), in one statement. */
  async byIds(ids: readonly string[]): Promise<Map<string, Invoice>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.select().from(invoices).where(anyOf(invoices.id, ids));
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Replaces a draft's lines (the database refuses it once the invoice is finalised). */
  async replaceLines(invoiceId: string, lines: readonly Omit<NewInvoiceLine, 'invoiceId'>[]): Promise<InvoiceLine[]> {
    await this.db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
    if (lines.length === 0) return [];
    const rows = await this.db
      .insert(invoiceLines)
      .values(lines.map((l) => ({ ...l, invoiceId })))
      .returning();
    return rows.sort((a, b) => a.position - b.position);
  }

  /** Inserts the lines of a new (cancellation) invoice. */
  async insertLines(invoiceId: string, lines: readonly Omit<NewInvoiceLine, 'invoiceId'>[]): Promise<void> {
    if (lines.length) await this.db.insert(invoiceLines).values(lines.map((l) => ({ ...l, invoiceId })));
  }

  /** The project's finalised, not cancelled down-payment invoices (a final invoice deducts them). */
  downPaymentsOf(projectId: string): Promise<Invoice[]> {
    return this.db
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.projectId, projectId),
          eq(invoices.kind, 'down_payment'),
          inArray(invoices.status, ['finalised', 'sent', 'partially_paid', 'paid', 'overdue']),
          isNull(invoices.deletedAt),
        ),
      )
      .orderBy(asc(invoices.issueDate), asc(invoices.id));
  }

  /** Unpaid finalised invoices due before `today`, oldest first, a batch at a time (the overdue check). */
  overdueCandidates(today: string, afterId: string | null, limit: number): Promise<Invoice[]> {
    return this.db
      .select()
      .from(invoices)
      .where(
        and(
          inArray(invoices.status, ['finalised', 'sent', 'partially_paid', 'overdue']),
          lt(invoices.dueDate, today),
          sql`${invoices.paidCents} < ${invoices.amountDueCents}`,
          isNull(invoices.deletedAt),
          afterId ? sql`${invoices.id} > ${afterId}` : undefined,
        ),
      )
      .orderBy(asc(invoices.id))
      .limit(limit);
  }

  /** Whether a project has a final invoice that is finalised and not cancelled. */
  async hasFinalInvoice(projectId: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.projectId, projectId), eq(invoices.kind, 'final'), inArray(invoices.status, ['finalised', 'sent', 'partially_paid', 'paid', 'overdue']), isNull(invoices.deletedAt)))
      .limit(1);
    return rows.length > 0;
  }

  /** Writes columns that stay changeable after finalisation (status, payments, PDF) without a version check. */
  async setTracking(id: string, changes: Partial<Pick<Invoice, 'status' | 'paidCents' | 'paidAt' | 'sentAt' | 'pdfDocumentId' | 'pdfFileId' | 'pdfSha256' | 'cancelledByInvoiceId'>>): Promise<Invoice> {
    const [row] = await this.db
      .update(invoices)
      .set({ ...changes, version: sql`${invoices.version} + 1` })
      .where(eq(invoices.id, id))
      .returning();
    return row;
  }

  /** Finalised invoices (cancellations included) issued in [from, to] within `scope`, by number; at most `limit`. */
  issuedBetween(from: string, to: string, scope: Scope, limit: number): Promise<Invoice[]> {
    return this.db
      .select()
      .from(invoices)
      .where(and(ne(invoices.status, 'draft'), between(invoices.issueDate, from, to), isNull(invoices.deletedAt), this.scopeCondition(scope)))
      .orderBy(asc(invoices.issueDate), asc(invoices.number))
      .limit(limit);
  }

  findLocked(id: string): Promise<Invoice | undefined> {
    return this.db
      .select()
      .from(invoices)
      .where(eq(invoices.id, id))
      .for('update')
      .then((rows) => rows[0]);
  }
}
