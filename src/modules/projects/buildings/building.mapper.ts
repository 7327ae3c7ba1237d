import { addressToColumns, columnsToAddress } from '@libs/contact-data';
import { fieldColumns } from '@libs/csv';
import type { FieldError } from '@libs/http';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { BuildingResponseDto, UpdateBuildingDto } from './building.dto';
import type { Building, buildings } from './buildings.schema';

const BUILDING_FIELDS = [
  'projectId', 'name', 'buildingType', 'yearOfConstruction', 'yearOfBuildingPermit', 'residentialUnits', 'ownerOccupiedUnits', 'heatedLivingAreaM2',
  'usefulAreaM2', 'storeys', 'listed', 'energyCertificateClass', 'finalEnergyKwhM2a', 'primaryEnergyKwhM2a', 'heatingKind', 'heatingEnergyCarrier',
  'heatingYearInstalled', 'heatingWorking',
] as const satisfies readonly (keyof Building)[];
const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'countryCode'] as const;
const EDITABLE_FIELDS = BUILDING_FIELDS.filter((field) => field !== 'projectId');

export const BUILDING_AUDITED_FIELDS = [...BUILDING_FIELDS, ...ADDRESS_FIELDS];
export const BUILDING_EXPORT_COLUMNS = fieldColumns<Building>(['id', 'createdAt', 'updatedAt', ...BUILDING_AUDITED_FIELDS, 'deletedAt']);

export function toBuildingResponse(building: Building): BuildingResponseDto {
  // The address is set on the picked object: spreading it into a new one costs far more per row.
  const response: Omit<BuildingResponseDto, 'address'> & Partial<Pick<BuildingResponseDto, 'address'>> = auditedPick(building, BUILDING_FIELDS);
  response.address = columnsToAddress(building);
  return response as BuildingResponseDto;
}

export type BuildingChanges = ChangesOf<typeof buildings>;

/** Columns of the fields present in a DTO, with the search text over name and address. */
export function buildingColumns(dto: Partial<UpdateBuildingDto>, current?: Building): BuildingChanges {
  const columns: BuildingChanges = pickDefined({ ...pick(dto, EDITABLE_FIELDS), ...(dto.address !== undefined && addressToColumns(dto.address)) });
  const merged = { ...current, ...columns };
  return { ...columns, searchText: buildSearchText([merged.name, merged.street, merged.postalCode, merged.city]) };
}

/** Owner-occupied units cannot outnumber the building's residential units. */
export function buildingErrors(building: Pick<Building, 'residentialUnits' | 'ownerOccupiedUnits'>): FieldError[] {
  const { residentialUnits, ownerOccupiedUnits } = building;
  if (residentialUnits !== null && ownerOccupiedUnits !== null && ownerOccupiedUnits > residentialUnits) {
    return [{ path: 'ownerOccupiedUnits', message: `ownerOccupiedUnits (${ownerOccupiedUnits}) cannot exceed residentialUnits (${residentialUnits})` }];
  }
  return [];
}
