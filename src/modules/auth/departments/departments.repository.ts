import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { DbTransactionHost, LocalizedText } from '@libs/db';
import { users } from '../users/users.schema';
import { Department, departments, NewDepartment } from './departments.schema';

export interface DepartmentFilters {
  limit: number;
  /** [German name, id] of the last row of the previous page */
  after?: [string, string];
  q?: string;
  parentId?: string;
}

export type DepartmentChanges = Partial<{ name: LocalizedText; parentId: string | null }>;

const nameDe = sql<string>`(${departments.name} ->> 'de')`;
const live = isNull(departments.deletedAt);

@Injectable()
export class DepartmentsRepository {
  constructor(@Inject(TransactionHost) private readonly txHost: DbTransactionHost) {}

  private get db() {
    return this.txHost.tx;
  }

  list(filters: DepartmentFilters): Promise<Department[]> {
    const pattern = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    return this.db
      .select()
      .from(departments)
      .where(
        and(
          live,
          filters.after ? sql`(${nameDe}, ${departments.id}) > (${filters.after[0]}, ${filters.after[1]}::uuid)` : undefined,
          pattern ? or(ilike(nameDe, pattern), ilike(sql`(${departments.name} ->> 'en')`, pattern)) : undefined,
          filters.parentId ? eq(departments.parentId, filters.parentId) : undefined,
        ),
      )
      .orderBy(asc(nameDe), asc(departments.id))
      .limit(filters.limit + 1);
  }

  async findById(id: string): Promise<Department | undefined> {
    const [row] = await this.db.select().from(departments).where(and(eq(departments.id, id), live));
    return row;
  }

  async insert(values: NewDepartment): Promise<Department> {
    const [row] = await this.db.insert(departments).values(values).returning();
    return row;
  }

  async update(id: string, changes: DepartmentChanges, version: number): Promise<Department | undefined> {
    const [row] = await this.db
      .update(departments)
      .set({ ...changes, version: sql`${departments.version} + 1` })
      .where(and(eq(departments.id, id), eq(departments.version, version), live))
      .returning();
    return row;
  }

  async softDelete(id: string, version: number): Promise<Department | undefined> {
    const [row] = await this.db
      .update(departments)
      .set({ deletedAt: sql`now()`, version: sql`${departments.version} + 1` })
      .where(and(eq(departments.id, id), eq(departments.version, version), live))
      .returning();
    return row;
  }

  /** Whether users (active or not) or live sub-departments still point at the department. */
  async isReferenced(id: string): Promise<boolean> {
    const { rows } = await this.db.execute<{ referenced: boolean }>(sql`
      select exists (select 1 from ${users} where ${users.departmentId} = ${id})
          or exists (select 1 from ${departments} where ${departments.parentId} = ${id} and ${departments.deletedAt} is null)
          as referenced`);
    return rows[0].referenced;
  }

  /** `id` and every department above it. */
  async ancestorsOf(id: string): Promise<string[]> {
    const { rows } = await this.db.execute<{ id: string }>(sql`
      with recursive chain(id, parent_id, depth) as (
        select id, parent_id, 0 from departments where id = ${id}
        union all
        select d.id, d.parent_id, c.depth + 1 from departments d join chain c on d.id = c.parent_id where c.depth < 100
      )
      select id from chain`);
    return rows.map((r) => r.id);
  }
}
