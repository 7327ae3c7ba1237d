import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { auditedPick, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { FUNDING_EVENTS } from '../funding.events';
import { FundingErrors } from '../funding.errors';
import { ProgramsService } from '../programs/programs.service';
import type { CalculationResult } from './calculation.types';
import { CalculationRequestDto, StoreCalculationDto } from './calculation.dto';
import { CalculationResultDto, StoredCalculationResponseDto } from './calculation-result.dto';
import { CalculationInputService } from './calculation-input.service';
import { CalculationFilters, CalculationsRepository } from './calculations.repository';
import type { FundingCalculation, fundingCalculations } from './funding-calculations.schema';
import { calculateFunding, programsNeeded } from './routes.rules';

const AUDITED = ['projectId', 'scenarioId', 'measureId', 'decisiveDate', 'ruleVersionIds', 'bestRoute', 'bestTotalCents', 'ownerId', 'departmentId'] as const satisfies readonly (keyof FundingCalculation)[];

const CALCULATION: ResourceDefinition<FundingCalculation> = {
  name: 'calculation',
  code: 'FUNDING_CALCULATION',
  permissions: resourcePermissions('funding.calculations'),
  events: FUNDING_EVENTS.calculation,
  auditedFields: [...AUDITED],
};

export function toStoredCalculationResponse(row: FundingCalculation): StoredCalculationResponseDto {
  const response = auditedPick(row, AUDITED) as unknown as StoredCalculationResponseDto;
  response.input = row.input as Record<string, unknown>;
  response.result = row.result as CalculationResultDto;
  response.bestRoute = row.bestRoute as StoredCalculationResponseDto['bestRoute'];
  return response;
}

/** Previews (stateless) and stored calculations of a scenario or measure (immutable, with inputs and rule versions). */
@Injectable()
export class CalculationsService extends ResourceService<typeof fundingCalculations, CalculationFilters, StoredCalculationResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    repository: CalculationsRepository,
    outbox: EventOutbox,
    private readonly inputs: CalculationInputService,
    private readonly programs: ProgramsService,
  ) {
    super({ txHost, outbox, repository }, CALCULATION, toStoredCalculationResponse);
  }

  async preview(dto: CalculationRequestDto): Promise<CalculationResultDto> {
    return (await this.calculate(dto)).result;
  }

  async store(dto: StoreCalculationDto): Promise<StoredCalculationResponseDto> {
    const departmentId = defaultDepartment(undefined);
    assertDepartmentInScope(currentScope('funding.calculations:create'), departmentId);
    const { result, input, projectId } = await this.calculate(dto);
    if (!projectId) throw FundingErrors.scenarioNotVisible();
    const best = result.routes.find((r) => r.best);
    const row = await this.steps.create({
      projectId,
      scenarioId: dto.scenarioId,
      measureId: dto.measureId ?? null,
      decisiveDate: dto.date,
      input,
      result,
      ruleVersionIds: result.ruleVersionIds,
      bestRoute: best?.route ?? null,
      bestTotalCents: best?.totalCents ?? 0,
      ownerId: currentActorId(),
      departmentId,
    });
    return toStoredCalculationResponse(row);
  }

  private async calculate(dto: CalculationRequestDto): Promise<{ result: CalculationResult; input: Record<string, unknown>; projectId: string | null }> {
    const { input, routes, scenario } = await this.inputs.assemble(dto);
    const rules = await this.programs.rulesOn(programsNeeded(routes, input), input.date, ['kfw_358_359']);
    const result = calculateFunding(input, routes, rules);
    return { result, input: { ...input, routes } as unknown as Record<string, unknown>, projectId: scenario?.projectId ?? null };
  }
}
