import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { currentScope } from '@libs/auth';
import { fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import type { ChangesOf } from '@libs/resource';
import { ContractsRepository } from '../contracts/contracts.repository';
import { FUNDING_EVENTS } from '../funding.events';
import { FundingErrors } from '../funding.errors';
import { ApplicationResponseDto, MoveApplicationDto } from './application.dto';
import { APPLICATION_AUDITED_FIELDS, toApplicationResponse } from './application.mapper';
import { canMove, contractBlockingSubmission, missingForMove, TransitionFacts } from './application.rules';
import { ApplicationsService } from './applications.service';
import type { fundingApplications } from './funding-applications.schema';
import { berlinDate } from '@libs/shared';

/** Moves an application through its pipeline: the rules, the start-of-project check, the events. */
@Injectable()
export class ApplicationStatusService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly contracts: ContractsRepository,
  ) {}

  move(id: string, version: number | undefined, dto: MoveApplicationDto): Promise<ApplicationResponseDto> {
    const steps = this.applications.steps;
    const scope = currentScope('funding.applications:update');
    return steps.transaction(async () => {
      const current = await steps.find(id, scope, { forUpdate: true });
      if (version !== undefined && current.version !== version) throw staleResource();
      if (current.status === dto.status) return toApplicationResponse(current, berlinDate());
      if (!canMove(current.status, dto.status)) throw FundingErrors.transitionNotAllowed(current.status, dto.status);
      const facts: TransitionFacts = {
        submittedOn: dto.submittedOn ?? current.submittedOn,
        approvedAmountCents: dto.approvedAmountCents ?? current.approvedAmountCents,
        approvedOn: dto.approvedOn ?? current.approvedOn,
        proofsSubmittedOn: dto.proofsSubmittedOn ?? current.proofsSubmittedOn,
        paidAmountCents: dto.paidAmountCents ?? current.paidAmountCents,
        paidOn: dto.paidOn ?? current.paidOn,
        closedReason: dto.closedReason ?? current.closedReason,
      };
      const missing = missingForMove(dto.status, facts);
      if (missing.length > 0) throw FundingErrors.transitionMissing(dto.status, missing);
      if (dto.status === 'submitted') await this.assertProjectNotStarted(current.projectId, facts.submittedOn!);
      const changes: ChangesOf<typeof fundingApplications> = { status: dto.status, ...definedFacts(dto) };
      const updated = await this.applications.repository.update(id, current.version, changes, scope);
      if (!updated) throw staleResource();
      const programKey = (await this.applications.repository.programKeyOf(updated.programId)) ?? 'unknown';
      await steps.publish(FUNDING_EVENTS.application.statusChanged(id, { from: current.status, to: dto.status, changes: fieldChanges(current, updated, APPLICATION_AUDITED_FIELDS) }));
      if (dto.status === 'submitted') {
        await steps.publish(FUNDING_EVENTS.application.submitted(id, { applicationId: id, projectId: updated.projectId, programKey, submittedOn: updated.submittedOn! }));
      }
      if (dto.status === 'approved') {
        await steps.publish(
          FUNDING_EVENTS.application.approved(id, {
            applicationId: id,
            projectId: updated.projectId,
            programKey,
            approvedAmountCents: updated.approvedAmountCents!,
            approvedOn: updated.approvedOn!,
            implementationDeadline: updated.implementationDeadline,
            proofDeadline: updated.proofDeadline,
            deadline: updated.implementationDeadline ?? updated.proofDeadline,
          }),
        );
      }
      return toApplicationResponse(updated, berlinDate());
    });
  }

  /**
   * Start-of-project rule (domain.md §1.5): a contract signed without the funding clause up to the
   * end of the submission day (Europe/Berlin) means the project has started: 422 naming it.
   */
  private async assertProjectNotStarted(projectId: string, submittedOn: string): Promise<void> {
    const endOfDay = DateTime.fromISO(submittedOn, { zone: 'Europe/Berlin' }).endOf('day').toJSDate();
    const blocking = contractBlockingSubmission(await this.contracts.earliestWithoutClause(projectId, endOfDay), endOfDay);
    if (blocking) throw FundingErrors.contractWithoutClause(blocking.reference, DateTime.fromJSDate(blocking.signedAt).setZone('Europe/Berlin').toISODate()!);
  }
}

function definedFacts(dto: MoveApplicationDto): ChangesOf<typeof fundingApplications> {
  const fields = ['submittedOn', 'approvedAmountCents', 'approvedOn', 'implementationDeadline', 'proofDeadline', 'proofsSubmittedOn', 'paidAmountCents', 'paidOn', 'closedReason'] as const;
  const changes: Record<string, unknown> = {};
  for (const field of fields) if (dto[field] !== undefined) changes[field] = dto[field];
  return changes as ChangesOf<typeof fundingApplications>;
}
