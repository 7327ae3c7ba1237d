import { Client } from 'pg';
import { createTestDatabase, itThroughPgBouncer, TestDatabase } from '@libs/testing';

/** The original topology's privileges: app-user (writer) changes rows, never the structure. */
describe('database roles', () => {
  let db: TestDatabase;
  let admin: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.migrationUrl });
    await admin.connect();
    await admin.query('CREATE TABLE role_probe (id uuid primary key default gen_random_uuid(), note text not null)');
  });

  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  async function asAppUser<T>(fn: (client: Client) => Promise<T>, url = db.appUrl): Promise<T> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  it('objects created by migration-user belong to schema_admin', async () => {
    const { rows } = await admin.query(`select tableowner from pg_tables where tablename = 'role_probe'`);
    expect(rows).toEqual([{ tableowner: 'schema_admin' }]);
    const migrated = await admin.query(`select tableowner from pg_tables where tablename = 'seed_markers'`);
    expect(migrated.rows).toEqual([{ tableowner: 'schema_admin' }]);
  });

  it('app-user can insert, read, update and delete rows', async () => {
    await asAppUser(async (client) => {
      const inserted = await client.query(`insert into role_probe (note) values ('a') returning id`);
      await client.query(`update role_probe set note = 'b' where id = $1`, [inserted.rows[0].id]);
      const read = await client.query('select note from role_probe where id = $1', [inserted.rows[0].id]);
      expect(read.rows).toEqual([{ note: 'b' }]);
      const deleted = await client.query('delete from role_probe where id = $1', [inserted.rows[0].id]);
      expect(deleted.rowCount).toBe(1);
    });
  });

  it.each([
    ['CREATE', 'create table app_user_table (id int)', /permission denied for schema public/],
    ['ALTER', 'alter table role_probe add column extra text', /must be owner of table role_probe/],
    ['DROP', 'drop table role_probe', /must be owner of table role_probe/],
    ['TRUNCATE', 'truncate role_probe', /permission denied for table role_probe/],
    ['CREATE SCHEMA', 'create schema app_user_schema', /permission denied for database/],
  ])('app-user cannot %s', async (_name, statement, message) => {
    await asAppUser(async (client) => {
      await expect(client.query(statement)).rejects.toThrow(message);
    });
  });

  itThroughPgBouncer('the same privileges hold through PgBouncer', async () => {
    await asAppUser(async (client) => {
      const { rows } = await client.query('select current_user as who');
      expect(rows).toEqual([{ who: 'app-user' }]);
      await expect(client.query('create table via_bouncer (id int)')).rejects.toThrow(/permission denied/);
    }, db.bouncerUrl as string);
  });
});
