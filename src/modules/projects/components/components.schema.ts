import { doublePrecision, index, integer, jsonb, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes } from '@libs/db';
import { projectPartColumns } from '../shared/project-part.schema';
import { uValueMethods } from '../reference/u-value-methods.schema';
import { componentCategory, heatFlowDirection } from '../shared/projects-enums.schema';
import type { StoredLayer } from '../shared/layer';

export const componentOrientation = pgEnum('component_orientation', ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw', 'horizontal']);
export type ComponentOrientation = (typeof componentOrientation.enumValues)[number];

export const componentCondition = pgEnum('component_condition', ['good', 'fair', 'poor', 'defective']);
export type ComponentCondition = (typeof componentCondition.enumValues)[number];

/** Where a component's U-value comes from: computed from its layers (DIN EN ISO 6946) or declared (a window's U_w). */
export const uValueSource = pgEnum('u_value_source', ['computed', 'declared']);
export type UValueSource = (typeof uValueSource.enumValues)[number];

/**
 * A part of a building's thermal envelope as surveyed: category, orientation, area, age, condition
 * and either its layers (U computed per DIN EN ISO 6946 when saved, stored unrounded and as the
 * standard presents it, with the method row used) or a declared U-value. `project_id` is the
 * building's project, kept here for the scope condition (a building never changes project).
 */
export const buildingComponents = pgTable(
  'building_components',
  {
    ...standardColumns(),
    ...projectPartColumns(),
    name: text('name').notNull(),
    category: componentCategory('category').notNull(),
    orientation: componentOrientation('orientation'),
    areaM2: numeric('area_m2', { precision: 9, scale: 2, mode: 'number' }),
    yearBuilt: integer('year_built'),
    yearRenewed: integer('year_renewed'),
    condition: componentCondition('condition'),
    /** Overrides the heat-flow direction the category implies (a roof steeper than 60° is horizontal). */
    heatFlowDirection: heatFlowDirection('heat_flow_direction'),
    layers: jsonb('layers').$type<StoredLayer[]>().notNull(),
    declaredUValue: numeric('declared_u_value', { precision: 6, scale: 3, mode: 'number' }),
    uValue: doublePrecision('u_value'),
    uValueRounded: numeric('u_value_rounded', { precision: 8, scale: 4, mode: 'number' }),
    uValueSource: uValueSource('u_value_source'),
    uValueMethodId: uuid('u_value_method_id').references(() => uValueMethods.id, { onDelete: 'restrict' }),
    notes: text('notes'),
  },
  (t) => [
    ...standardIndexes('building_components', t),
    index('building_components_building_id_created_at_idx').on(t.buildingId, t.createdAt, t.id),
    index('building_components_project_id_idx').on(t.projectId),
    index('building_components_u_value_method_id_idx').on(t.uValueMethodId),
  ],
);

export type BuildingComponent = typeof buildingComponents.$inferSelect;
export type NewBuildingComponent = typeof buildingComponents.$inferInsert;
