import { diffDatabaseAgainstSchema, replayMigrationDir } from '@libs/atlas';
import { migrationsDir } from '@libs/db';
import { createEmptyDatabase, createTestDatabase, TestDatabase } from '@libs/testing';
import * as schema from '../../src/db/schema';

const loadSchema = async () => ({ ...schema });

/**
 * A forgotten `make db-generate` fails here: the migrations, replayed into an empty database, must
 * produce exactly the Drizzle schema.
 */
describe('migrations match the Drizzle schema', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((db) => db.drop())));

  it('replaying atlas/migrations into an empty database leaves nothing to diff', async () => {
    const db = await createEmptyDatabase();
    databases.push(db);
    await replayMigrationDir({ connectionString: db.adminUrl, dir: migrationsDir() });
    const statements = await diffDatabaseAgainstSchema(db.adminUrl, loadSchema);
    expect(statements).toEqual([]);
  });

  it('the template the tests run on (applied by the Atlas-compatible applier) matches too', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    expect(await diffDatabaseAgainstSchema(db.adminUrl, loadSchema)).toEqual([]);
  });
});
