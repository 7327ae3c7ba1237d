import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { postalAddressColumns } from '@libs/contact-data';
import { localizedText, standardColumns } from '@libs/db';

export const datevChartOfAccounts = pgEnum('finance_datev_chart', ['SKR03', 'SKR04']);
export type DatevChartOfAccounts = (typeof datevChartOfAccounts.enumValues)[number];

/** The DATEV accounts bookings go to (numbers as text: DATEV accounts may have leading zeros). */
export interface DatevAccountMapping {
  revenueStandard: string;
  revenueReduced: string;
  revenueZeroPv: string;
  revenueExempt: string;
  /** The bank (financial) account payments are booked to. */
  bank: string;
  /** The collective debtor account when no personal debtor account is kept. */
  debtors: string;
}

/**
 * The organisation as it appears on every invoice (§14(4) UStG: name, address, tax number or VAT
 * ID), its bank, default payment terms, number formats and the DATEV export settings. One row
 * (`singleton`), seeded empty; admins fill it in.
 */
export const financeSettings = pgTable(
  'finance_settings',
  {
    ...standardColumns(),
    singleton: boolean('singleton').notNull().default(true),
    legalName: text('legal_name'),
    ...postalAddressColumns(),
    /** Steuernummer, e.g. 12/345/67890. */
    taxNumber: text('tax_number'),
    /** USt-IdNr., e.g. DE123456789. */
    vatId: text('vat_id'),
    registerCourt: text('register_court'),
    registerNumber: text('register_number'),
    managingDirectors: jsonb('managing_directors').$type<string[]>().notNull().default([]),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    iban: text('iban'),
    bic: text('bic'),
    bankName: text('bank_name'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(14),
    paymentTermsText: localizedText('payment_terms_text'),
    /** `{YYYY}` the year, `{NNNNNN}` the serial zero-padded to as many digits as N's. */
    invoiceNumberFormat: text('invoice_number_format').notNull().default('RE-{YYYY}-{NNNNNN}'),
    cancellationNumberFormat: text('cancellation_number_format').notNull().default('ST-{YYYY}-{NNNNNN}'),
    quoteNumberFormat: text('quote_number_format').notNull().default('A-{YYYY}-{NNNNNN}'),
    datevConsultantNumber: integer('datev_consultant_number'),
    datevClientNumber: integer('datev_client_number'),
    datevChartOfAccounts: datevChartOfAccounts('datev_chart_of_accounts').notNull().default('SKR03'),
    datevAccounts: jsonb('datev_accounts').$type<DatevAccountMapping>(),
  },
  (t) => [uniqueIndex('finance_settings_singleton_unique').on(t.singleton), check('finance_settings_singleton_true', sql`${t.singleton}`)],
);

export type FinanceSettings = typeof financeSettings.$inferSelect;
