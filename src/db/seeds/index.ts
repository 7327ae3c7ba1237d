import { adminUserSeed } from './admin-user.seed';
import { automationSeed } from './automation.seed';
import { DEMO_SEEDS } from './demo';
import { demoDocumentRequestsSeed } from './demo/document-requests.demo';
import { demoHouseSeed } from './demo-house.seed';
import { departmentsSeed } from './departments.seed';
import { documentRequestGrantsSeed, documentRequestWorkflowSeed } from './document-requests.seed';
import { documentTypesSeed } from './document-types.seed';
import { fundingProgramsSeed } from './funding-programs.seed';
import { demoFundingSeed } from './demo/funding.demo';
import { pdfTemplatesSeed } from './pdf-templates.seed';
import { materialsSeed } from './materials.seed';
import { schedulingSeed } from './scheduling.seed';
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
  // Scheduling's reference data before the demo seeds (its demo appointments name the kind settings).
  standardRoleGrantsSeed('scheduling'),
  schedulingSeed,
  ...DEMO_SEEDS,
  standardRoleGrantsSeed('documents'),
  documentTypesSeed,
  pdfTemplatesSeed,
  documentRequestGrantsSeed,
  documentRequestWorkflowSeed,
  // Demo, after the document types it refers to (DEMO_SEEDS run before those were added).
  demoDocumentRequestsSeed,
  standardRoleGrantsSeed('funding'),
  fundingProgramsSeed,
  // After the programmes it refers to (DEMO_SEEDS run before them).
  demoFundingSeed,
  standardRoleGrantsSeed('finance'),
  vatRatesSeed,
];
