import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { parse } from 'csv-parse';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { assertDepartmentInScope, currentScope, defaultDepartment, Scope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { AppError } from '@libs/http';
import { REFERENCE_NOT_FOUND, snapshotOf } from '@libs/resource';
import { CRM_EVENTS } from '../crm.events';
import { duplicateKeys } from '../shared/contact-data.rules';
import { actorDuplicateScopes } from '../shared/duplicate-check.service';
import { DuplicatesRepository, DuplicateScopes } from '../shared/duplicates.repository';
import type { CreateLeadDto } from './lead.dto';
import { CsvRowError, detectDelimiter, isLeadImportColumn, LeadImportColumn, normalizeHeader, parseLeadRow } from './lead-csv';
import { ImportLeadsQueryDto, LeadImportReportDto } from './lead-import.dto';
import { LEAD_AUDITED_FIELDS, leadColumns, leadSearchText } from './lead.mapper';
import { initialStatus } from './lead.rules';
import { LeadsService } from './leads.service';
import type { Lead, NewLead } from './leads.schema';

export const IMPORT_BATCH_SIZE = 1000;
const MAX_REPORTED_ERRORS = 1000;

interface ValidRow {
  row: number;
  values: NewLead;
}

/**
 * CSV import of leads, streamed: records are parsed, validated (the API's rules, see lead-csv.ts)
 * and written `IMPORT_BATCH_SIZE` at a time, one transaction per batch with its events, so memory
 * holds one batch whatever the file size. A dry run validates and checks duplicates, writing nothing.
 */
@Injectable()
export class LeadsImportService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly leads: LeadsService,
    private readonly duplicates: DuplicatesRepository,
  ) {}

  async import(csv: Readable, options: ImportLeadsQueryDto): Promise<LeadImportReportDto> {
    const scope = currentScope('crm.leads:import');
    const report = new ImportReport(randomUUID(), options.dryRun);
    const duplicateScopes = actorDuplicateScopes();
    let headers: string[] | undefined;
    const { delimiter, stream } = await withDetectedDelimiter(csv);
    const parser = stream.pipe(
      parse({
        bom: true,
        delimiter,
        skip_empty_lines: true,
        relax_column_count: true,
        // A quote inside an unquoted cell (`=HYPERLINK("…")`, `12" monitor`) is text, not an error.
        relax_quotes: true,
        info: true,
        columns: (header: string[]) => {
          headers = header.map(normalizeHeader);
          return headers.map((h) => (isLeadImportColumn(h) ? h : false));
        },
      }),
    );
    stream.on('error', (error) => parser.destroy(error));

    const seen = new Map<string, number>();
    let batch: ValidRow[] = [];
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Partial<Record<LeadImportColumn, string>>; info: { lines: number } }>) {
        if (report.rows === 0) this.checkHeaders(headers ?? [], report);
        report.rows++;
        const valid = this.validate(record, info.lines, scope, options, seen, report);
        if (valid) batch.push(valid);
        if (batch.length >= IMPORT_BATCH_SIZE) {
          await this.flush(batch, options, duplicateScopes, report);
          batch = [];
        }
      }
      if (report.rows === 0 && headers) this.checkHeaders(headers, report);
    } catch (error) {
      if (error instanceof AppError) throw error;
      const line = (error as { lines?: number }).lines;
      report.error({ row: line ?? report.rows + 1, field: '*', message: `The file is not valid CSV from here on: ${(error as Error).message}` });
    }
    await this.flush(batch, options, duplicateScopes, report);
    return report.toDto();
  }

  private checkHeaders(headers: string[], report: ImportReport): void {
    if (!headers.includes('source')) {
      throw AppError.unprocessable('CRM_IMPORT_COLUMNS_MISSING', 'The CSV needs a header row with at least the column "source".', [
        { path: 'source', message: 'column source is missing' },
      ]);
    }
    report.ignoredColumns = headers.filter((h) => !isLeadImportColumn(h));
  }

  private validate(
    record: Partial<Record<LeadImportColumn, string>>,
    row: number,
    scope: Scope,
    options: ImportLeadsQueryDto,
    seen: Map<string, number>,
    report: ImportReport,
  ): ValidRow | undefined {
    const parsed = parseLeadRow(record, row);
    if (!parsed.ok) return report.invalidRow(parsed.errors);
    const values = toLeadValues(parsed.dto);
    try {
      assertDepartmentInScope(scope, values.departmentId);
    } catch {
      return report.invalidRow([{ row, field: 'department_id', message: 'department_id is outside your permission scope' }]);
    }
    if (!options.allowDuplicates) {
      const keys = duplicateKeys(values);
      const clash = [...keys.emails.map((e) => ['email', `email:${e}`]), ...keys.phones.map((p) => ['phone', `phone:${p}`])].find(([, key]) => seen.has(key));
      if (clash) return report.invalidRow([{ row, field: clash[0], message: `${clash[0]} repeats row ${seen.get(clash[1])}` }]);
      for (const e of keys.emails) seen.set(`email:${e}`, row);
      for (const p of keys.phones) seen.set(`phone:${p}`, row);
    }
    return { row, values };
  }

  /**
   * Drops rows matching existing records (unless allowed), then writes the rest in one transaction.
   * The batch takes the same duplicate locks as a single create before it checks, so an import and
   * concurrent creates cannot both miss each other. A match the importer may not read is reported
   * without its id.
   */
  private async flush(batch: ValidRow[], options: ImportLeadsQueryDto, scopes: DuplicateScopes, report: ImportReport): Promise<void> {
    if (batch.length === 0) return;
    if (options.dryRun) {
      report.valid += (await this.withoutDuplicates(batch, options, scopes, report)).length;
      return;
    }
    await this.txHost.withTransaction(async () => {
      const rows = await this.withoutDuplicates(batch, options, scopes, report);
      report.valid += rows.length;
      if (rows.length === 0) return;
      const created = await this.insertBatch(rows, report);
      await this.leads.steps.publish(...created.map((lead) => CRM_EVENTS.lead.created(lead.id, { snapshot: snapshotOf(lead, LEAD_AUDITED_FIELDS), importId: report.importId })));
      report.imported += created.length;
      report.batches++;
    });
  }

  private async withoutDuplicates(batch: ValidRow[], options: ImportLeadsQueryDto, scopes: DuplicateScopes, report: ImportReport): Promise<ValidRow[]> {
    if (options.allowDuplicates) return batch;
    const emails = batch.flatMap((r) => (r.values.email ? [r.values.email] : []));
    const phones = batch.flatMap((r) => (r.values.phone ? [r.values.phone] : []));
    if (!options.dryRun) await this.duplicates.lock({ emails, phones });
    const existing = await this.duplicates.existingKeys(emails, phones, scopes);
    return batch.filter(({ row, values }) => {
      const hit = (values.email && existing.get(`email:${values.email}`)) || (values.phone && existing.get(`phone:${values.phone}`));
      if (!hit) return true;
      const field = hit.visible ? hit.candidate.matchedOn[0] : hit.matchedOn;
      const what = hit.visible ? `the existing ${hit.candidate.type} ${hit.candidate.id}` : 'an existing lead or contact outside your permissions';
      report.invalidRow([{ row, field, message: `${field} matches ${what}` }]);
      return false;
    });
  }

  /** One multi-row insert; if a reference (assignee, department) is unknown, row by row in savepoints to find the bad rows. */
  private async insertBatch(rows: ValidRow[], report: ImportReport) {
    try {
      return await this.txHost.withTransaction(Propagation.Nested, () => this.leads.repository.insertMany(rows.map((r) => r.values)));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== REFERENCE_NOT_FOUND) throw error;
    }
    const created: Lead[] = [];
    for (const { row, values } of rows) {
      try {
        created.push(...(await this.txHost.withTransaction(Propagation.Nested, () => this.leads.repository.insertMany([values]))));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== REFERENCE_NOT_FOUND) throw error;
        report.valid--;
        report.invalidRow(error.errors?.map((e) => ({ row, field: e.path === 'assigneeId' ? 'assignee_id' : 'department_id', message: e.message })) ?? []);
      }
    }
    return created;
  }
}

