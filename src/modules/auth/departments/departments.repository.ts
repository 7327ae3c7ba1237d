import { Injectable } from '@nestjs/common';
import { sql, SQL } from 'drizzle-orm';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { containsAny } from '@libs/search';
import { users } from '../users/users.schema';
import { departments } from './departments.schema';

export interface DepartmentFilters extends CommonListFilters {
  parentId?: string;
}

const nameDe = sql<string>`(${departments.name} ->> 'de')`;

/** Departments are not scoped: whoever may read them sees them all. */
const DEPARTMENTS: ResourceTableSpec<typeof departments> = {
  table: departments,
  constraints: referenceConstraints('departments', { parentId: 'departments' }),
  sort: {
    fields: { name: { expression: nameDe, type: 'text' }, createdAt: { expression: departments.createdAt, type: 'timestamp' } },
    tieBreaker: departments.id,
    defaultSort: 'name',
  },
  filters: { parentId: departments.parentId },
};

@Injectable()
export class DepartmentsRepository extends ResourceRepository<typeof departments, DepartmentFilters> {
  protected readonly spec = DEPARTMENTS;

  /** `q`: part of the German or English name. */
  protected override searchCondition(q: string | undefined): SQL | undefined {
    return containsAny([nameDe, sql`(${departments.name} ->> 'en')`], q);
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
