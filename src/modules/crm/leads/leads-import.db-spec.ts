import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { Readable } from 'node:stream';
import { CONSULTING, useCrmTestContext } from '../../../../test/support/crm-fixtures';
import { IMPORT_BATCH_SIZE, LeadsImportService } from './leads-import.service';
import { LeadsRepository } from './leads.repository';

const HEADER = 'source,first_name,last_name,email,phone,interests,property_postal_code,year_built,owner_occupied,department_id\n';

/** A CSV produced line by line on demand, counting how far the reader has pulled. */
function generatedCsv(rows: number, line: (n: number) => string): { stream: Readable; produced: () => number } {
  let produced = 0;
  function* lines() {
    yield HEADER;
    for (let n = 1; n <= rows; n++) {
      produced = n;
      yield line(n);
    }
  }
  return { stream: Readable.from(lines(), { objectMode: false }), produced: () => produced };
}

const goodRow = (n: number) => `website_form,Vorname${n},Nachname${n},person${n}@import.example,,heat_pump|windows,1${String(n % 10000).padStart(4, '0')},1970,ja,\n`;

describe('lead CSV import (module, PostgreSQL)', () => {
  const ctx = useCrmTestContext();
  const importer = lazyProvider(ctx, LeadsImportService);
  let anna: ModuleTestUser;
  beforeAll(() => ({ anna } = ctx.users));

  const count = async (where: string) => (await ctx.admin.query(`select count(*)::int as n from leads where ${where}`)).rows[0].n as number;

  it('a dry run reports every invalid row (row number, field, message) and writes nothing', async () => {
    const csv = [
      HEADER.trim(),
      'website_form,Ada,Lovelace,ada@example.de,030 1234567,heat_pump,10115,1950,ja,',
      'fax,Bad,Source,bad@example.de,,,,,,',
      'phone,No,Mail,not-an-email,12,,1011,old,maybe,',
      'phone,Other,Department,other@example.de,,,,,,' + CONSULTING,
      'email,Ada,Again,ADA@example.de,,,,,,',
      '',
    ].join('\n');
    const report = await ctx.as(anna, 'department', () => importer.import(Readable.from([csv]), { dryRun: true, allowDuplicates: false }));
    expect(report).toMatchObject({ dryRun: true, rows: 5, valid: 1, invalid: 4, imported: 0, batches: 0, errorsTruncated: false });
    const byRowAndField = [...report.errors].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    expect(byRowAndField).toEqual([
      { row: 3, field: 'source', message: expect.stringContaining('source must be one of') },
      { row: 4, field: 'email', message: 'email must be an email' },
      { row: 4, field: 'owner_occupied', message: 'owner_occupied is not yes or no' },
      { row: 4, field: 'phone', message: expect.stringContaining('valid phone number') },
      { row: 4, field: 'property_postal_code', message: 'postalCode must be five digits for a German address' },
      { row: 4, field: 'year_built', message: 'year_built is not a whole number' },
      { row: 5, field: 'department_id', message: 'department_id is outside your permission scope' },
      { row: 6, field: 'email', message: 'email repeats row 2' },
    ]);
    expect(await count(`email = 'ada@example.de'`)).toBe(0);
  });

  it('refuses a file without the required column', async () => {
    await expect(ctx.as(anna, 'department', () => importer.import(Readable.from(['last_name\nX\n']), { dryRun: true, allowDuplicates: false }))).rejects.toMatchObject({
      code: 'CRM_IMPORT_COLUMNS_MISSING',
    });
  });

  it('imports 50,000 rows in batches while reading the file: memory holds a batch, not the file', async () => {
    const bad = (n: number) => n % 5000 === 0;
    const { stream, produced } = generatedCsv(50_000, (n) => (bad(n) ? `website_form,Bad,Row${n},broken-email-${n},,,,,,\n` : goodRow(n)));
    const repository = ctx.app.get(LeadsRepository);
    const original = repository.insertMany.bind(repository);
    const lead: number[] = [];
    let inserted = 0;
    const spy = jest.spyOn(repository, 'insertMany').mockImplementation(async (values) => {
      // How far the reader is ahead of the database when a batch is written.
      lead.push(produced() - inserted);
      const rows = await original(values);
      inserted += values.length;
      return rows;
    });
    try {
      const report = await ctx.as(anna, 'department', () => importer.import(stream, { dryRun: false, allowDuplicates: false }));
      expect(report).toMatchObject({ dryRun: false, rows: 50_000, invalid: 10, valid: 49_990, imported: 49_990, errorsTruncated: false });
      expect(report.batches).toBe(Math.ceil(49_990 / IMPORT_BATCH_SIZE));
      expect(report.errors.map((e) => e.row)).toEqual([5001, 10001, 15001, 20001, 25001, 30001, 35001, 40001, 45001, 50001]);
    } finally {
      spy.mockRestore();
    }
    // Streaming: at every write the source was at most about two batches ahead (parser buffers included),
    // never the whole file; a buffering implementation would be ~50,000 ahead at the first write.
    expect(lead.length).toBe(50);
    expect(Math.max(...lead)).toBeLessThan(2 * IMPORT_BATCH_SIZE + 500);
    expect(await count(`email like '%@import.example'`)).toBe(49_990);
    const { rows } = await ctx.admin.query(
      `select count(*)::int as n, count(distinct payload->>'importId')::int as imports from domain_events where type = 'crm.lead.created' and payload ? 'importId'`,
    );
    expect(rows[0]).toEqual({ n: 49_990, imports: 1 });
  }, 300_000); // CPU-bound (50 batches, 50,000 events): generous for a busy 2-core machine; bench/crm measures speed

  it('a second run reports the rows as duplicates of the imported leads, unless allowed', async () => {
    const csv = HEADER + goodRow(1) + goodRow(2);
    const again = await ctx.as(anna, 'department', () => importer.import(Readable.from([csv]), { dryRun: false, allowDuplicates: false }));
    expect(again).toMatchObject({ rows: 2, imported: 0, invalid: 2 });
    expect(again.errors[0]).toMatchObject({ row: 2, field: 'email', message: expect.stringMatching(/^email matches the existing lead [0-9a-f-]{36}$/) });
    const allowed = await ctx.as(anna, 'department', () => importer.import(Readable.from([csv]), { dryRun: false, allowDuplicates: true }));
    expect(allowed).toMatchObject({ rows: 2, imported: 2, invalid: 0 });
  });

  it('rows naming an unknown assignee are reported; the rest of the batch is imported', async () => {
    const csv = 'source,last_name,assignee_id\nphone,Known,' + ctx.users.ben.id + '\nphone,Unknown,00000000-0000-4000-8000-000000000001\nphone,Nobody,\n';
    const report = await ctx.as(anna, 'department', () => importer.import(Readable.from([csv]), { dryRun: false, allowDuplicates: true }));
    expect(report).toMatchObject({ rows: 3, imported: 2, invalid: 1, errors: [{ row: 3, field: 'assignee_id', message: 'assigneeId must reference an existing user' }] });
  });
});
