import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { ApplicationResponseDto, UpdateApplicationDto } from './application.dto';
import { deadlineState, nextStatuses } from './application.rules';
import { DUE_SOON_DAYS } from './applications.repository';
import type { FundingApplication, fundingApplications } from './funding-applications.schema';

const FIELDS = [
  'projectId', 'programId', 'scenarioId', 'calculationId', 'measureIds', 'title', 'status', 'bzaId', 'bndId', 'bafaCaseNumber', 'kfwApplicationNumber',
  'requestedAmountCents', 'submittedOn', 'approvedAmountCents', 'approvedOn', 'implementationDeadline', 'proofDeadline', 'proofsSubmittedOn',
  'paidAmountCents', 'paidOn', 'closedReason', 'note', 'ownerId', 'departmentId',
] as const satisfies readonly (keyof FundingApplication)[];

export const APPLICATION_AUDITED_FIELDS = [...FIELDS];

/** The response with the deadlines' states on `today` (Europe/Berlin). */
export function toApplicationResponse(row: FundingApplication, today: string): ApplicationResponseDto {
  const response = auditedPick(row, FIELDS) as unknown as ApplicationResponseDto;
  const met = row.status === 'proofs_submitted' || row.status === 'paid';
  const running = row.status === 'approved' || met;
  response.implementationDeadlineState = running ? deadlineState(row.implementationDeadline, today, DUE_SOON_DAYS, met) : row.implementationDeadline ? 'open' : 'none';
  response.proofDeadlineState = running ? deadlineState(row.proofDeadline, today, DUE_SOON_DAYS, met) : row.proofDeadline ? 'open' : 'none';
  if (['rejected', 'withdrawn', 'expired'].includes(row.status)) response.implementationDeadlineState = response.proofDeadlineState = 'none';
  response.nextStatuses = [...nextStatuses(row.status)];
  return response;
}

const EDITABLE = ['title', 'measureIds', 'requestedAmountCents', 'bzaId', 'bndId', 'bafaCaseNumber', 'kfwApplicationNumber', 'implementationDeadline', 'proofDeadline', 'note', 'ownerId', 'departmentId'] as const;

export function applicationColumns(dto: Partial<UpdateApplicationDto> & { title?: string; measureIds?: string[] }, current?: FundingApplication): ChangesOf<typeof fundingApplications> {
  const columns = pickDefined(pick(dto, EDITABLE)) as ChangesOf<typeof fundingApplications>;
  const title = columns.title ?? current?.title;
  const ids = ['bzaId', 'bndId', 'bafaCaseNumber', 'kfwApplicationNumber'].map((k) => (k in columns ? (columns as Record<string, unknown>)[k] : current?.[k as keyof FundingApplication]) as string | null | undefined);
  return { ...columns, searchText: buildSearchText([title, ...ids]) };
}
