/**
 * The external identifiers of an application. None of their formats is published in the sources
 * at hand (domain.md §1.2, KfW/BAFA pages quoted there): only a conservative shape is checked —
 * letters, digits and the separators `-`, `/`, `.`, 4–40 characters, starting with a letter or
 * digit. `known: true` marks a format checked exactly; add the pattern here when one is confirmed.
 */
export const EXTERNAL_ID_FORMATS = {
  bzaId: { description: 'BzA-ID (Bestätigung zum Antrag)', known: false, pattern: /^[A-Za-z0-9][A-Za-z0-9\-/.]{3,39}$/ },
  bndId: { description: 'BnD-ID (Bestätigung nach Durchführung)', known: false, pattern: /^[A-Za-z0-9][A-Za-z0-9\-/.]{3,39}$/ },
  bafaCaseNumber: { description: 'BAFA Vorgangsnummer', known: false, pattern: /^[A-Za-z0-9][A-Za-z0-9\-/.]{3,39}$/ },
  kfwApplicationNumber: { description: 'KfW Antragsnummer', known: false, pattern: /^[A-Za-z0-9][A-Za-z0-9\-/.]{3,39}$/ },
} as const;

export type ExternalIdField = keyof typeof EXTERNAL_ID_FORMATS;

/** The first field whose value does not match its format, if any. */
export function invalidExternalId(values: Partial<Record<ExternalIdField, string | null>>): ExternalIdField | undefined {
  return (Object.keys(EXTERNAL_ID_FORMATS) as ExternalIdField[]).find((field) => {
    const value = values[field];
    return value !== undefined && value !== null && !EXTERNAL_ID_FORMATS[field].pattern.test(value);
  });
}
