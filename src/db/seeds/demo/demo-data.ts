import { seedUuid } from '../seed-utils';
import type { SeedContext } from '../seed-utils';

/**
 * The demo consultancy shared by the demo seeds of every context: its departments, staff and the
 * deterministic generator their records come from. Ids are UUID v5 of natural keys
 * (`seedUuid('demo', 'crm:lead:042')`), so every run on every machine makes the same rows.
 */

/** The password of every demo user (docs/tour.md). Demo data is never seeded in production. */
export const DEMO_PASSWORD = 'Renewa-Demo-2026!';

export function refuseInProduction({ env }: Pick<SeedContext, 'env'>, what: string): void {
  if (env.nodeEnv === 'production') {
    throw new Error(`demo data (${what}) is never seeded in production: its users have documented passwords`);
  }
}

export const demoId = (key: string) => seedUuid('demo', key);

/** The three departments the demo's work happens in: two sales regions and the consultants. */
export const DEMO_DEPARTMENTS = {
  salesNorth: seedUuid('departments', 'sales'),
  salesRheinMain: seedUuid('departments', 'demo:sales-rhein-main'),
  consulting: seedUuid('departments', 'energy_consulting'),
} as const;

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  role: 'manager' | 'sales' | 'energy_consultant' | 'accountant' | 'back_office' | 'read_only';
  department: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'manager', email: 'maria.schulz@demo.renewa.de', name: 'Maria Schulz', role: 'manager', department: DEMO_DEPARTMENTS.consulting },
  { key: 'sales-north', email: 'anna.keller@demo.renewa.de', name: 'Anna Keller', role: 'sales', department: DEMO_DEPARTMENTS.salesNorth },
  { key: 'sales-rhein-main', email: 'tom.berger@demo.renewa.de', name: 'Tom Berger', role: 'sales', department: DEMO_DEPARTMENTS.salesRheinMain },
  { key: 'consultant-1', email: 'erik.wagner@demo.renewa.de', name: 'Erik Wagner', role: 'energy_consultant', department: DEMO_DEPARTMENTS.consulting },
  { key: 'consultant-2', email: 'frida.neumann@demo.renewa.de', name: 'Frida Neumann', role: 'energy_consultant', department: DEMO_DEPARTMENTS.consulting },
  { key: 'accountant', email: 'bernd.vogel@demo.renewa.de', name: 'Bernd Vogel', role: 'accountant', department: seedUuid('departments', 'accounting') },
  { key: 'back-office', email: 'ines.koch@demo.renewa.de', name: 'Ines Koch', role: 'back_office', department: seedUuid('departments', 'back_office') },
  { key: 'read-only', email: 'lars.brandt@demo.renewa.de', name: 'Lars Brandt', role: 'read_only', department: seedUuid('departments', 'management') },
];

export const demoUserId = (key: string) => {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (!user) throw new Error(`demo user ${key} is not declared`);
  return seedUuid('users', user.email);
};

/** The sales regions by postcode (the demo's routing workflows use the same prefixes). */
export interface DemoRegion {
  department: string;
  salesUser: string;
  places: readonly { postalCode: string; city: string }[];
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  {
    department: DEMO_DEPARTMENTS.salesNorth,
    salesUser: 'sales-north',
    places: [
      { postalCode: '34117', city: 'Kassel' }, { postalCode: '34131', city: 'Kassel' }, { postalCode: '34225', city: 'Baunatal' },
      { postalCode: '35037', city: 'Marburg' }, { postalCode: '37073', city: 'Göttingen' }, { postalCode: '34497', city: 'Korbach' },
    ],
  },
  {
    department: DEMO_DEPARTMENTS.salesRheinMain,
    salesUser: 'sales-rhein-main',
    places: [
      { postalCode: '60316', city: 'Frankfurt am Main' }, { postalCode: '60486', city: 'Frankfurt am Main' }, { postalCode: '63065', city: 'Offenbach am Main' },
      { postalCode: '64283', city: 'Darmstadt' }, { postalCode: '65183', city: 'Wiesbaden' }, { postalCode: '61348', city: 'Bad Homburg' },
    ],
  },
];

const FIRST_NAMES = ['Anna', 'Jonas', 'Sabine', 'Thomas', 'Claudia', 'Michael', 'Julia', 'Stefan', 'Katrin', 'Andreas', 'Birgit', 'Markus', 'Heike', 'Frank', 'Petra', 'Jan', 'Susanne', 'Uwe', 'Nicole', 'Ralf'];
const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Werner', 'Krause'];
const STREETS = ['Lindenallee', 'Birkenweg', 'Ahornstraße', 'Am Rain', 'Goethestraße', 'Schillerstraße', 'Eichendorffweg', 'Gartenstraße', 'Bergstraße', 'Wiesenweg', 'Kirchgasse', 'Mühlweg'];

/** A small deterministic generator (mulberry32): the same sequence on every run. */
export function demoRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}

export interface DemoPerson {
  salutation: 'mr' | 'ms';
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
}

/** The n-th demo enquirer, in region `region` (deterministic: the same person on every run). */
export function demoPerson(n: number, region: DemoRegion): DemoPerson {
  const random = demoRandom(10_007 * (n + 1));
  const firstName = random.pick(FIRST_NAMES);
  const lastName = random.pick(LAST_NAMES);
  const place = random.pick(region.places);
  const ascii = (s: string) => s.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return {
    salutation: ['Anna', 'Sabine', 'Claudia', 'Julia', 'Katrin', 'Birgit', 'Heike', 'Petra', 'Susanne', 'Nicole'].includes(firstName) ? 'ms' : 'mr',
    firstName,
    lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}.${String(n).padStart(3, '0')}@example.org`,
    phone: `+49${region.department === DEMO_DEPARTMENTS.salesNorth ? '561' : '69'}${String(4_000_000 + n * 3_701).slice(0, 7)}`,
    street: `${random.pick(STREETS)} ${random.int(1, 80)}`,
    postalCode: place.postalCode,
    city: place.city,
  };
}

/** `hour` o’clock UTC, `days` before today: demo records spread over the last months (rows once seeded never move). */
export function daysAgo(days: number, hour = 9): Date {
  const date = new Date();
  date.setUTCHours(hour, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() - days);
  return date;
}
