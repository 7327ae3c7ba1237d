import { PgDialect, pgTable, uuid } from 'drizzle-orm/pg-core';
import { scopeCondition } from './scope-condition';

const leads = pgTable('leads', { createdBy: uuid('created_by'), assigneeId: uuid('assignee_id'), departmentId: uuid('department_id') });
const columns = { ownerColumns: [leads.createdBy, leads.assigneeId], departmentColumn: leads.departmentId };
const actor = { actorId: 'u-1', actorDepartmentId: 'd-1' };
const dialect = new PgDialect();
const render = (condition: ReturnType<typeof scopeCondition>) => (condition ? dialect.sqlToQuery(condition) : undefined);

describe('scopeCondition', () => {
  it('all: no restriction', () => {
    expect(scopeCondition('all', columns, actor)).toBeUndefined();
  });

  it('own: any owner column is the actor', () => {
    expect(render(scopeCondition('own', columns, actor))).toMatchObject({
      sql: '("leads"."created_by" = $1 or "leads"."assignee_id" = $2)',
      params: ['u-1', 'u-1'],
    });
  });

  it("department: the actor's department, or the actor's own rows", () => {
    expect(render(scopeCondition('department', columns, actor))).toMatchObject({
      sql: '("leads"."department_id" = $1 or ("leads"."created_by" = $2 or "leads"."assignee_id" = $3))',
      params: ['d-1', 'u-1', 'u-1'],
    });
  });

  it('department without a department (actor or table) narrows to own', () => {
    expect(render(scopeCondition('department', columns, { actorId: 'u-1', actorDepartmentId: null }))?.sql).toBe(
      '("leads"."created_by" = $1 or "leads"."assignee_id" = $2)',
    );
    expect(render(scopeCondition('department', { ownerColumns: [leads.createdBy] }, actor))?.sql).toBe('"leads"."created_by" = $1');
  });

  it('no grant, or no actor: matches nothing', () => {
    expect(render(scopeCondition(undefined, columns, actor))?.sql).toBe('false');
    expect(render(scopeCondition('own', columns, {}))?.sql).toBe('false');
  });
});
