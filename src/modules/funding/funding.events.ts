import { ChangesPayload, defineEvents, payload, resourceEvents } from '@libs/events';

/** `funding.application.submitted`. */
export interface FundingApplicationSubmittedV1 {
  applicationId: string;
  projectId: string;
  programKey: string;
  submittedOn: string;
}

/** `funding.application.approved`: with the amount and the deadlines workflows remind of. */
export interface FundingApplicationApprovedV1 {
  applicationId: string;
  projectId: string;
  programKey: string;
  approvedAmountCents: number;
  approvedOn: string;
  implementationDeadline: string | null;
  proofDeadline: string | null;
  /** The next deadline (implementation, else proof), for reminders. */
  deadline: string | null;
}

/** `funding.application.status_changed`: every pipeline move. */
export interface FundingApplicationStatusChangedV1 extends ChangesPayload {
  from: string;
  to: string;
}

/** `funding.application.deadline_approaching`: emitted once per application, deadline kind and due day by the daily check. */
export interface FundingDeadlineApproachingV1 {
  applicationId: string;
  projectId: string;
  programKey: string;
  kind: 'implementation' | 'proof';
  deadline: string;
  daysLeft: number;
  ownerId: string | null;
}

/** `funding.rule_version.created` / `.ended` (its end brought forward): reference data changed (audited). */
export interface FundingRuleVersionCreatedV1 {
  programKey: string;
  versionLabel: string;
  validFrom: string;
  validTo: string | null;
  source: string;
}

export const FUNDING_EVENTS = defineEvents('funding', {
  application: {
    ...resourceEvents<{ projectId?: string }>(),
    statusChanged: payload<FundingApplicationStatusChangedV1>(),
    submitted: payload<FundingApplicationSubmittedV1>(),
    approved: payload<FundingApplicationApprovedV1>(),
    deadlineApproaching: payload<FundingDeadlineApproachingV1>(),
  },
  ruleVersion: { created: payload<FundingRuleVersionCreatedV1>(), ended: payload<FundingRuleVersionCreatedV1>() },
  calculation: { ...resourceEvents() },
  contract: { ...resourceEvents() },
});
