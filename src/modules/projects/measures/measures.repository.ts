import { Injectable } from '@nestjs/common';
import { and, arrayContains, asc, eq, isNull, max, sql, SQL } from 'drizzle-orm';
import { CommonListFilters, ResourceTableSpec } from '@libs/resource';
import { containsAny } from '@libs/search';
import { scenarios } from '../scenarios/scenarios.schema';
import { ProjectPartRepository } from '../shared/project-part.repository';
import { Measure, MeasureKind, measures } from './measures.schema';

export interface MeasureFilters extends CommonListFilters {
  scenarioId?: string;
  projectId?: string;
  kind?: MeasureKind[];
}

const MEASURES: ResourceTableSpec<typeof measures> = {
  table: measures,
  sort: { fields: { createdAt: { expression: measures.createdAt, type: 'timestamp' } }, tieBreaker: measures.id, defaultSort: '-createdAt' },
  filters: { scenarioId: measures.scenarioId, projectId: measures.projectId, kind: measures.kind },
};

/** Measures within their project's scope. */
@Injectable()
export class MeasuresRepository extends ProjectPartRepository<typeof measures, MeasureFilters> {
  protected readonly spec = MEASURES;

  /** `q`: a substring of the title (a scenario has a few dozen measures). */
  protected override searchCondition(q: string | undefined): SQL | undefined {
    return containsAny([measures.title], q);
  }

  /** The live measures of a scenario (whose scope the caller has checked), in package order, then by position. */
  ofScenario(scenarioId: string): Promise<Measure[]> {
    return this.db
      .select()
      .from(measures)
      .where(and(eq(measures.scenarioId, scenarioId), isNull(measures.deletedAt)))
      .orderBy(sql`${measures.packageNumber} asc nulls first`, asc(measures.position), asc(measures.id));
  }

  /** The highest package number a live measure of the scenario uses (0 when none). */
  async highestPackage(scenarioId: string): Promise<number> {
    const [row] = await this.db
      .select({ highest: max(measures.packageNumber) })
      .from(measures)
      .where(and(eq(measures.scenarioId, scenarioId), isNull(measures.deletedAt)));
    return row?.highest ?? 0;
  }

  /** The position after the scenario's last measure (deleted ones included, so positions never repeat). */
  async nextPosition(scenarioId: string): Promise<number> {
    const [row] = await this.db.select({ last: max(measures.position) }).from(measures).where(eq(measures.scenarioId, scenarioId));
    return (row?.last ?? 0) + 1;
  }

  /** Whether a live measure of a live draft scenario changes the component. */
  async draftUses(componentId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: measures.id })
      .from(measures)
      .innerJoin(scenarios, eq(scenarios.id, measures.scenarioId))
      .where(and(arrayContains(measures.componentIds, [componentId]), isNull(measures.deletedAt), eq(scenarios.status, 'draft'), isNull(scenarios.deletedAt)))
      .limit(1);
    return row !== undefined;
  }
}
