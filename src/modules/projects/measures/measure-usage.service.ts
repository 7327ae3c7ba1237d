import { Injectable } from '@nestjs/common';
import { MeasuresRepository } from './measures.repository';

/**
 * What scenarios and components need to know about the measures that use them (a package still
 * holding measures, a component a draft measure changes) — apart from MeasuresService, which
 * itself needs the scenarios' and components' services.
 */
@Injectable()
export class MeasureUsage {
  constructor(private readonly repository: MeasuresRepository) {}

  /** The highest package number a live measure of the scenario uses (0 when none). */
  highestPackage(scenarioId: string): Promise<number> {
    return this.repository.highestPackage(scenarioId);
  }

  /** Whether a live measure of a live draft scenario changes the component. */
  draftMeasuresChange(componentId: string): Promise<boolean> {
    return this.repository.draftUses(componentId);
  }
}
