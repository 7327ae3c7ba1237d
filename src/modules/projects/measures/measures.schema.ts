import { bigint, boolean, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes } from '@libs/db';
import { projectPartColumns } from '../shared/project-part.schema';
import { scenarios } from '../scenarios/scenarios.schema';
import type { StoredLayer } from '../shared/layer';
import { envelopeTrigger } from '../shared/projects-enums.schema';

export const measureKind = pgEnum('measure_kind', [
  'wall_insulation',
  'roof_insulation',
  'ceiling_insulation',
  'floor_insulation',
  'windows',
  'doors',
  'heat_pump_air',
  'heat_pump_ground',
  'heat_pump_water',
  'biomass',
  'solar_thermal',
  'district_heating',
  'ventilation_heat_recovery',
  'hydraulic_balancing',
  'photovoltaics',
  'storage',
  'other',
]);
export type MeasureKind = (typeof measureKind.enumValues)[number];

/** The VAT treatment a cost estimate is meant with (the rates themselves are finance's dated reference data). */
export const measureVatCategory = pgEnum('measure_vat_category', ['standard', 'reduced', 'zero_rated_pv']);
export type MeasureVatCategory = (typeof measureVatCategory.enumValues)[number];

/**
 * A measure of a scenario (in an iSFP: of one of its packages): what it does to which components
 * (new layers on top of, or instead of, theirs; or a target U-value such as a window's U_w), its
 * cost estimate and the savings the consultant expects (this backend does not compute DIN V 18599).
 */
export const measures = pgTable(
  'measures',
  {
    ...standardColumns(),
    ...projectPartColumns(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'restrict' }),
    /** 1-based package of an iSFP scenario; null in a comparison scenario. */
    packageNumber: integer('package_number'),
    /** Order within the scenario (1, 2, …: as entered; copies keep it). */
    position: integer('position').notNull(),
    kind: measureKind('kind').notNull(),
    /**
     * The components it changes (of the scenario's building). An array rather than a join table: a
     * measure names a handful, is always read with them, and they are checked when written.
     */
    componentIds: uuid('component_ids').array().notNull(),
    title: text('title').notNull(),
    description: text('description'),
    newLayers: jsonb('new_layers').$type<StoredLayer[]>(),
    /** The new layers replace the component's build-up instead of being added to it. */
    replacesLayers: boolean('replaces_layers').notNull().default(false),
    targetUValue: numeric('target_u_value', { precision: 6, scale: 3, mode: 'number' }),
    trigger: envelopeTrigger('trigger').notNull(),
    costEstimateNetCents: bigint('cost_estimate_net_cents', { mode: 'number' }),
    vatCategory: measureVatCategory('vat_category'),
    plannedYear: integer('planned_year'),
    /** The date the checks use (else the day they run). */
    plannedDate: date('planned_date', { mode: 'string' }),
    expectedFinalEnergySavingsKwhA: numeric('expected_final_energy_savings_kwh_a', { precision: 10, scale: 1, mode: 'number' }),
    expectedCo2SavingsKgA: numeric('expected_co2_savings_kg_a', { precision: 10, scale: 1, mode: 'number' }),
  },
  (t) => [
    ...standardIndexes('measures', t),
    index('measures_scenario_id_created_at_idx').on(t.scenarioId, t.createdAt, t.id),
    index('measures_scenario_id_position_idx').on(t.scenarioId, t.position),
    index('measures_project_id_idx').on(t.projectId),
    index('measures_building_id_idx').on(t.buildingId),
    index('measures_component_ids_idx').using('gin', t.componentIds),
  ],
);

export type Measure = typeof measures.$inferSelect;
export type NewMeasure = typeof measures.$inferInsert;
