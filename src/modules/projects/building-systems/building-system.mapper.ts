import { fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import type { BuildingSystemResponseDto } from './building-system.dto';
import type { BuildingSystem } from './building-systems.schema';

export const BUILDING_SYSTEM_FIELDS = [
  'kind', 'description', 'energyCarrier', 'powerKw', 'yearInstalled', 'peakPowerKwp', 'capacityKwh', 'heatRecovery', 'hydraulicallyBalanced', 'notes',
] as const satisfies readonly (keyof BuildingSystem)[];
export const SYSTEM_AUDITED_FIELDS = ['projectId', 'buildingId', ...BUILDING_SYSTEM_FIELDS] as const;

export const BUILDING_SYSTEM_EXPORT_COLUMNS = fieldColumns<BuildingSystem>(['id', 'createdAt', 'updatedAt', ...SYSTEM_AUDITED_FIELDS, 'deletedAt']);

export function toBuildingSystemResponse(system: BuildingSystem): BuildingSystemResponseDto {
  return auditedPick(system, SYSTEM_AUDITED_FIELDS);
}
