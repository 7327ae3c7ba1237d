import { departments } from '../schema';
import { Seed, seedUuid } from './seed-utils';

const DEPARTMENTS = [
  { key: 'management', name: { de: 'Geschäftsleitung', en: 'Management' } },
  { key: 'sales', name: { de: 'Vertrieb', en: 'Sales' } },
  { key: 'energy_consulting', name: { de: 'Energieberatung', en: 'Energy consulting' } },
  { key: 'accounting', name: { de: 'Buchhaltung', en: 'Accounting' } },
  { key: 'back_office', name: { de: 'Innendienst', en: 'Back office' } },
] as const;

export const departmentsSeed: Seed = {
  key: 'auth.departments',
  description: `departments: ${DEPARTMENTS.map((d) => d.key).join(', ')}`,
  run: async ({ db }) => {
    await db
      .insert(departments)
      .values(DEPARTMENTS.map((d) => ({ id: seedUuid('departments', d.key), name: d.name })))
      .onConflictDoNothing();
  },
};
