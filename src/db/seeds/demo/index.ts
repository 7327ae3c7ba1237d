import type { Seed } from '../seed-utils';
import { demoAuthSeed } from './auth.demo';
import { demoAutomationSeed } from './automation.demo';
import { demoCrmSeed } from './crm.demo';
import { demoDocumentRequestsSeed } from './document-requests.demo';
import { demoFinanceInvoicesSeed } from './finance-invoices.demo';
import { demoFinanceQuotesSeed } from './finance-quotes.demo';
import { demoFundingSeed } from './funding.demo';
import { demoProjectsSeed } from './projects.demo';
import { demoSchedulingSeed } from './scheduling.demo';

/**
 * The demo consultancy (`make db-seed ARGS=--demo`, `AUTO_SEED_DEMO=true`), one seed per context,
 * in dependency order. A context adds its demo data as `<ctx>.demo.ts` here and appends it
 * (scheduling: appointments this and next week; documents; finance: quotes and invoices; funding:
 * applications), reading the projects and people through demo-data.ts / crm.demo.ts.
 */
export const DEMO_SEEDS: readonly Seed[] = [
  demoAuthSeed,
  demoCrmSeed,
  demoProjectsSeed,
  demoAutomationSeed,
  demoSchedulingSeed,
  demoFinanceQuotesSeed,
  demoFinanceInvoicesSeed,
  demoDocumentRequestsSeed,
  demoFundingSeed,
];
