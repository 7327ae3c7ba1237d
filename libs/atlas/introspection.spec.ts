import { constraintColumnsQueryTarget, inKeyOrder } from './introspection';

// drizzle-kit 0.31's per-table constraint query, as it sends it (node_modules/drizzle-kit/api.js).
const DRIZZLE_KIT_QUERY = `SELECT c.column_name, c.data_type, constraint_type, constraint_name, constraint_schema
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage AS ccu USING (constraint_schema, constraint_name)
      JOIN information_schema.columns AS c ON c.table_schema = tc.constraint_schema
        AND tc.table_name = c.table_name AND ccu.column_name = c.column_name
      WHERE tc.table_name = 'event_deliveries' and constraint_schema = 'public';`;

describe('constraintColumnsQueryTarget', () => {
  it("recognises drizzle-kit's constraint-columns query and reads its table and schema", () => {
    expect(constraintColumnsQueryTarget(DRIZZLE_KIT_QUERY)).toEqual({ table: 'event_deliveries', schema: 'public' });
    const quoted = DRIZZLE_KIT_QUERY.replace("'event_deliveries'", "'o''brien'").replace("'public'", "'billing'");
    expect(constraintColumnsQueryTarget(quoted)).toEqual({ table: "o'brien", schema: 'billing' });
  });

  it('leaves every other query alone', () => {
    expect(constraintColumnsQueryTarget('SELECT 1')).toBeNull();
    expect(constraintColumnsQueryTarget(DRIZZLE_KIT_QUERY.replace('constraint_column_usage', 'key_column_usage'))).toBeNull();
  });
});

describe('inKeyOrder', () => {
  const row = (constraint_name: string, constraint_type: string, column_name: string) => ({ constraint_name, constraint_type, column_name });

  it('puts the columns of unique and primary-key constraints into key order and keeps the other rows', () => {
    // The order PostgreSQL 18 returned for event_deliveries: subscriber before event_id.
    const rows = [
      row('event_deliveries_event_id_not_null', 'CHECK', 'event_id'),
      row('event_deliveries_event_id_subscriber_key', 'UNIQUE', 'subscriber'),
      row('t_c_a_b_key', 'UNIQUE', 'b'),
      row('event_deliveries_pkey', 'PRIMARY KEY', 'id'),
      row('event_deliveries_event_id_subscriber_key', 'UNIQUE', 'event_id'),
      row('t_c_a_b_key', 'UNIQUE', 'a'),
      row('event_deliveries_event_id_domain_events_id_fk', 'FOREIGN KEY', 'id'),
      row('t_c_a_b_key', 'UNIQUE', 'c'),
    ];
    const keyOrder = new Map([
      ['event_deliveries_event_id_subscriber_key', ['event_id', 'subscriber']],
      ['event_deliveries_pkey', ['id']],
      ['t_c_a_b_key', ['c', 'a', 'b']],
    ]);
    expect(inKeyOrder(rows, keyOrder)).toEqual([
      row('event_deliveries_event_id_not_null', 'CHECK', 'event_id'),
      row('event_deliveries_event_id_domain_events_id_fk', 'FOREIGN KEY', 'id'),
      row('event_deliveries_event_id_subscriber_key', 'UNIQUE', 'event_id'),
      row('event_deliveries_event_id_subscriber_key', 'UNIQUE', 'subscriber'),
      row('event_deliveries_pkey', 'PRIMARY KEY', 'id'),
      row('t_c_a_b_key', 'UNIQUE', 'c'),
      row('t_c_a_b_key', 'UNIQUE', 'a'),
      row('t_c_a_b_key', 'UNIQUE', 'b'),
    ]);
  });
});
