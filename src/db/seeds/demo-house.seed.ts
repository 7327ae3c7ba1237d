import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { buildSearchText } from '@libs/search';
import { CATEGORY_THERMAL, componentUValue, type UValueMethodData } from '../../modules/projects/components/component.rules';
import { formatProjectNumber, numberingYear } from '../../modules/projects/projects/project.rules';
import type { StoredLayer } from '../../modules/projects/shared/layer';
import {
  buildingComponents,
  buildings,
  buildingSystems,
  contacts,
  materials,
  measures,
  projectNumberCounters,
  projects,
  scenarios,
  surfaceResistances,
  uValueMethods,
} from '../schema';
import { Seed, SeedContext, seedUuid } from './seed-utils';
import { berlinDate } from '@libs/shared';

const id = (key: string) => seedUuid('demo', `projects:weber-1965:${key}`);
const CONSULTING = seedUuid('departments', 'energy_consulting');

type Category = (typeof buildingComponents.category.enumValues)[number];
interface DemoComponent {
  key: string;
  name: string;
  category: Category;
  orientation?: (typeof buildingComponents.orientation.enumValues)[number];
  areaM2: number;
  yearBuilt: number;
  yearRenewed?: number;
  condition: (typeof buildingComponents.condition.enumValues)[number];
  /** [material key, thickness mm]. */
  layers?: [string, number][];
  declaredUValue?: number;
}

/** A typical West German single-family house of 1965: perforated brick, a thinly insulated top-floor ceiling, 1985 windows. */
const COMPONENTS: DemoComponent[] = [
  { key: 'wall-ne', name: 'Außenwand Nord/Ost', category: 'external_wall_air', orientation: 'n', areaM2: 78.4, yearBuilt: 1965, condition: 'fair', layers: [['putz-gips', 15], ['hlz-1200', 300], ['putz-kalkzement', 20]] },
  { key: 'wall-sw', name: 'Außenwand Süd/West', category: 'external_wall_air', orientation: 's', areaM2: 73.9, yearBuilt: 1965, condition: 'fair', layers: [['putz-gips', 15], ['hlz-1200', 300], ['putz-kalkzement', 20]] },
  { key: 'ceiling-top', name: 'Oberste Geschossdecke', category: 'top_floor_ceiling', areaM2: 71.0, yearBuilt: 1965, condition: 'fair', layers: [['stahlbeton-1', 160], ['mw-040', 30], ['zementestrich', 40]] },
  { key: 'ceiling-basement', name: 'Kellerdecke', category: 'basement_ceiling', areaM2: 71.0, yearBuilt: 1965, condition: 'good', layers: [['fliesen', 10], ['zementestrich', 45], ['stahlbeton-1', 160]] },
  { key: 'windows', name: 'Fenster (Kunststoff, 2-fach Isolierverglasung)', category: 'window', areaM2: 26.2, yearBuilt: 1965, yearRenewed: 1985, condition: 'poor', declaredUValue: 2.7 },
  { key: 'door', name: 'Haustür (Holz)', category: 'external_door', areaM2: 2.4, yearBuilt: 1965, condition: 'poor', declaredUValue: 3.0 },
];

type Kind = (typeof measures.kind.enumValues)[number];
interface DemoMeasure {
  key: string;
  packageNumber: number;
  kind: Kind;
  title: string;
  components?: string[];
  newLayers?: [string, number][];
  targetUValue?: number;
  costEuro: number;
  vat?: (typeof measures.vatCategory.enumValues)[number];
  plannedYear: number;
  finalEnergyKwhA?: number;
  co2KgA?: number;
}

const PACKAGES = [
  { title: 'Paket 1: Wärmepumpe und hydraulischer Abgleich', plannedYear: 2027 },
  { title: 'Paket 2: Oberste Geschossdecke und Kellerdecke', plannedYear: 2028 },
  { title: 'Paket 3: Fenster und Haustür', plannedYear: 2029 },
  { title: 'Paket 4: Fassadendämmung und Photovoltaik', plannedYear: 2031 },
];

