import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick } from '@libs/resource';
import type { ScenarioResponseDto } from './scenario.dto';
import type { Scenario } from './scenarios.schema';

const SCENARIO_FIELDS = [
  'projectId', 'buildingId', 'name', 'kind', 'status', 'statusChangedAt', 'packages', 'description', 'revision', 'previousRevisionId', 'copiedFromId', 'presentedAt',
] as const satisfies readonly (keyof Scenario)[];

export const SCENARIO_AUDITED_FIELDS = SCENARIO_FIELDS.filter((field) => field !== 'statusChangedAt');

export const SCENARIO_EXPORT_COLUMNS: CsvColumn<Scenario>[] = [
  ...fieldColumns<Scenario>(['id', 'createdAt', 'updatedAt', ...SCENARIO_FIELDS.filter((field) => field !== 'packages'), 'deletedAt']),
  { header: 'packages', value: (s) => s.packages.map((p, i) => `${i + 1}. ${p.title}${p.plannedYear ? ` (${p.plannedYear})` : ''}`).join(' | ') },
];

export function toScenarioResponse(scenario: Scenario): ScenarioResponseDto {
  return auditedPick(scenario, SCENARIO_FIELDS);
}
