import { adminUserSeed } from './admin-user.seed';
import { automationSeed } from './automation.seed';
import { DEMO_SEEDS } from './demo';
import { demoHouseSeed } from './demo-house.seed';
import { departmentsSeed } from './departments.seed';
import { documentTypesSeed } from './document-types.seed';
import { pdfTemplatesSeed } from './pdf-templates.seed';
import { materialsSeed } from './materials.seed';
import { requirementSetsSeed } from './requirement-sets.seed';
import { rolesSeed, standardRoleGrantsSeed } from './roles.seed';
import type { Seed } from './seed-utils';
import { uValueMethodsSeed } from './u-value-methods.seed';
import { vatRatesSeed } from './vat-rates.seed';

/** Every seed, in the order they run. Append new seeds; never reorder or rename existing keys. */
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
  ...DEMO_SEEDS,
  standardRoleGrantsSeed('documents'),
  documentTypesSeed,
  pdfTemplatesSeed,
  standardRoleGrantsSeed('finance'),
  vatRatesSeed,
];
