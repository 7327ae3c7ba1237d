import { and, eq, sql } from 'drizzle-orm';
import type { StoredAction } from '../../../modules/automation/workflows/workflow-definition';
import { workflows } from '../../schema';
import { Seed, seedUuid } from '../seed-utils';
import { DEMO_REGIONS, demoId, demoUserId, refuseInProduction } from './demo-data';

const label = (de: string, en: string) => ({ de, en });

/** One routing workflow per sales region: website leads whose building's postcode starts with one of its prefixes. */
function routingWorkflows() {
  return DEMO_REGIONS.flatMap((region) =>
    [...new Set(region.places.map((p) => p.postalCode.slice(0, 2)))].map((prefix) => ({
      id: demoId(`automation:workflow:route-${prefix}`),
      name: label(`Website-Anfragen PLZ ${prefix}… an den Vertrieb`, `Website enquiries postcode ${prefix}… to sales`),
      description: 'Routes a new website lead to the sales region of its building’s postcode and its salesperson.',
      triggerEventType: 'crm.lead.created',
      conditions: [
        { path: 'payload.snapshot.source', op: 'eq' as const, value: 'website_form' },
        { path: 'payload.snapshot.propertyPostalCode', op: 'startsWith' as const, value: prefix },
      ],
      actions: [
        { type: 'update_field', entity: 'lead', field: 'departmentId', value: region.department },
        { type: 'update_field', entity: 'lead', field: 'assigneeId', value: demoUserId(region.salesUser) },
      ] as StoredAction[],
      enabled: true,
    })),
  );
}

/** Postcode routing of website leads to the two sales regions, and the seeded confirmation mail switched on. */
export const demoAutomationSeed: Seed = {
  key: 'demo.automation.routing-and-confirmation',
  description: 'demo: postcode routing workflows for website leads (enabled) and the confirmation mail workflow enabled',
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'workflows');
    await ctx.db.insert(workflows).values(routingWorkflows()).onConflictDoNothing();
    const confirmation = seedUuid('automation', 'workflow:lead-confirmation');
    await ctx.db
      .update(workflows)
      .set({ enabled: true, version: sql`${workflows.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(workflows.id, confirmation), eq(workflows.enabled, false)));
  },
};
