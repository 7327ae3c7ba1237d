import { boolean, index, integer, numeric, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { standardColumns, standardIndexes } from '@libs/db';
import { projectPartColumns } from '../shared/project-part.schema';
import { energyCarrier } from '../shared/projects-enums.schema';

export const buildingSystemKind = pgEnum('building_system_kind', [
  'heat_generator',
  'hot_water',
  'distribution',
  'ventilation',
  'photovoltaics',
  'storage',
  'solar_thermal',
  'building_automation',
]);
export type BuildingSystemKind = (typeof buildingSystemKind.enumValues)[number];

/**
 * The plant inventory of a building: heat generator, hot water, distribution (hydraulic balancing),
 * ventilation (heat recovery), PV (kWp), storage (kWh), solar thermal, building automation.
 */
export const buildingSystems = pgTable(
  'building_systems',
  {
    ...standardColumns(),
    ...projectPartColumns(),
    kind: buildingSystemKind('kind').notNull(),
    description: text('description'),
    energyCarrier: energyCarrier('energy_carrier'),
    /** Nominal (thermal or electrical) power in kW. */
    powerKw: numeric('power_kw', { precision: 9, scale: 2, mode: 'number' }),
    yearInstalled: integer('year_installed'),
    /** Photovoltaics only. */
    peakPowerKwp: numeric('peak_power_kwp', { precision: 9, scale: 2, mode: 'number' }),
    /** Storage only. */
    capacityKwh: numeric('capacity_kwh', { precision: 9, scale: 2, mode: 'number' }),
    /** Ventilation only. */
    heatRecovery: boolean('heat_recovery'),
    /** Distribution only. */
    hydraulicallyBalanced: boolean('hydraulically_balanced'),
    notes: text('notes'),
  },
  (t) => [
    ...standardIndexes('building_systems', t),
    index('building_systems_building_id_created_at_idx').on(t.buildingId, t.createdAt, t.id),
    index('building_systems_project_id_idx').on(t.projectId),
  ],
);

export type BuildingSystem = typeof buildingSystems.$inferSelect;
