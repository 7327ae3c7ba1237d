import { adminUserSeed } from './admin-user.seed';
import { automationSeed } from './automation.seed';
import { departmentsSeed } from './departments.seed';
import { rolesSeed, standardRoleGrantsSeed } from './roles.seed';
import type { Seed } from './seed-utils';

/** Every seed, in the order they run. Append new seeds; never reorder or rename existing keys. */
export const SEEDS: readonly Seed[] = [departmentsSeed, rolesSeed, adminUserSeed, standardRoleGrantsSeed('crm'), standardRoleGrantsSeed('audit'), standardRoleGrantsSeed('platform'), standardRoleGrantsSeed('automation'), automationSeed];
