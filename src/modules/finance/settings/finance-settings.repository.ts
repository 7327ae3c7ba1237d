import { Injectable } from '@nestjs/common';
import { and, eq, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { FinanceSettings, financeSettings } from './finance-settings.schema';

/** The one settings row; created with its defaults the first time it is read. */
@Injectable()
export class FinanceSettingsRepository extends Repository {
  async get(options: { forUpdate?: boolean } = {}): Promise<FinanceSettings> {
    const existing = await this.find(options);
    if (existing) return existing;
    await this.db.insert(financeSettings).values({ singleton: true }).onConflictDoNothing({ target: financeSettings.singleton });
    return (await this.find(options))!;
  }

  /** Writes `changes` at `version` (bumping it); undefined when the version has moved on. */
  async update(id: string, version: number, changes: Partial<typeof financeSettings.$inferInsert>): Promise<FinanceSettings | undefined> {
    const [row] = await this.db
      .update(financeSettings)
      .set({ ...changes, version: sql`${financeSettings.version} + 1` })
      .where(and(eq(financeSettings.id, id), eq(financeSettings.version, version)))
      .returning();
    return row;
  }

  private async find({ forUpdate = false }: { forUpdate?: boolean }): Promise<FinanceSettings | undefined> {
    const query = this.db.select().from(financeSettings).where(eq(financeSettings.singleton, true));
    const [row] = forUpdate ? await query.for('update') : await query;
    return row;
  }
}
