import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Max, Min } from 'class-validator';
import { IsTrimmedString, OptionalUuid } from '@libs/http';
import { IsDecimal, OptionalDecimal } from './field-decorators';

/**
 * One layer of a build-up. Name a catalogue material (`materialId`: its name and λ are copied) or
 * give `name` with `lambda` — or, for an unventilated air layer, its `resistance` from the standard's table.
 */
export class LayerDto {
  @OptionalUuid()
  materialId?: string | null;

  /** Defaults to the material's German name. @example "Expandiertes Polystyrol (EPS) WLS 035" */
  @IsOptional()
  @IsTrimmedString(200)
  name?: string | null;

  /** @example 140 */
  @ApiProperty({ minimum: 0.1, maximum: 3000, example: 140 })
  @IsDecimal(1)
  @Min(0.1)
  @Max(3000)
  thicknessMm: number;

  /** Design λ in W/(m·K); defaults to the material's. */
  @OptionalDecimal(0.001, 500, 4, 0.035)
  lambda?: number | null;

  /** Thermal resistance in m²·K/W of an air layer (instead of λ). */
  @OptionalDecimal(0.01, 10, 3)
  resistance?: number | null;
}

/** The stored form of a layer as the API answers it. */
export class LayerResponseDto {
  @ApiProperty({ format: 'uuid', nullable: true })
  materialId: string | null;
  name: string;
  thicknessMm: number;
  lambda: number | null;
  resistance: number | null;
}
