import { generateOneTimePassword, hashPassword, PASSWORD_MIN_LENGTH } from '../../modules/auth';
import { userRoles, users } from '../schema';
import { Seed, seedUuid } from './seed-utils';

export const ADMIN_EMAIL = 'admin@renewa.de';

/**
 * The first administrator. Password: ADMIN_PASSWORD; without it, production refuses and other
 * environments generate one and log it once (this seed runs once per database, see its marker).
 */
export const adminUserSeed: Seed = {
  key: 'auth.admin-user',
  description: `administrator ${ADMIN_EMAIL} with the admin role`,
  run: async ({ db, env, log }) => {
    const configured = env.adminPassword?.trim() || undefined;
    if (!configured && env.nodeEnv === 'production') {
      throw new Error(`ADMIN_PASSWORD is not set: in production the first seed needs it as the password of ${ADMIN_EMAIL}`);
    }
    if (configured && configured.length < PASSWORD_MIN_LENGTH) {
      throw new Error(`ADMIN_PASSWORD must be at least ${PASSWORD_MIN_LENGTH} characters long`);
    }
    const password = configured ?? generateOneTimePassword();
    const id = seedUuid('users', ADMIN_EMAIL);
    await db.insert(users).values({
      id,
      email: ADMIN_EMAIL,
      name: 'Administrator',
      locale: 'de',
      departmentId: seedUuid('departments', 'management'),
      passwordHash: await hashPassword(password),
    });
    await db.insert(userRoles).values({ userId: id, roleId: seedUuid('roles', 'admin') });
    if (!configured) {
      log.warn(`ADMIN_PASSWORD is not set: generated the password of ${ADMIN_EMAIL}, shown only now: ${password} (change it after signing in)`);
    }
  },
};