const MEASURES: DemoMeasure[] = [
  { key: 'heat-pump', packageNumber: 1, kind: 'heat_pump_air', title: 'Luft-Wasser-Wärmepumpe 9 kW statt Ölkessel', costEuro: 31_500, plannedYear: 2027, finalEnergyKwhA: 18_900, co2KgA: 6_400 },
  { key: 'balancing', packageNumber: 1, kind: 'hydraulic_balancing', title: 'Hydraulischer Abgleich, Heizkörpertausch in zwei Räumen', costEuro: 2_400, plannedYear: 2027, finalEnergyKwhA: 900, co2KgA: 200 },
  { key: 'ceiling-top', packageNumber: 2, kind: 'ceiling_insulation', title: 'Dämmung oberste Geschossdecke 24 cm', components: ['ceiling-top'], newLayers: [['mw-035', 240]], costEuro: 5_800, plannedYear: 2028, finalEnergyKwhA: 2_100, co2KgA: 450 },
  { key: 'ceiling-basement', packageNumber: 2, kind: 'floor_insulation', title: 'Kellerdeckendämmung 12 cm von unten', components: ['ceiling-basement'], newLayers: [['pur-024', 120]], costEuro: 4_900, plannedYear: 2028, finalEnergyKwhA: 1_600, co2KgA: 350 },
  { key: 'windows', packageNumber: 3, kind: 'windows', title: 'Fenster mit 3-fach-Verglasung', components: ['windows'], targetUValue: 0.9, costEuro: 24_600, plannedYear: 2029, finalEnergyKwhA: 2_300, co2KgA: 500 },
  { key: 'door', packageNumber: 3, kind: 'doors', title: 'Neue Haustür', components: ['door'], targetUValue: 1.2, costEuro: 3_900, plannedYear: 2029, finalEnergyKwhA: 200, co2KgA: 40 },
  { key: 'facade', packageNumber: 4, kind: 'wall_insulation', title: 'WDVS 16 cm (EPS WLS 032)', components: ['wall-ne', 'wall-sw'], newLayers: [['eps-032', 160]], costEuro: 38_200, plannedYear: 2031, finalEnergyKwhA: 3_900, co2KgA: 850 },
  { key: 'pv', packageNumber: 4, kind: 'photovoltaics', title: 'Photovoltaik 9,8 kWp', costEuro: 15_700, vat: 'zero_rated_pv', plannedYear: 2031 },
];

/**
 * Demo data (`make db-seed ARGS=--demo`): the Weber family's single-family house of 1965 in Kassel —
 * a surveyed project with its building, envelope components (U-values computed with the seeded
 * method and materials), plant and a draft iSFP of four packages, ready to be presented.
 */
