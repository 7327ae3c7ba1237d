import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import type { ComponentResponseDto } from './component.dto';
import type { BuildingComponent } from './components.schema';

const COMPONENT_FIELDS = [
  'projectId', 'buildingId', 'name', 'category', 'orientation', 'areaM2', 'yearBuilt', 'yearRenewed', 'condition', 'heatFlowDirection', 'layers',
  'declaredUValue', 'uValue', 'uValueRounded', 'uValueSource', 'uValueMethodId', 'notes',
] as const satisfies readonly (keyof BuildingComponent)[];

export const COMPONENT_AUDITED_FIELDS = COMPONENT_FIELDS;

export const COMPONENT_EXPORT_COLUMNS: CsvColumn<BuildingComponent>[] = [
  ...fieldColumns<BuildingComponent>(['id', 'createdAt', 'updatedAt', ...COMPONENT_FIELDS.filter((field) => field !== 'layers'), 'deletedAt']),
  { header: 'layers', value: (c) => c.layers.map((l) => `${l.name} ${l.thicknessMm} mm ${l.lambda !== null ? `λ ${l.lambda}` : `R ${l.resistance}`}`).join(' | ') },
];

export function toComponentResponse(component: BuildingComponent): ComponentResponseDto {
  return auditedPick(component, COMPONENT_FIELDS);
}
