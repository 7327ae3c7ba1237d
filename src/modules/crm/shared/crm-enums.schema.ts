import { pgEnum } from 'drizzle-orm/pg-core';

/** ISO 639-1 languages a contact or lead can be served in. */
export const crmLanguage = pgEnum('crm_language', ['de', 'en']);
export type CrmLanguage = (typeof crmLanguage.enumValues)[number];

/** Anrede. `mx` is the neutral form ("Guten Tag Vorname Nachname"). */
export const salutation = pgEnum('crm_salutation', ['mr', 'ms', 'mx']);
export type Salutation = (typeof salutation.enumValues)[number];
