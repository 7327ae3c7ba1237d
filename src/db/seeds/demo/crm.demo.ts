import { buildSearchText } from '@libs/search';
import { contacts, leads } from '../../schema';
import type { Seed } from '../seed-utils';
import { DEMO_REGIONS, daysAgo, demoId, demoPerson, demoRandom, demoUserId, DemoPerson, refuseInProduction } from './demo-data';

type LeadRow = typeof leads.$inferInsert;
type Status = NonNullable<LeadRow['status']>;

export const DEMO_LEAD_COUNT = 200;
/** Leads 0…19 were converted and became the demo projects (projects.demo.ts), oldest first. */
export const DEMO_PROJECT_LEADS = 20;
const STATUS_CYCLE: Status[] = ['new', 'new', 'contacted', 'contacted', 'qualified', 'converted', 'lost', 'new', 'contacted', 'qualified'];
const SOURCES = ['website_form', 'website_form', 'website_form', 'phone', 'email', 'referral', 'partner', 'campaign', 'event'] as const;
const INTERESTS = ['heat_pump', 'insulation', 'windows', 'photovoltaics', 'ventilation', 'energy_consulting'] as const;
const BUILDING_TYPES = ['single_family', 'single_family', 'single_family', 'semi_detached', 'terraced', 'multi_family'] as const;
const LOST_REASONS = ['not_reachable', 'not_interested', 'no_budget', 'chose_competitor', 'project_postponed', 'out_of_service_area'] as const;

export interface DemoLead {
  n: number;
  id: string;
  contactId: string | null;
  person: DemoPerson;
  departmentId: string;
  assigneeId: string | null;
  status: Status;
  interests: (typeof INTERESTS)[number][];
  buildingType: (typeof BUILDING_TYPES)[number];
  yearBuilt: number;
  livingAreaM2: number;
  residentialUnits: number;
  ownerOccupied: boolean;
  createdAt: Date;
}

/** The n-th demo lead, the same on every run. */
export function demoLead(n: number): DemoLead {
  const random = demoRandom(7_919 * (n + 1));
  const region = DEMO_REGIONS[n % 5 < 3 ? 0 : 1];
  const status: Status = n < DEMO_PROJECT_LEADS ? 'converted' : STATUS_CYCLE[n % STATUS_CYCLE.length];
  const buildingType = random.pick(BUILDING_TYPES);
  const units = buildingType === 'multi_family' ? random.int(3, 8) : 1;
  const interests = [...new Set([random.pick(INTERESTS), random.pick(INTERESTS), 'energy_consulting' as const])].sort();
  // Project leads belong to the consultant who took them over; unworked new leads to nobody yet.
  const assigneeId = n < DEMO_PROJECT_LEADS ? demoUserId(n % 2 ? 'consultant-2' : 'consultant-1') : status === 'new' && n % 3 === 0 ? null : demoUserId(region.salesUser);
  return {
    n,
    id: demoId(`crm:lead:${n}`),
    contactId: status === 'converted' ? demoId(`crm:contact:${n}`) : null,
    person: demoPerson(n, region),
    departmentId: region.department,
    assigneeId,
    status,
    interests,
    buildingType,
    yearBuilt: random.int(1952, 1994),
    livingAreaM2: buildingType === 'multi_family' ? units * random.int(60, 85) : random.int(95, 210),
    residentialUnits: units,
    ownerOccupied: buildingType !== 'multi_family',
    createdAt: daysAgo(180 - Math.floor(n * 0.85)),
  };
}

function leadRow(lead: DemoLead): LeadRow {
  const random = demoRandom(104_729 * (lead.n + 1));
  const { person } = lead;
  const changedAt = new Date(lead.createdAt.getTime() + random.int(1, 9) * 86_400_000);
  return {
    id: lead.id,
    createdAt: lead.createdAt,
    updatedAt: lead.status === 'new' ? lead.createdAt : changedAt,
    source: random.pick(SOURCES),
    status: lead.status,
    statusChangedAt: lead.status === 'new' ? lead.createdAt : changedAt,
    lostReason: lead.status === 'lost' ? random.pick(LOST_REASONS) : null,
    interests: lead.interests,
    message: lead.n % 4 === 0 ? 'Wir möchten wissen, welche Sanierung sich für unser Haus lohnt und welche Förderung es gibt.' : null,
    salutation: person.salutation,
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    phone: person.phone,
    preferredLanguage: lead.n % 17 === 5 ? 'en' : 'de',
    propertyStreet: person.street,
    propertyPostalCode: person.postalCode,
    propertyCity: person.city,
    propertyCountryCode: 'DE',
    buildingType: lead.buildingType,
    yearBuilt: lead.yearBuilt,
    livingAreaM2: lead.livingAreaM2,
    residentialUnits: lead.residentialUnits,
    ownerOccupied: lead.ownerOccupied,
    estimatedValueCents: random.int(8, 120) * 50_000,
    assigneeId: lead.assigneeId,
    departmentId: lead.departmentId,
    convertedAt: lead.status === 'converted' ? changedAt : null,
    convertedContactId: lead.contactId,
    searchText: buildSearchText([person.firstName, person.lastName, null, person.email], [person.phone]),
  };
}

/** ~200 leads in every state across both sales regions; the converted ones with their contacts. */
export const demoCrmSeed: Seed = {
  key: 'demo.crm.leads-and-contacts',
  description: `demo: ${DEMO_LEAD_COUNT} leads in every status, contacts of the converted ones`,
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'leads');
    const all = Array.from({ length: DEMO_LEAD_COUNT }, (_, n) => demoLead(n));
    const converted = all.filter((lead) => lead.contactId);
    await ctx.db
      .insert(contacts)
      .values(
        converted.map(({ contactId, person, assigneeId, departmentId, createdAt }) => ({
          id: contactId!,
          createdAt,
          salutation: person.salutation,
          firstName: person.firstName,
          lastName: person.lastName,
          email: person.email,
          phone: person.phone,
          street: person.street,
          postalCode: person.postalCode,
          city: person.city,
          countryCode: 'DE',
          ownerId: assigneeId,
          departmentId,
          searchText: buildSearchText([person.firstName, person.lastName, person.email], [person.phone]),
        })),
      )
      .onConflictDoNothing();
    await ctx.db.insert(leads).values(all.map(leadRow)).onConflictDoNothing();
    ctx.log.info(`demo: ${all.length} leads (${converted.length} converted)`);
  },
};
