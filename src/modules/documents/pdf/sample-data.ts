import type { PdfDataByKind, PdfKind, PdfRecipient } from './pdf-data';

const RECIPIENT: PdfRecipient = { name: 'Familie Müller', addition: 'z. Hd. Frau Jördis Müller', street: 'Lindenstraße 7', postalCode: '81545', city: 'München', countryCode: 'DE' };

/** Example data of every kind: the preview renders it, and the tests check the seeded templates with it. */
export const SAMPLE_DATA: { [K in PdfKind]: PdfDataByKind[K] } = {
  quote: {
    documentDate: '2026-11-20',
    number: 'AN-2026-0042',
    recipient: RECIPIENT,
    customerNumber: 'K-10077',
    projectReference: 'P-2026-0013 Sanierung Lindenstraße 7',
    subject: 'Energieberatung und Photovoltaik',
    validUntil: '2026-12-31',
    lines: [
      { position: '1', description: 'Individueller Sanierungsfahrplan (iSFP) inkl. Vor-Ort-Termin, Gebäudeaufnahme und Abschlussgespräch', quantity: '1', unit: 'pauschal', unitPriceCents: 180000, netCents: 180000, vatRateBasisPoints: 1900 },
      { position: '2', description: 'Baubegleitung Fenstertausch (Stunden)', quantity: '6.5', unit: 'h', unitPriceCents: 9500, netCents: 61750, vatRateBasisPoints: 1900 },
      { position: '3', description: 'Photovoltaikanlage 9,8 kWp mit Speicher, Lieferung und Montage', quantity: '1', unit: 'Stk', unitPriceCents: 1849000, netCents: 1849000, vatRateBasisPoints: 0 },
    ],
    totals: {
      netCents: 2090750,
      vatCents: 45933,
      grossCents: 2136683,
      perRate: [
        { rateBasisPoints: 1900, netCents: 241750, vatCents: 45933 },
        { rateBasisPoints: 0, netCents: 1849000, vatCents: 0 },
      ],
    },
    legalNotes: ['vat_zero_rate', 'funding_clause'],
    funding: { programme: 'BAFA Bundesförderung für Energieberatung für Wohngebäude', applicationNumber: 'EBW-2026-123456' },
  },
  invoice: {
    documentDate: '2026-11-28',
    number: 'RE-2026-0107',
    recipient: RECIPIENT,
    customerNumber: 'K-10077',
    projectReference: 'P-2026-0013',
    quoteNumber: 'AN-2026-0042',
    serviceDate: '2026-11-25',
    dueDate: '2026-12-12',
    lines: [
      { position: '1', description: 'Individueller Sanierungsfahrplan (iSFP)', quantity: '1', unit: 'pauschal', unitPriceCents: 180000, netCents: 180000, vatRateBasisPoints: 1900 },
      { position: '2', description: 'Baubegleitung Fenstertausch', quantity: '6.5', unit: 'h', unitPriceCents: 9500, netCents: 61750, vatRateBasisPoints: 1900 },
    ],
    totals: { netCents: 241750, vatCents: 45933, grossCents: 287683, perRate: [{ rateBasisPoints: 1900, netCents: 241750, vatCents: 45933 }] },
    legalNotes: ['retention'],
    notes: ['Zahlbar ohne Abzug. / Payable without deduction.'],
  },
  cancellation: {
    documentDate: '2026-12-02',
    number: 'ST-2026-0003',
    recipient: RECIPIENT,
    customerNumber: 'K-10077',
    cancelledInvoiceNumber: 'RE-2026-0107',
    cancelledInvoiceDate: '2026-11-28',
    serviceDate: '2026-11-25',
    dueDate: '2026-12-02',
    lines: [{ position: '1', description: 'Storno: Individueller Sanierungsfahrplan (iSFP)', quantity: '-1', unit: 'pauschal', unitPriceCents: 180000, netCents: -180000, vatRateBasisPoints: 1900 }],
    totals: { netCents: -180000, vatCents: -34200, grossCents: -214200, perRate: [{ rateBasisPoints: 1900, netCents: -180000, vatCents: -34200 }] },
    legalNotes: ['retention'],
  },
  letter: {
    documentDate: '2026-11-20',
    recipient: RECIPIENT,
    subject: 'Ihre Energieberatung – nächste Schritte',
    body: 'vielen Dank für das angenehme Gespräch. Wie besprochen senden wir Ihnen anbei unseren Vorschlag.\n\nFür Rückfragen erreichen Sie uns werktags von 8 bis 17 Uhr. Größere Änderungen stimmen wir gern persönlich ab.',
    customerNumber: 'K-10077',
    projectReference: 'P-2026-0013',
    signatory: 'Dipl.-Ing. Anna Beispiel',
  },
  document_request: {
    documentDate: '2026-11-20',
    recipient: RECIPIENT,
    dueDate: '2026-12-04',
    uploadUrl: 'https://portal.renewa.example/upload/3f9c1e7a',
    items: [
      { title: 'Grundrisse aller Geschosse', instructions: 'Gern als Scan oder Foto, auch handschriftlich bemaßt.', required: true },
      { title: 'Energieabrechnungen der letzten drei Jahre', instructions: 'Gas, Öl oder Strom (Heizstrom).', required: true },
      { title: 'Vorhandener Energieausweis', instructions: null, required: false },
    ],
  },
  appointment_confirmation: {
    documentDate: '2026-11-20',
    recipient: RECIPIENT,
    startsAt: '2026-12-03T09:00:00+01:00',
    endsAt: '2026-12-03T11:30:00+01:00',
    location: 'Lindenstraße 7, 81545 München',
    purpose: 'Vor-Ort-Termin Gebäudeaufnahme',
    consultant: 'Dipl.-Ing. Anna Beispiel',
  },
  isfp_cover: {
    documentDate: '2026-11-20',
    recipient: RECIPIENT,
    buildingAddress: 'Lindenstraße 7, 81545 München',
    consultant: 'Dipl.-Ing. Anna Beispiel',
    consultantNumber: '1234-5678-90',
    projectReference: 'P-2026-0013',
  },
};
