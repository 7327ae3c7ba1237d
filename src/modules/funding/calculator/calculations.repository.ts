import { Injectable } from '@nestjs/common';
import { CommonListFilters, referenceConstraints, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { fundingCalculations } from './funding-calculations.schema';

export interface CalculationFilters extends CommonListFilters {
  projectId?: string;
  scenarioId?: string;
  measureId?: string;
}

const CALCULATIONS: ResourceTableSpec<typeof fundingCalculations> = {
  table: fundingCalculations,
  scope: { ownerColumns: [fundingCalculations.ownerId, fundingCalculations.createdBy], departmentColumn: fundingCalculations.departmentId },
  constraints: referenceConstraints('funding_calculations', { projectId: 'projects', scenarioId: 'scenarios', measureId: 'measures', ownerId: 'users', departmentId: 'departments' }),
  sort: { fields: { createdAt: { expression: fundingCalculations.createdAt, type: 'timestamp' } }, tieBreaker: fundingCalculations.id, defaultSort: '-createdAt' },
  filters: { projectId: fundingCalculations.projectId, scenarioId: fundingCalculations.scenarioId, measureId: fundingCalculations.measureId },
};

/** Stored calculations: inserted and read, never changed (the database role may not update them). */
@Injectable()
export class CalculationsRepository extends ResourceRepository<typeof fundingCalculations, CalculationFilters> {
  protected readonly spec = CALCULATIONS;
}
