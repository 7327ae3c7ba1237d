import { seedUuid } from '../../src/db/seeds/seed-utils';
import { crmPermissions } from '../../src/modules/crm';
import { ContactsService } from '../../src/modules/crm/contacts/contacts.service';
import { projectsPermissions } from '../../src/modules/projects';
import { ModuleTestContext, ModuleTestContextOptions, useModuleTestContext } from '@libs/testing/module-context';

export { expectAppError } from '@libs/testing/module-context';

export const CONSULTING = seedUuid('departments', 'energy_consulting');
export const SALES = seedUuid('departments', 'sales');

/** Two energy consultants of one department, a sales person and a consultant of another department (sales). */
export type ProjectsTestUser = 'erik' | 'frida' | 'anna' | 'otto';
export type ProjectsTestContext = ModuleTestContext<ProjectsTestUser>;

const WORLD: ModuleTestContextOptions<ProjectsTestUser> = {
  permissions: [...projectsPermissions.keys, ...crmPermissions.keys],
  users: {
    erik: { department: 'energy_consulting', roles: ['energy_consultant'] },
    frida: { department: 'energy_consulting', roles: ['energy_consultant'] },
    anna: { department: 'sales', roles: ['sales'] },
    otto: { department: 'sales', roles: ['energy_consultant'] },
  },
};

/** The Projects module tests' world for a whole file: every Projects and CRM permission per `as` scope. */
export function useProjectsTestContext(): ProjectsTestContext {
  return useModuleTestContext(WORLD);
}

/** A CRM contact in the actor's department (through the CRM service, as its API would). */
export async function createContact(ctx: ProjectsTestContext, user: { id: string; departmentId: string | null }, lastName: string): Promise<string> {
  const contacts = ctx.get(ContactsService);
  return (await ctx.as(user, 'department', () => contacts.create({ lastName, allowDuplicates: true }))).id;
}
