import { addDays } from '../../../modules/funding/applications/application.rules';
import { fundingApplications, fundingContracts } from '../../schema';
import { Seed, seedUuid } from '../seed-utils';
import { demoLead } from './crm.demo';
import { demoId, refuseInProduction } from './demo-data';
import { berlinDate } from '@libs/shared';

type Status = NonNullable<(typeof fundingApplications.$inferInsert)['status']>;

/**
 * KfW 458 applications of the furthest demo projects (see projects.demo.ts: 0 closed … 5 funding
 * applied), each after a works contract signed with the funding clause; project 7 (contracted) has
 * a contract signed without it, so submitting an application there is refused.
 */
const APPLICATIONS: { n: number; status: Status }[] = [
  { n: 0, status: 'paid' },
  { n: 1, status: 'proofs_submitted' },
  { n: 2, status: 'approved' },
  { n: 3, status: 'approved' },
  { n: 4, status: 'submitted' },
  { n: 5, status: 'prepared' },
];
const GRANT_CENTS = 1_558_000;

export const demoFundingSeed: Seed = {
  key: 'demo.funding.applications',
  description: 'demo: works contracts and KfW 458 applications across the funding pipeline (one due soon, one contract without the funding clause)',
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'funding');
    const { db } = ctx;
    const today = berlinDate();
    const projectId = (n: number) => demoId(`projects:${n}:project`);
    const contracts = [...APPLICATIONS.map((a) => ({ n: a.n, clause: true })), { n: 6, clause: true }, { n: 7, clause: false }];
    await db
      .insert(fundingContracts)
      .values(
        contracts.map(({ n, clause }) => {
          const lead = demoLead(n);
          return {
            id: demoId(`funding:contract:${n}`),
            projectId: projectId(n),
            source: 'recorded' as const,
            reference: `Werkvertrag Heizung ${2026}-${String(100 + n)}`,
            contractor: 'Müller Haustechnik GmbH',
            signedAt: new Date(`${addDays(today, -120 + n)}T09:00:00Z`),
            withFundingClause: clause,
            totalGrossCents: 4_100_000,
            ownerId: lead.assigneeId,
            departmentId: lead.departmentId,
          };
        }),
      )
      .onConflictDoNothing();
    await db
      .insert(fundingApplications)
      .values(
        APPLICATIONS.map(({ n, status }) => {
          const lead = demoLead(n);
          const submitted = ['submitted', 'approved', 'proofs_submitted', 'paid'].includes(status);
          const approved = ['approved', 'proofs_submitted', 'paid'].includes(status);
          // Project 3's implementation deadline falls within the next 30 days: it shows as due soon.
          const implementationDeadline = approved ? addDays(today, n === 3 ? 20 : 900) : null;
          return {
            id: demoId(`funding:application:${n}`),
            projectId: projectId(n),
            programId: seedUuid('fundingPrograms', 'kfw_458'),
            measureIds: [],
            title: 'Heizungstausch KfW 458',
            status,
            bzaId: `BZA-2026-${String(1000 + n)}`,
            kfwApplicationNumber: submitted ? `458-${String(7_000_000 + n)}` : null,
            requestedAmountCents: GRANT_CENTS,
            submittedOn: submitted ? addDays(today, -100 + n) : null,
            approvedAmountCents: approved ? GRANT_CENTS : null,
            approvedOn: approved ? addDays(today, -90 + n) : null,
            implementationDeadline,
            proofDeadline: implementationDeadline ? addDays(implementationDeadline, 180) : null,
            proofsSubmittedOn: status === 'proofs_submitted' || status === 'paid' ? addDays(today, -30) : null,
            paidAmountCents: status === 'paid' ? GRANT_CENTS : null,
            paidOn: status === 'paid' ? addDays(today, -10) : null,
            ownerId: lead.assigneeId,
            departmentId: lead.departmentId,
            searchText: `heizungstausch kfw 458 bza-2026-${1000 + n}`,
          };
        }),
      )
      .onConflictDoNothing();
  },
};
