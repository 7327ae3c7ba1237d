import { portalTokenHash } from '../../../modules/documents/requests/document-request.rules';
import { documentRequestItems, documentRequests } from '../../schema';
import { Seed, seedUuid } from '../seed-utils';
import { demoLead } from './crm.demo';
import { daysAgo, demoId, refuseInProduction } from './demo-data';
import { berlinDate } from '@libs/shared';

/** The link of the first demo request, to try the customer portal: /api/v1/public/document-requests/<this>. */
export const DEMO_PORTAL_TOKEN = 'Renewa-Demo-Unterlagen-Portal-2026_Familie1';

const instructions = (de: string, en: string) => ({ de, en });
const ITEMS = [
  { key: 'floor_plan', instructions: instructions('Grundrisse aller Geschosse, gern als Foto oder Scan', 'Floor plans of every storey, a photo or scan will do'), required: true },
  { key: 'energy_bill', instructions: instructions('Heizkostenabrechnungen der letzten drei Jahre', 'Heating bills of the last three years'), required: true },
  { key: 'energy_certificate', instructions: instructions('Vorhandener Energieausweis, falls es einen gibt', 'The existing energy certificate, if there is one'), required: false },
];


/**
 * Document requests of three demo projects: one waiting with a working link (the token above),
 * one past its due date whose link has expired, one whose link staff revoked. A fulfilled one
 * comes about by uploading through the first link.
 */
export const demoDocumentRequestsSeed: Seed = {
  key: 'demo.documents.document-requests',
  description: 'demo: three document requests (waiting with a working link, overdue with an expired link, link revoked)',
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'document requests');
    const requests = [
      { n: 18, key: 'waiting', dueDate: berlinDate(daysAgo(-14)), issuedDaysAgo: 2, token: DEMO_PORTAL_TOKEN, revoked: false },
      { n: 16, key: 'overdue', dueDate: berlinDate(daysAgo(5)), issuedDaysAgo: 40, token: 'Renewa-Demo-Unterlagen-Portal-2026_Familie2', revoked: false },
      { n: 14, key: 'revoked', dueDate: berlinDate(daysAgo(-30)), issuedDaysAgo: 10, token: 'Renewa-Demo-Unterlagen-Portal-2026_Familie3', revoked: true },
    ];
    for (const request of requests) {
      const lead = demoLead(request.n);
      const id = demoId(`documents:request:${request.key}`);
      const issuedAt = daysAgo(request.issuedDaysAgo);
      await ctx.db
        .insert(documentRequests)
        .values({
          id,
          contactId: lead.contactId,
          projectId: demoId(`projects:${request.n}:project`),
          language: 'de',
          dueDate: request.dueDate,
          reminderDaysBefore: 3,
          tokenHash: portalTokenHash(request.token),
          tokenIssuedAt: issuedAt,
          tokenExpiresAt: new Date(issuedAt.getTime() + 30 * 86_400_000),
          tokenRevokedAt: request.revoked ? daysAgo(1) : null,
          ownerId: lead.assigneeId,
          departmentId: lead.departmentId,
          createdAt: issuedAt,
        })
        .onConflictDoNothing();
      await ctx.db
        .insert(documentRequestItems)
        .values(
          ITEMS.map((item, position) => ({
            id: demoId(`documents:request:${request.key}:item:${item.key}`),
            requestId: id,
            position,
            typeId: seedUuid('documentTypes', `${item.key}:2025-01-01`),
            instructions: item.instructions,
            required: item.required,
          })),
        )
        .onConflictDoNothing();
    }
    ctx.log.info(`demo: ${requests.length} document requests (portal link: /api/v1/public/document-requests/${DEMO_PORTAL_TOKEN})`);
  },
};
