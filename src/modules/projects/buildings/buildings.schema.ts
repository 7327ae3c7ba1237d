import { boolean, index, integer, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { postalAddressColumns } from '@libs/contact-data';
import { standardColumns, standardIndexes } from '@libs/db';
import { searchTextColumn } from '@libs/search';
import { projects } from '../projects/projects.schema';
import { energyCarrier } from '../shared/projects-enums.schema';

/** The kind of building (from the lead's building type at intake). */
export const projectBuildingType = pgEnum('project_building_type', [
  'single_family',
  'semi_detached',
  'terraced',
  'multi_family',
  'apartment',
  'commercial',
  'mixed_use',
  'other',
]);
export type ProjectBuildingType = (typeof projectBuildingType.enumValues)[number];

/** Efficiency class of an energy certificate (Energieausweis, GEG scale A+ … H). */
export const energyCertificateClass = pgEnum('energy_certificate_class', ['a_plus', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
export type EnergyCertificateClass = (typeof energyCertificateClass.enumValues)[number];

/** The current heat generator's kind. */
export const heatingKind = pgEnum('heating_kind', [
  'gas_boiler',
  'gas_floor_heating',
  'oil_boiler',
  'coal_stove',
  'night_storage',
  'heat_pump_air',
  'heat_pump_ground',
  'heat_pump_water',
  'biomass_boiler',
  'district_heating',
  'electric_direct',
  'other',
]);
export type HeatingKind = (typeof heatingKind.enumValues)[number];

/**
 * A surveyed building of a project: address, type, ages (the building permit's year matters to
 * funding), units, areas, listed status, energy certificate and the current heating.
 */
export const buildings = pgTable(
  'buildings',
  {
    ...standardColumns(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    /** A label when a project has several buildings ("Vorderhaus"). */
    name: text('name'),
    ...postalAddressColumns(),
    buildingType: projectBuildingType('building_type'),
    yearOfConstruction: integer('year_of_construction'),
    /** Year of the building permit or notification (funding needs the building to be old enough). */
    yearOfBuildingPermit: integer('year_of_building_permit'),
    residentialUnits: integer('residential_units'),
    ownerOccupiedUnits: integer('owner_occupied_units'),
    /** Beheizte Wohnfläche in m². */
    heatedLivingAreaM2: numeric('heated_living_area_m2', { precision: 9, scale: 2, mode: 'number' }),
    /** Gebäudenutzfläche A_N in m². */
    usefulAreaM2: numeric('useful_area_m2', { precision: 9, scale: 2, mode: 'number' }),
    storeys: integer('storeys'),
    /** Denkmalschutz. */
    listed: boolean('listed').notNull().default(false),
    energyCertificateClass: energyCertificateClass('energy_certificate_class'),
    finalEnergyKwhM2a: numeric('final_energy_kwh_m2a', { precision: 7, scale: 1, mode: 'number' }),
    primaryEnergyKwhM2a: numeric('primary_energy_kwh_m2a', { precision: 7, scale: 1, mode: 'number' }),
    heatingKind: heatingKind('heating_kind'),
    heatingEnergyCarrier: energyCarrier('heating_energy_carrier'),
    heatingYearInstalled: integer('heating_year_installed'),
    heatingWorking: boolean('heating_working'),
    ...searchTextColumn(),
  },
  (t) => [
    ...standardIndexes('buildings', t),
    index('buildings_project_id_created_at_idx').on(t.projectId, t.createdAt, t.id),
    index('buildings_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export type Building = typeof buildings.$inferSelect;
export type NewBuilding = typeof buildings.$inferInsert;
