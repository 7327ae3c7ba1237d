import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, SQL } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { fundingCalculations } from '../calculator/funding-calculations.schema';
import { FundingChecklistItem, fundingChecklistItems, FundingProgram, fundingPrograms, FundingRuleVersion, fundingRuleVersions } from './funding-programs.schema';

export type RuleVersionRow = FundingRuleVersion & { programKey: string; programName: FundingProgram['name'] };

/** Programmes, their dated rule versions and checklists: reference data every holder of the permission sees whole. */
@Injectable()
export class ProgramsRepository extends Repository {
  programs(): Promise<FundingProgram[]> {
    return this.db.select().from(fundingPrograms).orderBy(asc(fundingPrograms.key));
  }

  async program(id: string): Promise<FundingProgram | undefined> {
    const [row] = await this.db.select().from(fundingPrograms).where(eq(fundingPrograms.id, id));
    return row;
  }

  async programByKey(key: string): Promise<FundingProgram | undefined> {
    const [row] = await this.db.select().from(fundingPrograms).where(eq(fundingPrograms.key, key));
    return row;
  }

  /** Locks the programme row: concurrent version entries of one programme queue (the exclusion constraint still decides). */
  async lockProgram(id: string): Promise<FundingProgram | undefined> {
    const [row] = await this.db.select().from(fundingPrograms).where(eq(fundingPrograms.id, id)).for('update');
    return row;
  }

  checklists(programId?: string): Promise<FundingChecklistItem[]> {
    return this.db
      .select()
      .from(fundingChecklistItems)
      .where(programId ? eq(fundingChecklistItems.programId, programId) : undefined)
      .orderBy(asc(fundingChecklistItems.programId), asc(fundingChecklistItems.position));
  }

  async checklistItem(id: string): Promise<FundingChecklistItem | undefined> {
    const [row] = await this.db.select().from(fundingChecklistItems).where(eq(fundingChecklistItems.id, id));
    return row;
  }

  ruleVersions(filter: { programId?: string; validOn?: string; id?: string; programKeys?: readonly string[] }): Promise<RuleVersionRow[]> {
    const conditions: (SQL | undefined)[] = [
      filter.programId ? eq(fundingRuleVersions.programId, filter.programId) : undefined,
      filter.id ? eq(fundingRuleVersions.id, filter.id) : undefined,
      filter.validOn ? validOn(filter.validOn) : undefined,
      filter.programKeys ? inArray(fundingPrograms.key, [...filter.programKeys]) : undefined,
    ];
    return this.db
      .select({ ...columnsOf(), programKey: fundingPrograms.key, programName: fundingPrograms.name })
      .from(fundingRuleVersions)
      .innerJoin(fundingPrograms, eq(fundingPrograms.id, fundingRuleVersions.programId))
      .where(and(...conditions))
      .orderBy(asc(fundingPrograms.key), desc(fundingRuleVersions.validFrom))
      .limit(500);
  }

  async insertRuleVersion(values: typeof fundingRuleVersions.$inferInsert): Promise<FundingRuleVersion> {
    const [row] = await this.db.insert(fundingRuleVersions).values(values).returning();
    return row;
  }

  async setValidTo(id: string, validTo: string): Promise<void> {
    await this.db.update(fundingRuleVersions).set({ validTo }).where(eq(fundingRuleVersions.id, id));
  }

  /** The latest decisive date of a stored calculation that used the version, if any. */
  async lastCalculationDate(ruleVersionId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ date: sql<string | null>`max(${fundingCalculations.decisiveDate})::text` })
      .from(fundingCalculations)
      .where(sql`${ruleVersionId}::uuid = any(${fundingCalculations.ruleVersionIds})`);
    return row?.date ?? null;
  }
}

function validOn(date: string): SQL {
  return and(lte(fundingRuleVersions.validFrom, date), or(isNull(fundingRuleVersions.validTo), gte(fundingRuleVersions.validTo, date))) as SQL;
}

function columnsOf() {
  const { id, programId, versionLabel, validFrom, validTo, source, body, createdAt, createdBy } = fundingRuleVersions;
  return { id, programId, versionLabel, validFrom, validTo, source, body, createdAt, createdBy };
}
