import { Injectable } from '@nestjs/common';
import { inArray, sql } from 'drizzle-orm';
import type { CommonListFilters, ResourceTableSpec } from '@libs/resource';
import { ResourceRepository } from '@libs/resource';
import { Material, MaterialGroup, materials } from './materials.schema';

export interface MaterialFilters extends CommonListFilters {
  group?: MaterialGroup[];
  seeded?: boolean;
}

/** A catalogue: every holder of the permission sees all of it (no scope). */
const MATERIALS: ResourceTableSpec<typeof materials> = {
  table: materials,
  sort: {
    fields: { createdAt: { expression: materials.createdAt, type: 'timestamp' }, name: { expression: sql`lower(${materials.name}->>'de')`, type: 'text' } },
    tieBreaker: materials.id,
    defaultSort: 'name',
  },
  search: { text: materials.searchText },
  filters: { group: materials.group, seeded: materials.seeded },
};

@Injectable()
export class MaterialsRepository extends ResourceRepository<typeof materials, MaterialFilters> {
  protected readonly spec = MATERIALS;

  /** Live materials by id (layers name them). */
  findLive(ids: readonly string[]): Promise<Material[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(materials)
      .where(sql`${inArray(materials.id, [...ids])} and ${materials.deletedAt} is null`);
  }
}
