import { Injectable } from '@nestjs/common';
import { and, desc, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import type { Scope } from '@libs/auth';
import { Repository } from '@libs/db';
import { KeysetQuery, ListSortSpec } from '@libs/pagination';
import { withinProject } from '../shared/project-part.repository';
import { scenarios, ScenarioSnapshot, scenarioSnapshots } from './scenarios.schema';

export const SNAPSHOT_SORT: ListSortSpec<'presentedAt'> = {
  fields: { presentedAt: { expression: scenarioSnapshots.presentedAt, type: 'timestamp' } },
  tieBreaker: scenarioSnapshots.id,
  defaultSort: '-presentedAt',
};

export type NewSnapshot = typeof scenarioSnapshots.$inferInsert;

/** The immutable snapshots of presented scenarios: inserted once, read within their project's scope, never changed. */
@Injectable()
export class SnapshotsRepository extends Repository {
  async insert(values: NewSnapshot): Promise<ScenarioSnapshot> {
    const [row] = await this.db.insert(scenarioSnapshots).values(values).returning();
    return row;
  }

  async findById(id: string, scope: Scope): Promise<ScenarioSnapshot | undefined> {
    const [row] = await this.db
      .select()
      .from(scenarioSnapshots)
      .where(and(eq(scenarioSnapshots.id, id), withinProject(scenarioSnapshots.projectId, scope)));
    return row;
  }

  /** The newest snapshot of a scenario (the caller has checked the scenario's scope). */
  async latestOf(scenarioId: string): Promise<ScenarioSnapshot | undefined> {
    const [row] = await this.db
      .select()
      .from(scenarioSnapshots)
      .where(eq(scenarioSnapshots.scenarioId, scenarioId))
      .orderBy(desc(scenarioSnapshots.version))
      .limit(1);
    return row;
  }

  /** The newest snapshot of a live iSFP of the building that is presented or accepted (funding's iSFP bonus). */
  async latestIsfpOfBuilding(buildingId: string): Promise<Omit<ScenarioSnapshot, 'content'> | undefined> {
    const { content: _content, ...summary } = getTableColumns(scenarioSnapshots);
    const [row] = await this.db
      .select(summary)
      .from(scenarioSnapshots)
      .innerJoin(scenarios, eq(scenarios.id, scenarioSnapshots.scenarioId))
      .where(and(eq(scenarios.buildingId, buildingId), eq(scenarios.kind, 'isfp'), inArray(scenarios.status, ['presented', 'accepted']), isNull(scenarios.deletedAt)))
      .orderBy(desc(scenarioSnapshots.presentedAt))
      .limit(1);
    return row;
  }

  /** A page of snapshot summaries (without content) within `scope`, newest first. */
  list(filters: { scenarioId?: string; projectId?: string }, scope: Scope, keyset: KeysetQuery) {
    const { content: _content, ...summary } = getTableColumns(scenarioSnapshots);
    return this.db
      .select({ ...summary, sortKey: keyset.sortKey })
      .from(scenarioSnapshots)
      .where(
        and(
          withinProject(scenarioSnapshots.projectId, scope),
          filters.scenarioId ? eq(scenarioSnapshots.scenarioId, filters.scenarioId) : undefined,
          filters.projectId ? eq(scenarioSnapshots.projectId, filters.projectId) : undefined,
          keyset.after,
        ),
      )
      .orderBy(...keyset.orderBy)
      .limit(keyset.fetchLimit);
  }
}
