import { seedUuid } from '../../src/db/seeds/seed-utils';
import { crmPermissions } from '../../src/modules/crm';
import { ModuleTestContext, ModuleTestContextOptions, startModuleTestContext, useModuleTestContext } from '@libs/testing/module-context';

export { expectAppError } from '@libs/testing/module-context';

export const CRM_PERMISSIONS = crmPermissions.keys;
export const SALES = seedUuid('departments', 'sales');
export const CONSULTING = seedUuid('departments', 'energy_consulting');

/** Two sales people and one energy consultant. */
export type CrmTestUser = 'anna' | 'ben' | 'clara';
export type CrmTestContext = ModuleTestContext<CrmTestUser>;

const CRM_TEST_WORLD: ModuleTestContextOptions<CrmTestUser> = {
  permissions: CRM_PERMISSIONS,
  users: {
    anna: { department: 'sales', roles: ['sales'] },
    ben: { department: 'sales', roles: ['sales'] },
    clara: { department: 'energy_consulting', roles: ['energy_consultant'] },
  },
};

/** The CRM module tests' world (see startModuleTestContext): every CRM permission per `as` scope. */
export function startCrmTestContext(options: { throughBouncer?: boolean } = {}): Promise<CrmTestContext> {
  return startModuleTestContext({ ...CRM_TEST_WORLD, throughBouncer: options.throughBouncer });
}

/** The same world for a whole test file (started before its tests, closed after them). */
export function useCrmTestContext(): CrmTestContext {
  return useModuleTestContext(CRM_TEST_WORLD);
}
