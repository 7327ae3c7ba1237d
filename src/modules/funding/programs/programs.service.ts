import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { currentActorId } from '@libs/context';
import { EventOutbox } from '@libs/events';
import type { Page } from '@libs/pagination';
import type { ProgramKey, RuleVersionRef } from '../calculator/calculation.types';
import { FUNDING_EVENTS } from '../funding.events';
import { FundingErrors } from '../funding.errors';
import { CreateRuleVersionDto, EndRuleVersionDto, FundingProgramResponseDto, FundingRuleVersionResponseDto, ListRuleVersionsQueryDto } from './program.dto';
import type { FundingChecklistItem, FundingProgram } from './funding-programs.schema';
import { ProgramsRepository, RuleVersionRow } from './programs.repository';
import { validateRuleBody } from './rule-body.validation';
import { berlinDate } from '@libs/shared';

/** Programmes and their dated rule versions: reads, the admin's new versions, and the selection by date. */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly repository: ProgramsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async list(): Promise<Page<FundingProgramResponseDto>> {
    const [programs, items] = await Promise.all([this.repository.programs(), this.repository.checklists()]);
    return { items: programs.map((p) => toProgramResponse(p, items)), nextCursor: null };
  }

  async get(id: string): Promise<FundingProgramResponseDto> {
    const program = await this.repository.program(id);
    if (!program) throw FundingErrors.programNotFound(id);
    return toProgramResponse(program, await this.repository.checklists(id));
  }

  async program(id: string): Promise<FundingProgram> {
    const program = await this.repository.program(id);
    if (!program) throw FundingErrors.programNotFound(id);
    return program;
  }

  /** Every version (a few per programme), optionally of one programme and/or valid on one day. */
  async listVersions(query: ListRuleVersionsQueryDto): Promise<Page<FundingRuleVersionResponseDto>> {
    return { items: (await this.repository.ruleVersions({ programId: query.programId, validOn: query.validOn })).map(toVersionResponse), nextCursor: null };
  }

  async getVersion(id: string): Promise<FundingRuleVersionResponseDto> {
    const [row] = await this.repository.ruleVersions({ id });
    if (!row) throw FundingErrors.ruleVersionNotFound(id);
    return toVersionResponse(row);
  }

  /** A new version: body checked, same kind as the programme's versions, no overlap (409); audited through its event. */
  @Transactional()
  async createVersion(programId: string, dto: CreateRuleVersionDto): Promise<FundingRuleVersionResponseDto> {
    const program = await this.repository.lockProgram(programId);
    if (!program) throw FundingErrors.programNotFound(programId);
    if (dto.validTo !== null && dto.validTo < dto.validFrom) throw FundingErrors.ruleBodyInvalid('validTo', 'must not be before validFrom');
    const body = validateRuleBody(dto.body);
    const existing = await this.repository.ruleVersions({ programId });
    const kind = existing[0]?.body.kind;
    if (kind && kind !== body.kind) throw FundingErrors.ruleBodyKindMismatch(program.key, kind, body.kind);
    const overlaps = existing.some((v) => v.validFrom <= (dto.validTo ?? '9999-12-31') && (v.validTo ?? '9999-12-31') >= dto.validFrom);
    if (overlaps) throw FundingErrors.ruleVersionOverlap(program.key);
    const row = await this.repository.insertRuleVersion({ programId, versionLabel: dto.versionLabel, validFrom: dto.validFrom, validTo: dto.validTo, source: dto.source, body, createdBy: currentActorId() });
    await this.outbox.append(FUNDING_EVENTS.ruleVersion.created(row.id, { programKey: program.key, versionLabel: row.versionLabel, validFrom: row.validFrom, validTo: row.validTo, source: row.source }));
    return toVersionResponse({ ...row, programKey: program.key, programName: program.name });
  }

  /**
   * Brings a version's end forward (to make room for a successor, e.g. when the Q1-2027 start day
   * is published). Never later than its current end, never before today (past validity is history)
   * nor before a stored calculation that used it.
   */
  @Transactional()
  async endVersion(id: string, dto: EndRuleVersionDto): Promise<FundingRuleVersionResponseDto> {
    const [row] = await this.repository.ruleVersions({ id });
    if (!row) throw FundingErrors.ruleVersionNotFound(id);
    await this.repository.lockProgram(row.programId);
    if (dto.validTo < row.validFrom || (row.validTo !== null && dto.validTo > row.validTo)) {
      throw FundingErrors.ruleBodyInvalid('validTo', `must lie between ${row.validFrom} and ${row.validTo ?? 'open end'}`);
    }
    const today = berlinDate();
    if (dto.validTo < today && dto.validTo !== row.validTo) throw FundingErrors.ruleVersionPast(today);
    const lastUsed = await this.repository.lastCalculationDate(id);
    if (lastUsed !== null && lastUsed > dto.validTo) throw FundingErrors.ruleVersionInUse(id);
    if (dto.validTo === row.validTo) return toVersionResponse(row);
    await this.repository.setValidTo(id, dto.validTo);
    await this.outbox.append(FUNDING_EVENTS.ruleVersion.ended(id, { programKey: row.programKey, versionLabel: row.versionLabel, validFrom: row.validFrom, validTo: dto.validTo, source: row.source }));
    return toVersionResponse({ ...row, validTo: dto.validTo });
  }

  /** The rule version of each programme valid on `date`; a 422 naming the first programme without one. */
  async rulesOn(keys: readonly ProgramKey[], date: string, optional: readonly ProgramKey[] = []): Promise<Partial<Record<ProgramKey, RuleVersionRef>>> {
    const rows = await this.repository.ruleVersions({ validOn: date, programKeys: [...keys, ...optional] });
    const rules: Partial<Record<ProgramKey, RuleVersionRef>> = {};
    for (const row of rows) rules[row.programKey as ProgramKey] = toRef(row);
    const missing = keys.find((key) => !rules[key]);
    if (missing) throw FundingErrors.noRuleOnDate(missing, date);
    return rules;
  }
}

function toRef(row: RuleVersionRow): RuleVersionRef {
  return { id: row.id, programKey: row.programKey as ProgramKey, programName: row.programName, versionLabel: row.versionLabel, validFrom: row.validFrom, validTo: row.validTo, source: row.source, body: row.body };
}

function toProgramResponse(program: FundingProgram, items: FundingChecklistItem[]): FundingProgramResponseDto {
  const { id, key, name, description, fundingBody, applicationKind, links } = program;
  const checklist = items.filter((i) => i.programId === id).map(({ id: itemId, key: itemKey, stage, label, documentTypeKey }) => ({ id: itemId, key: itemKey, stage, label, documentTypeKey }));
  return { id, key, name, description, fundingBody, applicationKind, links, checklist };
}

function toVersionResponse(row: RuleVersionRow): FundingRuleVersionResponseDto {
  const { id, programId, programKey, versionLabel, validFrom, validTo, source, body, createdAt } = row;
  return { id, programId, programKey, versionLabel, validFrom, validTo, source, body, createdAt };
}
