import { hashPassword } from '../../../modules/auth';
import { departments, userRoles, users } from '../../schema';
import { Seed, seedUuid } from '../seed-utils';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, DEMO_USERS, demoId, refuseInProduction } from './demo-data';

/** The demo's second sales region and eight users, one or two per standard role, all with DEMO_PASSWORD. */
export const demoAuthSeed: Seed = {
  key: 'demo.auth.departments-and-users',
  description: `demo: department "Vertrieb Rhein-Main" and ${DEMO_USERS.length} users in the standard roles (password in docs/tour.md)`,
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'users');
    const { db } = ctx;
    await db
      .insert(departments)
      .values({ id: DEMO_DEPARTMENTS.salesRheinMain, name: { de: 'Vertrieb Rhein-Main', en: 'Sales Rhine-Main' } })
      .onConflictDoNothing();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ id: seedUuid('users', u.email), email: u.email, name: u.name, locale: 'de' as const, departmentId: u.department, passwordHash })))
      .onConflictDoNothing();
    await db
      .insert(userRoles)
      .values(DEMO_USERS.map((u) => ({ id: demoId(`auth:user-role:${u.email}:${u.role}`), userId: seedUuid('users', u.email), roleId: seedUuid('roles', u.role) })))
      .onConflictDoNothing();
  },
};
