import { inArray, sql } from 'drizzle-orm';
import { buildSearchText } from '@libs/search';
import { componentUValue } from '../../../modules/projects/components/component.rules';
import { formatProjectNumber, numberingYear } from '../../../modules/projects/projects/project.rules';
import type { StoredLayer } from '../../../modules/projects/shared/layer';
import { buildingComponents, buildings, buildingSystems, materials, measures, projectNumberCounters, projects, scenarios } from '../../schema';
import { methodOn } from '../demo-house.seed';
import { Seed, seedUuid } from '../seed-utils';
import { DEMO_PROJECT_LEADS, demoLead, DemoLead } from './crm.demo';
import { demoId, refuseInProduction } from './demo-data';
import { berlinDate } from '@libs/shared';

type ProjectStatus = NonNullable<(typeof projects.$inferInsert)['status']>;

/** Where the 20 demo projects stand: every stage of the pipeline, the oldest furthest along. */
const PIPELINE: ProjectStatus[] = [
  'closed', 'completed', 'in_execution', 'in_execution', 'funding_applied', 'funding_applied', 'contracted', 'contracted', 'quoted', 'quoted',
  'scenarios_presented', 'scenarios_presented', 'scenarios_presented', 'cancelled', 'surveyed', 'surveyed', 'survey_planned', 'survey_planned', 'new', 'new',
];
const SURVEYED = new Set<ProjectStatus>(['surveyed', 'scenarios_presented', 'quoted', 'contracted', 'funding_applied', 'in_execution', 'completed', 'closed', 'cancelled']);
const WITH_SCENARIO = new Set<ProjectStatus>(['scenarios_presented', 'quoted', 'contracted', 'funding_applied', 'in_execution', 'completed', 'closed']);

interface DemoComponent {
  key: string;
  name: string;
  category: (typeof buildingComponents.category.enumValues)[number];
  layers?: [string, number][];
  declaredUValue?: number;
}

const COMPONENTS: DemoComponent[] = [
  { key: 'wall', name: 'Außenwand', category: 'external_wall_air', layers: [['putz-gips', 15], ['hlz-1200', 300], ['putz-kalkzement', 20]] },
  { key: 'ceiling-top', name: 'Oberste Geschossdecke', category: 'top_floor_ceiling', layers: [['stahlbeton-1', 160], ['mw-040', 30], ['zementestrich', 40]] },
  { key: 'ceiling-basement', name: 'Kellerdecke', category: 'basement_ceiling', layers: [['zementestrich', 45], ['stahlbeton-1', 160]] },
  { key: 'windows', name: 'Fenster (2-fach Isolierverglasung)', category: 'window', declaredUValue: 2.7 },
];
const PACKAGES = [
  { title: 'Paket 1: Oberste Geschossdecke und Kellerdecke', plannedYear: 2027 },
  { title: 'Paket 2: Fenster', plannedYear: 2028 },
  { title: 'Paket 3: Fassade und Wärmepumpe', plannedYear: 2030 },
];

