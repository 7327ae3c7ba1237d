import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import type { MeasureResponseDto } from './measure.dto';
import type { Measure } from './measures.schema';

export const MEASURE_FIELDS = [
  'projectId', 'buildingId', 'scenarioId', 'packageNumber', 'position', 'kind', 'title', 'description', 'componentIds', 'newLayers', 'replacesLayers', 'targetUValue',
  'trigger', 'costEstimateNetCents', 'vatCategory', 'plannedYear', 'plannedDate', 'expectedFinalEnergySavingsKwhA', 'expectedCo2SavingsKgA',
] as const satisfies readonly (keyof Measure)[];

export const MEASURE_AUDITED_FIELDS = MEASURE_FIELDS;

export const MEASURE_EXPORT_COLUMNS: CsvColumn<Measure>[] = [
  ...fieldColumns<Measure>(['id', 'createdAt', 'updatedAt', ...MEASURE_FIELDS.filter((field) => field !== 'componentIds' && field !== 'newLayers'), 'deletedAt']),
  { header: 'component_ids', value: (m) => m.componentIds.join('|') },
  { header: 'new_layers', value: (m) => (m.newLayers ?? []).map((l) => `${l.name} ${l.thicknessMm} mm`).join(' | ') },
];

export function toMeasureResponse(measure: Measure): MeasureResponseDto {
  return auditedPick(measure, MEASURE_FIELDS);
}
