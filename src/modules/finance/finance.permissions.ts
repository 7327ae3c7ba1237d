import { definePermissions } from '@libs/auth';

/**
 * The finance context's permissions; registered in src/permissions.catalogue.ts. Quotes and
 * invoices carry owner/department scope; products, VAT rates, settings and exports are
 * context-wide (every holder of the permission sees all of them). Finalising and cancelling an
 * invoice are their own permissions: only accountants and admins hold them.
 */
export const financePermissions = definePermissions('finance', {
  'finance.quotes:read': { de: 'Angebote ansehen und exportieren', en: 'View and export quotes' },
  'finance.quotes:create': { de: 'Angebote anlegen', en: 'Create quotes' },
  'finance.quotes:update': { de: 'Angebote bearbeiten (neue Version nach Versand)', en: 'Edit quotes (a new version once sent)' },
  'finance.quotes:delete': { de: 'Angebotsentwürfe löschen und wiederherstellen', en: 'Delete and restore draft quotes' },
  'finance.quotes:send': { de: 'Angebote versenden', en: 'Send quotes' },
  'finance.quotes:accept': { de: 'Annahme oder Ablehnung eines Angebots erfassen', en: 'Record the acceptance or rejection of a quote' },
  'finance.invoices:read': { de: 'Rechnungen ansehen, herunterladen und exportieren', en: 'View, download and export invoices' },
  'finance.invoices:create': { de: 'Rechnungsentwürfe anlegen', en: 'Create draft invoices' },
  'finance.invoices:update': { de: 'Rechnungsentwürfe bearbeiten und Rechnungen als versendet markieren', en: 'Edit draft invoices and mark invoices as sent' },
  'finance.invoices:delete': { de: 'Rechnungsentwürfe löschen und wiederherstellen', en: 'Delete and restore draft invoices' },
  'finance.invoices:finalize': { de: 'Rechnungen festschreiben (Nummer vergeben)', en: 'Finalise invoices (assign their number)' },
  'finance.invoices:cancel': { de: 'Rechnungen stornieren (Stornorechnung)', en: 'Cancel invoices (cancellation invoice)' },
  'finance.payments:read': { de: 'Zahlungseingänge ansehen', en: 'View payments received' },
  'finance.payments:create': { de: 'Zahlungseingänge erfassen', en: 'Record payments received' },
  'finance.payments:update': { de: 'Zahlungseingänge korrigieren', en: 'Correct payments received' },
  'finance.payments:delete': { de: 'Zahlungseingänge löschen und wiederherstellen', en: 'Delete and restore payments received' },
  'finance.products:read': { de: 'Produkte, Leistungen und Steuersätze ansehen', en: 'View products, services and VAT rates' },
  'finance.products:create': { de: 'Produkte und Leistungen anlegen', en: 'Create products and services' },
  'finance.products:update': { de: 'Produkte und Leistungen bearbeiten', en: 'Edit products and services' },
  'finance.products:delete': { de: 'Produkte und Leistungen löschen und wiederherstellen', en: 'Delete and restore products and services' },
  'finance.settings:read': { de: 'Firmenstammdaten für Rechnungen ansehen', en: 'View the organisation settings used on invoices' },
  'finance.settings:update': { de: 'Firmenstammdaten, Nummernkreise und DATEV-Konten bearbeiten', en: 'Edit organisation settings, number formats and DATEV accounts' },
  'finance.exports:read': { de: 'E-Rechnungen und DATEV-Exporte erzeugen', en: 'Produce e-invoices and DATEV exports' },
});

export type FinancePermission = (typeof financePermissions.keys)[number];
