import { v5 as uuidv5 } from 'uuid';
import type { Database } from '@libs/db';

/** Root of every seed namespace; never change it, or every seeded id changes. */
const SEED_ROOT = '6f1c2a3e-7b4d-5e8f-9a0b-1c2d3e4f5a6b';

const namespace = (name: string) => uuidv5(`renewa:${name}`, SEED_ROOT);

/** One UUID namespace per kind of seeded record; add a key when a seed needs a new kind. */
export const SEED_NAMESPACES = {
  departments: namespace('departments'),
  roles: namespace('roles'),
  users: namespace('users'),
  fundingPrograms: namespace('funding-programs'),
  products: namespace('products'),
  pdfTemplates: namespace('pdf-templates'),
  documentTypes: namespace('document-types'),
  automation: namespace('automation'),
  demo: namespace('demo'),
  materials: namespace('materials'),
  requirementSets: namespace('requirement-sets'),
  uValueMethods: namespace('u-value-methods'),
  scheduling: namespace('scheduling'),
} as const;

export type SeedNamespace = keyof typeof SEED_NAMESPACES;

/** The deterministic id of a seeded record: UUID v5 of its natural key in its namespace. */
export function seedUuid(ns: SeedNamespace, naturalKey: string): string {
  return uuidv5(naturalKey, SEED_NAMESPACES[ns]);
}

export interface SeedContext {
  db: Database;
  env: { nodeEnv: string; adminPassword?: string };
  log: { info(msg: string): void; warn(msg: string): void };
}

/**
 * A seed runs at most once per database: the runner checks its marker, runs it and writes the
 * marker in one transaction. To change seeded data later, add a new seed with a new key.
 */
export interface Seed {
  key: string;
  description: string;
  /** Demo data is only seeded on request, never in production. */
  demo?: boolean;
  run(ctx: SeedContext): Promise<void>;
}