/** 20 projects from the converted leads 0…19, across the pipeline, with buildings, survey and draft iSFPs. */
export const demoProjectsSeed: Seed = {
  key: 'demo.projects.pipeline',
  description: `demo: ${PIPELINE.length} projects across the pipeline with buildings, components, plant and 3-package iSFPs`,
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'projects');
    const { db } = ctx;
    const method = await methodOn(ctx, berlinDate());
    const catalogue = new Map((await db.select().from(materials).where(inArray(materials.id, materialIds()))).map((m) => [m.id, m]));
    const layersOf = (spec: [string, number][]): StoredLayer[] =>
      spec.map(([key, thicknessMm]) => {
        const material = catalogue.get(seedUuid('materials', key));
        if (!material) throw new Error(`demo seed: material ${key} is not seeded`);
        return { materialId: material.id, name: material.name.de, thicknessMm, lambda: material.lambda, resistance: null };
      });

    const all = Array.from({ length: DEMO_PROJECT_LEADS }, (_, n) => demoLead(n));
    const existing = new Set((await db.select({ id: projects.id }).from(projects).where(inArray(projects.id, all.map((l) => projectId(l))))).map((p) => p.id));
    const missing = all.filter((lead) => !existing.has(projectId(lead)));
    if (missing.length === 0) return;
    // Numbers from the year's counter, as the service takes them, only for projects not yet seeded.
    const year = numberingYear(new Date());
    const [counter] = await db
      .insert(projectNumberCounters)
      .values({ year, lastValue: missing.length })
      .onConflictDoUpdate({ target: projectNumberCounters.year, set: { lastValue: sql`${projectNumberCounters.lastValue} + ${missing.length}` } })
      .returning({ lastValue: projectNumberCounters.lastValue });
    const first = counter.lastValue - missing.length + 1;

    for (const [index, lead] of missing.entries()) {
      const status = PIPELINE[lead.n];
      const id = (key: string) => demoId(`projects:${lead.n}:${key}`);
      const number = formatProjectNumber(year, first + index);
      const { person } = lead;
      const title = `${person.lastName}, ${person.firstName} – ${person.street}, ${person.city}`;
      const startedAt = new Date(lead.createdAt.getTime() + 10 * 86_400_000);
      await db.insert(projects).values({
        id: projectId(lead), number, title, status, statusChangedAt: startedAt, createdAt: startedAt,
        cancellationReason: status === 'cancelled' ? 'Die Eigentümer verkaufen das Haus.' : null,
        contactId: lead.contactId!, sourceLeadId: lead.id, interests: lead.interests,
        ownerId: lead.assigneeId, departmentId: lead.departmentId, searchText: buildSearchText([number, title]),
      });
      await db.insert(buildings).values(buildingRow(lead, id('building'), projectId(lead)));
      if (!SURVEYED.has(status)) continue;
      const base = { projectId: projectId(lead), buildingId: id('building') };
      await db.insert(buildingComponents).values(
        COMPONENTS.map((c) => {
          const layers = layersOf(c.layers ?? []);
          const declaredUValue = c.declaredUValue ?? null;
          const thermal = { category: c.category, heatFlowDirection: null, layers, declaredUValue };
          return { id: id(`component:${c.key}`), ...base, name: c.name, category: c.category, areaM2: componentArea(lead, c.key), yearBuilt: lead.yearBuilt, condition: 'fair' as const, layers, declaredUValue, ...(method ? componentUValue(thermal, method) : {}) };
        }),
      );
      const oil = lead.n % 3 === 0;
      await db.insert(buildingSystems).values({ id: id('system:boiler'), ...base, kind: 'heat_generator', description: oil ? 'Öl-Heizkessel' : 'Gas-Brennwertkessel', energyCarrier: oil ? 'heating_oil' : 'natural_gas', powerKw: 24, yearInstalled: 1996 + (lead.n % 10), hydraulicallyBalanced: false });
      if (!WITH_SCENARIO.has(status)) continue;
      const name = `iSFP ${person.lastName}`;
      await db.insert(scenarios).values({ id: id('scenario'), ...base, name, kind: 'isfp', packages: PACKAGES, searchText: buildSearchText([name]) });
      const scenarioPart = { ...base, scenarioId: id('scenario') };
      await db.insert(measures).values([
        { id: id('measure:ceiling'), ...scenarioPart, packageNumber: 1, position: 1, kind: 'ceiling_insulation', title: 'Dämmung oberste Geschossdecke 24 cm', componentIds: [id('component:ceiling-top')], newLayers: layersOf([['mw-035', 240]]), trigger: 'insulation_added', costEstimateNetCents: 620_000, vatCategory: 'standard', plannedYear: 2027 },
        { id: id('measure:windows'), ...scenarioPart, packageNumber: 2, position: 2, kind: 'windows', title: 'Fenster mit 3-fach-Verglasung', componentIds: [id('component:windows')], targetUValue: 0.9, trigger: 'replacement', costEstimateNetCents: 2_300_000, vatCategory: 'standard', plannedYear: 2028 },
        { id: id('measure:facade'), ...scenarioPart, packageNumber: 3, position: 3, kind: 'wall_insulation', title: 'WDVS 16 cm (EPS WLS 032)', componentIds: [id('component:wall')], newLayers: layersOf([['eps-032', 160]]), trigger: 'insulation_added', costEstimateNetCents: 3_700_000, vatCategory: 'standard', plannedYear: 2030 },
        { id: id('measure:heat-pump'), ...scenarioPart, packageNumber: 3, position: 4, kind: 'heat_pump_air', title: 'Luft-Wasser-Wärmepumpe', componentIds: [], trigger: 'any', costEstimateNetCents: 2_900_000, vatCategory: 'standard', plannedYear: 2030 },
      ]);
    }
    ctx.log.info(`demo: ${missing.length} projects (${number(first, year)} …)`);
  },
};

const projectId = (lead: DemoLead) => demoId(`projects:${lead.n}:project`);
const number = (serial: number, year: number) => formatProjectNumber(year, serial);

function materialIds(): string[] {
  return ['putz-gips', 'hlz-1200', 'putz-kalkzement', 'stahlbeton-1', 'mw-040', 'zementestrich', 'mw-035', 'eps-032'].map((key) => seedUuid('materials', key));
}

function componentArea(lead: DemoLead, key: string): number {
  const floor = Math.round(lead.livingAreaM2 / 2);
  return { wall: Math.round(lead.livingAreaM2 * 1.05), 'ceiling-top': floor, 'ceiling-basement': floor, windows: Math.round(lead.livingAreaM2 * 0.18) }[key] ?? 0;
}

function buildingRow(lead: DemoLead, id: string, projectIdValue: string): typeof buildings.$inferInsert {
  const { person } = lead;
  return {
    id,
    projectId: projectIdValue,
    name: 'Wohnhaus',
    street: person.street,
    postalCode: person.postalCode,
    city: person.city,
    countryCode: 'DE',
    buildingType: lead.buildingType,
    yearOfConstruction: lead.yearBuilt,
    residentialUnits: lead.residentialUnits,
    ownerOccupiedUnits: lead.ownerOccupied ? 1 : 0,
    heatedLivingAreaM2: lead.livingAreaM2,
    heatingKind: lead.n % 3 === 0 ? 'oil_boiler' : 'gas_boiler',
    heatingEnergyCarrier: lead.n % 3 === 0 ? 'heating_oil' : 'natural_gas',
    heatingYearInstalled: 1996 + (lead.n % 10),
    heatingWorking: true,
    searchText: buildSearchText(['Wohnhaus', person.street, person.postalCode, person.city]),
  };
}
