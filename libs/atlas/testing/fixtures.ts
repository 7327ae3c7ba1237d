// Test support for the *.db-spec.ts files of this lib: scratch databases and temporary
// migration directories, all removed by cleanupFixtures() in afterAll.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSumFile } from '../hash-file';
import { createScratchDb, dropDatabase, query } from './scratch-db';

const databases: string[] = [];
const dirs: string[] = [];

export async function scratchDb(): Promise<string> {
  const db = await createScratchDb();
  databases.push(db.name);
  return db.url;
}

export function trackDatabase(name: string): void {
  databases.push(name);
}

/** A temporary migration directory holding `files` and a matching atlas.sum. */
export async function migrationDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-test-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  await writeSumFile(dir);
  return dir;
}

export async function cleanupFixtures(): Promise<void> {
  for (const name of databases.splice(0)) await dropDatabase(name);
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
}

export interface RevisionRow extends Record<string, unknown> {
  version: string;
  description: string;
  type: string;
  applied: string;
  total: string;
  error: string | null;
  error_stmt: string | null;
  hash: string;
  partial_hashes: unknown;
  partial_is_json_null: boolean;
  operator_version: string;
  executed_at: Date;
  execution_time: string;
}

export const revisionRows = (url: string) =>
  query<RevisionRow>(
    url,
    `SELECT *, partial_hashes = 'null'::jsonb AS partial_is_json_null
       FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY version`,
  );

export const tableExists = async (url: string, name: string) =>
  (await query<{ r: string | null }>(url, 'SELECT to_regclass($1)::text AS r', [name]))[0].r !== null;