export const demoHouseSeed: Seed = {
  key: 'projects.demo-house-1965',
  description: 'demo: single-family house of 1965 with components, plant and a 4-package iSFP (draft)',
  demo: true,
  run: async (ctx) => {
    const { db } = ctx;
    const method = await methodOn(ctx, berlinDate());
    const lambdas = new Map((await db.select({ id: materials.id, name: materials.name, lambda: materials.lambda }).from(materials).where(eq(materials.seeded, true))).map((m) => [m.id, m]));
    const layersOf = (spec: [string, number][] | undefined): StoredLayer[] =>
      (spec ?? []).map(([key, thicknessMm]) => {
        const material = lambdas.get(seedUuid('materials', key));
        if (!material) throw new Error(`demo seed: material ${key} is not seeded`);
        return { materialId: material.id, name: material.name.de, thicknessMm, lambda: material.lambda, resistance: null };
      });

    await db.insert(contacts).values({ id: id('contact'), salutation: 'ms', firstName: 'Sabine', lastName: 'Weber', email: 'sabine.weber@example.org', street: 'Birkenweg 12', postalCode: '34131', city: 'Kassel', countryCode: 'DE', departmentId: CONSULTING, searchText: buildSearchText(['Sabine', 'Weber', 'sabine.weber@example.org']) });
    const year = numberingYear(new Date());
    const [counter] = await db
      .insert(projectNumberCounters)
      .values({ year, lastValue: 1 })
      .onConflictDoUpdate({ target: projectNumberCounters.year, set: { lastValue: sql`${projectNumberCounters.lastValue} + 1` } })
      .returning({ lastValue: projectNumberCounters.lastValue });
    const number = formatProjectNumber(year, counter.lastValue);
    const title = 'Sanierungsfahrplan Einfamilienhaus Weber';
    await db.insert(projects).values({ id: id('project'), number, title, status: 'surveyed', contactId: id('contact'), interests: ['heat_pump', 'insulation', 'windows', 'photovoltaics'], departmentId: CONSULTING, searchText: buildSearchText([number, title]) });
    await db.insert(buildings).values({
      id: id('building'),
      projectId: id('project'),
      name: 'Wohnhaus',
      street: 'Birkenweg 12',
      postalCode: '34131',
      city: 'Kassel',
      countryCode: 'DE',
      buildingType: 'single_family',
      yearOfConstruction: 1965,
      yearOfBuildingPermit: 1964,
      residentialUnits: 1,
      ownerOccupiedUnits: 1,
      heatedLivingAreaM2: 142,
      usefulAreaM2: 182.4,
      storeys: 2,
      listed: false,
      energyCertificateClass: 'g',
      finalEnergyKwhM2a: 212.4,
      primaryEnergyKwhM2a: 236.1,
      heatingKind: 'oil_boiler',
      heatingEnergyCarrier: 'heating_oil',
      heatingYearInstalled: 1994,
      heatingWorking: true,
      searchText: buildSearchText(['Wohnhaus', 'Birkenweg 12', '34131', 'Kassel']),
    });
    await db.insert(buildingComponents).values(
      COMPONENTS.map((c) => {
        const layers = layersOf(c.layers);
        const thermal = { category: c.category, heatFlowDirection: null, layers, declaredUValue: c.declaredUValue ?? null };
        if (!CATEGORY_THERMAL[c.category].layered && layers.length) throw new Error(`demo seed: ${c.key} cannot have layers`);
        return {
          id: id(`component:${c.key}`),
          projectId: id('project'),
          buildingId: id('building'),
          name: c.name,
          category: c.category,
          orientation: c.orientation ?? null,
          areaM2: c.areaM2,
          yearBuilt: c.yearBuilt,
          yearRenewed: c.yearRenewed ?? null,
          condition: c.condition,
          layers,
          declaredUValue: c.declaredUValue ?? null,
          ...(method ? componentUValue(thermal, method) : {}),
        };
      }),
    );
    await db.insert(buildingSystems).values([
      { id: id('system:boiler'), projectId: id('project'), buildingId: id('building'), kind: 'heat_generator', description: 'Öl-Niedertemperaturkessel im Keller', energyCarrier: 'heating_oil', powerKw: 24, yearInstalled: 1994, hydraulicallyBalanced: false },
      { id: id('system:hot-water'), projectId: id('project'), buildingId: id('building'), kind: 'hot_water', description: 'Speicher 160 l, über den Kessel beheizt', energyCarrier: 'heating_oil', yearInstalled: 1994 },
      { id: id('system:distribution'), projectId: id('project'), buildingId: id('building'), kind: 'distribution', description: 'Zweirohrheizung, Heizkörper, ungedämmte Leitungen im Keller', yearInstalled: 1965, hydraulicallyBalanced: false },
    ]);
    const name = 'iSFP Weber (Entwurf)';
    await db.insert(scenarios).values({ id: id('scenario'), projectId: id('project'), buildingId: id('building'), name, kind: 'isfp', packages: PACKAGES, searchText: buildSearchText([name]) });
    await db.insert(measures).values(
      MEASURES.map((m, index) => ({
        id: id(`measure:${m.key}`),
        projectId: id('project'),
        buildingId: id('building'),
        scenarioId: id('scenario'),
        packageNumber: m.packageNumber,
        position: index + 1,
        kind: m.kind,
        title: m.title,
        componentIds: (m.components ?? []).map((key) => id(`component:${key}`)),
        newLayers: m.newLayers ? layersOf(m.newLayers) : null,
        targetUValue: m.targetUValue ?? null,
        trigger: m.kind === 'windows' || m.kind === 'doors' ? ('replacement' as const) : m.components ? ('insulation_added' as const) : ('any' as const),
        costEstimateNetCents: m.costEuro * 100,
        vatCategory: m.vat ?? 'standard',
        plannedYear: m.plannedYear,
        expectedFinalEnergySavingsKwhA: m.finalEnergyKwhA ?? null,
        expectedCo2SavingsKgA: m.co2KgA ?? null,
      })),
    );
    ctx.log.info(`demo: project ${number} "${title}" with a draft iSFP of ${PACKAGES.length} packages (${MEASURES.length} measures)`);
  },
};

export async function methodOn({ db }: SeedContext, date: string): Promise<UValueMethodData | undefined> {
  const [method] = await db
    .select()
    .from(uValueMethods)
    .where(and(eq(uValueMethods.key, 'din_en_iso_6946'), lte(uValueMethods.validFrom, date), or(isNull(uValueMethods.validTo), gte(uValueMethods.validTo, date))));
  if (!method) return undefined;
  const resistances = await db.select().from(surfaceResistances).where(eq(surfaceResistances.methodId, method.id));
  return { id: method.id, significantFigures: method.significantFigures, resistances };
}