/** Reads until the end of the header line to pick the delimiter, then hands on the whole stream. */
async function withDetectedDelimiter(csv: Readable): Promise<{ delimiter: ',' | ';'; stream: Readable }> {
  // One iterator for both parts: leaving a for-await loop early would destroy the stream.
  const chunks = csv[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const chunk = Buffer.from(next.value);
    head.push(chunk);
    size += chunk.length;
    if (chunk.includes(0x0a) || size > 64 * 1024) break;
  }
  const first = Buffer.concat(head);
  const newline = first.indexOf(0x0a);
  const delimiter = detectDelimiter(first.subarray(0, newline === -1 ? first.length : newline).toString('utf8'));
  async function* rest() {
    if (first.length > 0) yield first;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  return { delimiter, stream: Readable.from(rest(), { objectMode: false }) };
}

/** A validated row as the leads table takes it. */
export function toLeadValues(dto: CreateLeadDto): NewLead {
  const status = initialStatus(dto);
  const values: NewLead = {
    ...leadColumns(dto),
    ...(status.ok ? status.fields : {}),
    source: dto.source,
    interests: dto.interests ?? [],
    departmentId: defaultDepartment(dto.departmentId),
  };
  values.searchText = leadSearchText(values as Lead);
  return values;
}

class ImportReport {
  rows = 0;
  valid = 0;
  invalid = 0;
  imported = 0;
  batches = 0;
  errors: CsvRowError[] = [];
  errorsTruncated = false;
  ignoredColumns: string[] = [];

  constructor(
    readonly importId: string,
    readonly dryRun: boolean,
  ) {}

  error(error: CsvRowError): void {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
    else this.errorsTruncated = true;
  }

  invalidRow(errors: CsvRowError[]): undefined {
    this.invalid++;
    for (const error of errors) this.error(error);
    return undefined;
  }

  toDto(): LeadImportReportDto {
    const { importId, dryRun, rows, valid, invalid, imported, batches, errors, errorsTruncated, ignoredColumns } = this;
    return { importId, dryRun, rows, valid, invalid, imported, batches, errors, errorsTruncated, ignoredColumns };
  }
}
