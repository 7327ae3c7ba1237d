import type { FundingApplicationStatus } from './funding-applications.schema';

/** The moves of the pipeline; `paid`, `rejected`, `withdrawn`, `expired` are final. */
const TRANSITIONS: Record<FundingApplicationStatus, readonly FundingApplicationStatus[]> = {
  draft: ['prepared', 'withdrawn'],
  prepared: ['draft', 'submitted', 'withdrawn'],
  submitted: ['approved', 'rejected', 'withdrawn'],
  approved: ['proofs_submitted', 'withdrawn', 'expired'],
  // Proofs returned for completion go back to approved.
  proofs_submitted: ['paid', 'approved', 'rejected'],
  paid: [],
  rejected: [],
  withdrawn: [],
  expired: [],
};

export const FINAL_STATUSES: readonly FundingApplicationStatus[] = ['paid', 'rejected', 'withdrawn', 'expired'];

export function canMove(from: FundingApplicationStatus, to: FundingApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: FundingApplicationStatus): readonly FundingApplicationStatus[] {
  return TRANSITIONS[from];
}

export interface TransitionFacts {
  submittedOn?: string | null;
  approvedAmountCents?: number | null;
  approvedOn?: string | null;
  proofsSubmittedOn?: string | null;
  paidAmountCents?: number | null;
  paidOn?: string | null;
  closedReason?: string | null;
}

/** The fields a move needs (after merging the request with what the application already has). */
export function missingForMove(to: FundingApplicationStatus, facts: TransitionFacts): string[] {
  const need: Partial<Record<FundingApplicationStatus, (keyof TransitionFacts)[]>> = {
    submitted: ['submittedOn'],
    approved: ['approvedAmountCents', 'approvedOn'],
    proofs_submitted: ['proofsSubmittedOn'],
    paid: ['paidAmountCents', 'paidOn'],
    rejected: ['closedReason'],
  };
  return (need[to] ?? []).filter((field) => facts[field] === null || facts[field] === undefined);
}

/** Contract facts as the start-of-project rule sees them. */
export interface ContractFact {
  reference: string;
  signedAt: Date;
  withFundingClause: boolean;
}

/**
 * The start-of-project rule (domain.md §1.5): an application may be submitted when the project has
 * no works contract yet, or only contracts signed with the funding condition clause. A contract
 * signed without the clause before the submission means the project has started: the offending
 * contract is returned (the earliest).
 */
export function contractBlockingSubmission(contracts: readonly ContractFact[], submittedAt: Date): ContractFact | undefined {
  return [...contracts].filter((c) => !c.withFundingClause && c.signedAt.getTime() <= submittedAt.getTime()).sort((a, b) => a.signedAt.getTime() - b.signedAt.getTime())[0];
}

export type DeadlineState = 'none' | 'open' | 'due_soon' | 'overdue' | 'met';

/** A deadline's state on `today` (Europe/Berlin calendar day): due soon within `soonDays`, overdue after the day. */
export function deadlineState(deadline: string | null, today: string, soonDays: number, met: boolean): DeadlineState {
  if (deadline === null) return 'none';
  if (met) return 'met';
  if (deadline < today) return 'overdue';
  return daysBetween(today, deadline) <= soonDays ? 'due_soon' : 'open';
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
