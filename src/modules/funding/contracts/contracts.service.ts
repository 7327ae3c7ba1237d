import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { auditedPick, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import type { QuoteAcceptedV1 } from '../../finance';
import { ProjectsQueries } from '../../projects';
import { FUNDING_EVENTS } from '../funding.events';
import { FundingErrors } from '../funding.errors';
import { ContractResponseDto, RecordContractDto } from './contract.dto';
import { ContractFilters, ContractsRepository } from './contracts.repository';
import type { FundingContract, fundingContracts } from './funding-contracts.schema';

const FIELDS = ['projectId', 'source', 'quoteId', 'reference', 'contractor', 'signedAt', 'withFundingClause', 'method', 'totalGrossCents', 'ownerId', 'departmentId'] as const satisfies readonly (keyof FundingContract)[];

const CONTRACT: ResourceDefinition<FundingContract> = {
  name: 'contract',
  code: 'FUNDING_CONTRACT',
  permissions: resourcePermissions('funding.contracts'),
  events: FUNDING_EVENTS.contract,
  auditedFields: [...FIELDS],
};

export const toContractResponse = (row: FundingContract): ContractResponseDto => auditedPick(row, FIELDS) as unknown as ContractResponseDto;

/** Contract facts of projects: recorded by hand, or from accepted quotes. */
@Injectable()
export class ContractsService extends ResourceService<typeof fundingContracts, ContractFilters, ContractResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: ContractsRepository,
    outbox: EventOutbox,
    private readonly projects: ProjectsQueries,
  ) {
    super({ txHost, outbox, repository }, CONTRACT, toContractResponse);
  }

  async record(dto: RecordContractDto): Promise<ContractResponseDto> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(currentScope('funding.contracts:create'), departmentId);
    if (!(await this.projects.project(dto.projectId))) throw FundingErrors.projectNotVisible();
    const row = await this.steps.create({
      projectId: dto.projectId,
      source: 'recorded',
      reference: dto.reference,
      contractor: dto.contractor ?? null,
      signedAt: dto.signedAt,
      withFundingClause: dto.withFundingClause,
      totalGrossCents: dto.totalGrossCents ?? null,
      ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId,
      departmentId,
    });
    return toContractResponse(row);
  }

  /** From `finance.quote.accepted` (runs as the system inside the relay's transaction): once per quote. */
  async fromAcceptedQuote(payload: QuoteAcceptedV1): Promise<void> {
    const project = await this.projects.project(payload.projectId);
    if (!project) return;
    const signedAt = new Date(payload.acceptedAt);
    if (Number.isNaN(signedAt.getTime())) return;
    await this.steps.transaction(async () => {
      const row = await this.repository.insertFromQuote({
        projectId: payload.projectId,
        source: 'quote_accepted',
        quoteId: payload.quoteId,
        reference: `${payload.number} v${payload.version}`.slice(0, 200),
        signedAt,
        withFundingClause: payload.withFundingClause,
        method: payload.method,
        totalGrossCents: payload.totalGrossCents,
        // Readable by whoever may read the project's records: without these the system-made row is invisible to scoped users.
        ownerId: project.ownerId,
        departmentId: project.departmentId,
        createdBy: currentActorId(),
      });
      if (row) await this.steps.publish(FUNDING_EVENTS.contract.created(row.id, { snapshot: auditedPick(row, FIELDS) as unknown as Record<string, unknown> }));
    });
  }
}
