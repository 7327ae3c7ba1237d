import { ApiProperty } from '@nestjs/swagger';
import { OptionalUuid } from '@libs/http';
import { PageDto } from '@libs/resource';
import { ApiLocalizedText, LocalizedText } from '@libs/shared';
import { MeasureResponseDto } from '../measures/measure.dto';
import { RequirementSetResponseDto, UValueMethodResponseDto } from '../reference/reference-data.dto';
import { LayerResponseDto } from '../shared/layer.dto';
import { DocumentedPageQueryDto } from '../shared/page-query.dto';
import { componentCategory, ComponentCategory } from '../shared/projects-enums.schema';
import { ScenarioResponseDto } from './scenario.dto';

export class CheckResultDto {
  @ApiProperty({ format: 'uuid' })
  componentId: string;
  componentName: string;
  @ApiProperty({ enum: componentCategory.enumValues })
  category: ComponentCategory;
  /** The day whose valid requirement-set version was used. */
  @ApiProperty({ format: 'date' })
  checkedOn: string;
  /** The requirement-set version used. */
  @ApiProperty({ format: 'uuid' })
  requirementSetId: string;
  requirementSetKey: string;
  requirementSetVersion: string;
  @ApiProperty({ format: 'uuid', nullable: true })
  limitId: string | null;
  citation: string | null;
  @ApiProperty({ enum: ['u', 'u_w', 'u_g', 'u_c'], nullable: true })
  quantity: 'u' | 'u_w' | 'u_g' | 'u_c' | null;
  /** The resulting U-value, unrounded, W/(m²·K). */
  uValue: number | null;
  /** As the standard presents it (the value compared with the limit). */
  uValueRounded: number | null;
  uMax: number | null;
  @ApiProperty({ enum: ['pass', 'fail', 'no_requirement', 'not_computable'] })
  outcome: 'pass' | 'fail' | 'no_requirement' | 'not_computable';
  /** "U = 0.27 W/(m²·K) exceeds the BEG minimum 0.20 for external walls." */
  @ApiLocalizedText()
  explanation: LocalizedText;
}

/** A component a measure changes, as it was when the checks ran. */
export class CheckedComponentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
  @ApiProperty({ enum: componentCategory.enumValues })
  category: ComponentCategory;
  areaM2: number | null;
  uValue: number | null;
  uValueRounded: number | null;
  @ApiProperty({ type: [LayerResponseDto] })
  layers: LayerResponseDto[];
}

export class MeasureDetailDto extends MeasureResponseDto {
  @ApiProperty({ type: [CheckedComponentDto] })
  components: CheckedComponentDto[];
  @ApiProperty({ type: [CheckResultDto] })
  checks: CheckResultDto[];
}

export class ScenarioTotalsDto {
  @ApiProperty({ type: 'integer' })
  measureCount: number;
  @ApiProperty({ type: 'integer' })
  costEstimateNetCents: number;
  expectedFinalEnergySavingsKwhA: number;
  expectedCo2SavingsKgA: number;
}

/** A scenario's measures with their check results, and the reference-data versions the checks used. */
export class ScenarioDetailDto {
  @ApiProperty({ type: ScenarioResponseDto })
  scenario: ScenarioResponseDto;
  @ApiProperty({ type: [MeasureDetailDto] })
  measures: MeasureDetailDto[];
  @ApiProperty({ type: [RequirementSetResponseDto] })
  requirementSets: RequirementSetResponseDto[];
  @ApiProperty({ type: UValueMethodResponseDto, nullable: true })
  uValueMethod: UValueMethodResponseDto | null;
  @ApiProperty({ type: ScenarioTotalsDto })
  totals: ScenarioTotalsDto;
  /** The day the checks were computed (for measures without a planned date, the requirement sets valid on it). */
  @ApiProperty({ format: 'date' })
  computedOn: string;
}

export class SnapshotSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  scenarioId: string;
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  /** The scenario's revision it froze. */
  @ApiProperty({ type: 'integer' })
  version: number;
  /** sha256 (hex) of the canonical JSON of `content`. */
  contentHash: string;
  presentedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true })
  presentedBy: string | null;
}

export class ScenarioSnapshotResponseDto extends SnapshotSummaryDto {
  @ApiProperty({ type: ScenarioDetailDto })
  content: ScenarioDetailDto;
}

export const ScenarioSnapshotPageDto = PageDto(SnapshotSummaryDto);

/**
 * A scenario with everything in it. A draft's checks are computed now (current components and the
 * reference data valid now); a presented scenario answers its frozen snapshot, whatever changed since.
 */
export class ScenarioFullResponseDto {
  /** The scenario as it is now (status, version). */
  @ApiProperty({ type: ScenarioResponseDto })
  scenario: ScenarioResponseDto;
  /** Whether `detail` is the frozen snapshot. */
  frozen: boolean;
  @ApiProperty({ type: SnapshotSummaryDto, nullable: true })
  snapshot: SnapshotSummaryDto | null;
  @ApiProperty({ type: ScenarioDetailDto })
  detail: ScenarioDetailDto;
}

export class MeasureChecksResponseDto {
  @ApiProperty({ format: 'uuid' })
  measureId: string;
  /** From the scenario's snapshot (presented) or computed now (draft). */
  frozen: boolean;
  @ApiProperty({ type: [CheckResultDto] })
  checks: CheckResultDto[];
}

export class ListSnapshotsQueryDto extends DocumentedPageQueryDto {
  @OptionalUuid()
  scenarioId?: string;

  @OptionalUuid()
  projectId?: string;
}
