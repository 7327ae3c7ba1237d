import { Injectable } from '@nestjs/common';
import { AppError } from '@libs/http';
import type { Page } from '@libs/pagination';
import type { UValueMethodData } from '../components/component.rules';
import { ListRequirementSetsQueryDto, ListUValueMethodsQueryDto, RequirementSetResponseDto, UValueMethodResponseDto } from './reference-data.dto';
import { ReferenceDataRepository, RequirementSetWithLimits, UValueMethodWithResistances } from './reference-data.repository';

/** The U-value method the survey computes with. */
export const U_VALUE_METHOD_KEY = 'din_en_iso_6946';

/** Reads of the dated reference data: for the API, and in the shapes the calculations take. */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly repository: ReferenceDataRepository) {}

  async listRequirementSets(query: ListRequirementSetsQueryDto): Promise<Page<RequirementSetResponseDto>> {
    const sets = await this.repository.requirementSets({ key: query.key, validOn: query.validOn ? [query.validOn] : undefined });
    return { items: sets.map(toRequirementSetResponse), nextCursor: null };
  }

  async requirementSet(id: string): Promise<RequirementSetResponseDto> {
    const [set] = await this.repository.requirementSets({ ids: [id] });
    if (!set) throw AppError.notFound('PROJECTS_REQUIREMENT_SET_NOT_FOUND', `The requirement set ${id} does not exist.`);
    return toRequirementSetResponse(set);
  }

  async listUValueMethods(query: ListUValueMethodsQueryDto): Promise<Page<UValueMethodResponseDto>> {
    const methods = await this.repository.uValueMethods({ validOn: query.validOn });
    return { items: methods.map(toUValueMethodResponse), nextCursor: null };
  }

  async uValueMethod(id: string): Promise<UValueMethodResponseDto> {
    const [method] = await this.repository.uValueMethods({ ids: [id] });
    if (!method) throw AppError.notFound('PROJECTS_U_VALUE_METHOD_NOT_FOUND', `The U-value method ${id} does not exist.`);
    return toUValueMethodResponse(method);
  }

  /** Every requirement-set version valid on at least one of `dates` (the response shape is also what the checks take). */
  async requirementSetsOn(dates: readonly string[]): Promise<RequirementSetResponseDto[]> {
    if (dates.length === 0) return [];
    return (await this.repository.requirementSets({ validOn: [...new Set(dates)] })).map(toRequirementSetResponse);
  }

  /** The U-value method valid on `date`; undefined when none is seeded for that day. */
  async uValueMethodOn(date: string): Promise<UValueMethodResponseDto | undefined> {
    const [method] = await this.repository.uValueMethods({ key: U_VALUE_METHOD_KEY, validOn: date });
    return method && toUValueMethodResponse(method);
  }
}

function toRequirementSetResponse(set: RequirementSetWithLimits): RequirementSetResponseDto {
  const { createdAt: _createdAt, limits, ...fields } = set;
  return { ...fields, limits: limits.map(({ requirementSetId: _set, ...limit }) => limit) };
}

function toUValueMethodResponse(method: UValueMethodWithResistances): UValueMethodResponseDto {
  const { createdAt: _createdAt, resistances, ...fields } = method;
  return { ...fields, surfaceResistances: resistances.map(({ heatFlow, boundary, rsi, rse, source }) => ({ heatFlow, boundary, rsi, rse, source })) };
}

/** The method as the calculation takes it. */
export function uValueMethodData(method: UValueMethodResponseDto): UValueMethodData {
  return {
    id: method.id,
    significantFigures: method.significantFigures,
    resistances: method.surfaceResistances.map((r) => ({ heatFlow: r.heatFlow, boundary: r.boundary, rsi: r.rsi, rse: r.rse })),
  };
}
