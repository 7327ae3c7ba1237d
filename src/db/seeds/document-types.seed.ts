import { documentTypes } from '../schema';
import { Seed, seedUuid } from './seed-utils';

const AO = '§147 Abs. 1 Nr. 4 und Abs. 3 AO (Buchungsbelege und Rechnungen: 8 Jahre seit dem Bürokratieentlastungsgesetz IV, gültig ab 2025-01-01)';
const NONE = 'Keine gesetzliche Aufbewahrungsfrist; Löschung nach Zweckfortfall (Art. 17 DSGVO)';

const TYPES: { key: string; de: string; en: string; retentionYears: number | null; source: string }[] = [
  { key: 'floor_plan', de: 'Grundriss', en: 'Floor plan', retentionYears: null, source: NONE },
  { key: 'energy_bill', de: 'Energieabrechnung', en: 'Energy bill', retentionYears: null, source: NONE },
  { key: 'energy_certificate', de: 'Energieausweis', en: 'Energy certificate', retentionYears: null, source: NONE },
  { key: 'land_register_extract', de: 'Grundbuchauszug', en: 'Land-register extract', retentionYears: null, source: NONE },
  { key: 'power_of_attorney', de: 'Vollmacht', en: 'Power of attorney', retentionYears: null, source: NONE },
  { key: 'photo', de: 'Foto', en: 'Photo', retentionYears: null, source: NONE },
  { key: 'isfp_report', de: 'iSFP-Bericht', en: 'iSFP report', retentionYears: null, source: NONE },
  { key: 'quote_pdf', de: 'Angebot (PDF)', en: 'Quote (PDF)', retentionYears: null, source: NONE },
  { key: 'invoice_pdf', de: 'Rechnung (PDF)', en: 'Invoice (PDF)', retentionYears: 8, source: AO },
  { key: 'funding_approval', de: 'Förderzusage', en: 'Funding approval', retentionYears: null, source: NONE },
  { key: 'proof_of_implementation', de: 'Verwendungsnachweis', en: 'Proof of implementation', retentionYears: null, source: NONE },
  { key: 'letter', de: 'Schreiben', en: 'Letter', retentionYears: null, source: NONE },
  { key: 'other', de: 'Sonstiges', en: 'Other', retentionYears: null, source: NONE },
];

/** The document types with their retention periods (dated reference data). */
export const documentTypesSeed: Seed = {
  key: 'documents.document-types',
  description: 'Document types (floor plan, energy bill, …, invoice PDF with 8 years retention)',
  run: async ({ db }) => {
    await db.insert(documentTypes).values(
      TYPES.map((type) => ({
        id: seedUuid('documentTypes', `${type.key}:2025-01-01`),
        key: type.key,
        name: { de: type.de, en: type.en },
        retentionYears: type.retentionYears,
        validFrom: '2025-01-01',
        validTo: null,
        source: type.source,
      })),
    );
  },
};
