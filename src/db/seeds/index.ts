import { adminUserSeed } from './admin-user.seed';
import { automationSeed } from './automation.seed';
import { DEMO_SEEDS } from './demo';
import { demoHouseSeed } from './demo-house.seed';
import { departmentsSeed } from './departments.seed';
import { documentRequestGrantsSeed, documentRequestWorkflowSeed } from './document-requests.seed';
import { documentTypesSeed } from './document-types.seed';
import { fundingProgramsSeed } from './funding-programs.seed';
import { pdfTemplatesSeed } from './pdf-templates.seed';
import { materialsSeed } from './materials.seed';
import { schedulingSeed } from './scheduling.seed';
import { requirementSetsSeed } from './requirement-sets.seed';
import { addedStandardRoleGrantsSeed, rolesSeed, standardRoleGrantsSeed } from './roles.seed';
import type { Seed } from './seed-utils';
import { uValueMethodsSeed } from './u-value-methods.seed';
import { vatRatesSeed } from './vat-rates.seed';

/**
 * Every seed, in the order they run: reference data and grants (append new ones before the demo
 * seeds; never rename existing keys), then the demo seeds, which may refer to any of them.
 */
export const SEEDS: readonly Seed[] = [
  departmentsSeed,
  rolesSeed,
  adminUserSeed,
  standardRoleGrantsSeed('crm'),
  standardRoleGrantsSeed('audit'),
  standardRoleGrantsSeed('platform'),
  standardRoleGrantsSeed('automation'),
  automationSeed,
  standardRoleGrantsSeed('projects'),
  uValueMethodsSeed,
  requirementSetsSeed,
  materialsSeed,
  demoHouseSeed,
  standardRoleGrantsSeed('scheduling'),
  schedulingSeed,
  standardRoleGrantsSeed('documents'),
  documentTypesSeed,
  pdfTemplatesSeed,
  documentRequestGrantsSeed,
  documentRequestWorkflowSeed,
  standardRoleGrantsSeed('funding'),
  fundingProgramsSeed,
  standardRoleGrantsSeed('finance'),
  // Accountants invoice projects: they read them (granted after the projects grants seed ran).
  addedStandardRoleGrantsSeed('accountant-projects-read', 'accountants read projects', (permission, role) => role === 'accountant' && permission === 'projects.projects:read'),
  vatRatesSeed,
  // Last: demo data refers to every context's reference data (only with --demo / AUTO_SEED_DEMO).
  ...DEMO_SEEDS,
];
