import { integer, pgSchema, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { generateDrizzleJson } from 'drizzle-kit/api';
import { ManualMigrationRequiredError } from './errors';
import { assertNoCompositePrimaryKeys } from './schema-diff';

describe('assertNoCompositePrimaryKeys', () => {
  it('refuses a composite primary key, naming the table and the way round it', () => {
    const billing = pgSchema('billing');
    const pairs = billing.table('pairs', { a: text('a').notNull(), b: integer('b').notNull() }, (t) => [primaryKey({ columns: [t.a, t.b] })]);
    const check = () => assertNoCompositePrimaryKeys(generateDrizzleJson({ billing, pairs }));
    expect(check).toThrow(ManualMigrationRequiredError);
    expect(check).toThrow(/^Composite primary key on billing\.pairs: .*id\(\) primary key and a unique\(\.\.\.\) constraint/);
  });

  it('accepts a surrogate key with a unique constraint', () => {
    const pairs = pgTable('pairs', { id: uuid('id').primaryKey(), a: text('a').notNull(), b: integer('b').notNull() }, (t) => [unique().on(t.a, t.b)]);
    expect(() => assertNoCompositePrimaryKeys(generateDrizzleJson({ pairs }))).not.toThrow();
  });
});
