import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { buildingSystems } from '../building-systems/building-systems.schema';
import { buildings } from '../buildings/buildings.schema';
import { buildingComponents } from '../components/components.schema';
import { measures } from '../measures/measures.schema';
import { scenarios } from '../scenarios/scenarios.schema';

export type TimelineEntityType = 'building' | 'building_component' | 'building_system' | 'scenario' | 'measure';

/** The ids of everything a project contains, deleted rows too (their history belongs to the project's timeline). */
@Injectable()
export class ProjectTimelineRepository extends Repository {
  async entityIds(projectId: string): Promise<{ type: TimelineEntityType; id: string }[]> {
    const { rows } = await this.db.execute<{ type: TimelineEntityType; id: string }>(sql`
      select 'building' as type, id from ${buildings} where ${buildings.projectId} = ${projectId}
      union all select 'building_component', id from ${buildingComponents} where ${buildingComponents.projectId} = ${projectId}
      union all select 'building_system', id from ${buildingSystems} where ${buildingSystems.projectId} = ${projectId}
      union all select 'scenario', id from ${scenarios} where ${scenarios.projectId} = ${projectId}
      union all select 'measure', id from ${measures} where ${measures.projectId} = ${projectId}`);
    return rows;
  }
}
