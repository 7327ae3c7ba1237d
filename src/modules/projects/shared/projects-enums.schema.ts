import { pgEnum } from 'drizzle-orm/pg-core';

/** The building envelope's component categories of the survey (GEG Anlage 7 and the BEG requirements name their limits by them). */
export const componentCategory = pgEnum('component_category', [
  'external_wall_air',
  'external_wall_ground',
  'external_wall_unheated',
  'pitched_roof',
  'flat_roof',
  'dormer',
  'top_floor_ceiling',
  'basement_ceiling',
  'ground_slab',
  'ceiling_to_outside_below',
  'window',
  'roof_window',
  'external_door',
  'curtain_wall',
  'glass_roof',
]);
export type ComponentCategory = (typeof componentCategory.enumValues)[number];

/** Direction of the heat flow through a component (DIN EN ISO 6946 chooses R_si by it). */
export const heatFlowDirection = pgEnum('heat_flow_direction', ['upwards', 'horizontal', 'downwards']);
export type HeatFlowDirection = (typeof heatFlowDirection.enumValues)[number];

/** What lies on the cold side of a component (chooses R_se). */
export const componentBoundary = pgEnum('component_boundary', ['outside_air', 'ground', 'unheated_space']);
export type ComponentBoundary = (typeof componentBoundary.enumValues)[number];

/**
 * What a renovation does to a component — GEG Anlage 7 sets some limits per trigger (glazing only
 * replaced: U_g; a flat roof's waterproofing replaced; a new floor build-up on the heated side).
 * `any` is a limit that applies whatever the trigger.
 */
export const envelopeTrigger = pgEnum('envelope_trigger', [
  'any',
  'replacement',
  'insulation_added',
  'render_renewed',
  'glazing_replaced',
  'waterproofing_replaced',
  'floor_buildup_heated_side',
]);
export type EnvelopeTrigger = (typeof envelopeTrigger.enumValues)[number];

/** Energy carriers of heating and plant. */
export const energyCarrier = pgEnum('energy_carrier', [
  'natural_gas',
  'lpg',
  'heating_oil',
  'electricity',
  'wood_pellets',
  'wood_logs',
  'wood_chips',
  'district_heat',
  'coal',
  'solar',
  'ambient_heat',
  'other',
]);
export type EnergyCarrier = (typeof energyCarrier.enumValues)[number];
