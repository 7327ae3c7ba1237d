/**
 * One realistic request body per operation (by operation id), shown by Swagger UI as the body to
 * try: the journey of docs/tour.md — a website enquiry in Kassel, its conversion, the survey and an
 * iSFP. Property-level examples stay on the DTOs (the contract fuzz builds its anchor requests from
 * them); these are whole bodies, checked against their schemas by the OpenAPI lint
 * (no-invalid-media-type-examples). Ids are placeholders of the right shape: take real ones from
 * the list endpoints (seeded materials and departments have fixed ids).
 */
const ID = {
  lead: '3f6c1b52-8a1e-4c7e-9f0d-2b5a7c9e1d43',
  contact: '8d2e4f60-1b3c-4a5d-8e7f-9a0b1c2d3e4f',
  duplicateContact: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  company: '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f',
  project: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  building: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
  component: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
  scenario: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
  consultant: '9a1a076e-2cb9-5fa7-b6be-25c1c8e9ac33',
  salesDepartment: 'ee9ab345-1328-5f79-90ec-02a06a6f4de0',
  role: '27c64ce5-ee5c-5cda-9189-222fa388d910',
  eps035: 'd1220c0b-4546-5633-944d-69394f6e0c9d',
  hlz1200: '9a6adfbb-797d-5cc5-83af-bb34252273ba',
  gypsumPlaster: '313f5914-80cd-5798-a0af-5ea622cb62e5',
  limePlaster: '64791677-e19d-5baf-8783-97d99a20c168',
};

const address = { street: 'Lindenallee 23', postalCode: '34128', city: 'Kassel', countryCode: 'DE' };
const wallLayers = [
  { materialId: ID.gypsumPlaster, thicknessMm: 15 },
  { materialId: ID.hlz1200, thicknessMm: 300 },
  { materialId: ID.limePlaster, thicknessMm: 20 },
];
const lead = {
  source: 'website_form',
  salutation: 'ms',
  firstName: 'Petra',
  lastName: 'Hoffmann',
  email: 'petra.hoffmann@example.org',
  phone: '+495617654321',
  interests: ['energy_consulting', 'insulation', 'heat_pump'],
  propertyAddress: address,
  buildingType: 'single_family',
  yearBuilt: 1962,
  livingAreaM2: 136,
  residentialUnits: 1,
  ownerOccupied: true,
};
const confirmationMail = {
  type: 'send_email',
  recipient: { kind: 'lead', path: 'payload.leadId' },
  template: {
    subject: { de: 'Ihre Anfrage zur Energieberatung', en: 'Your energy consulting enquiry' },
    body: { de: 'Guten Tag {{ recipient.name }},\n\nvielen Dank für Ihre Anfrage.', en: 'Hello {{ recipient.name }},\n\nthank you for your enquiry.' },
  },
};
const routing = {
  name: { de: 'Website-Anfragen PLZ 34… an den Vertrieb', en: 'Website enquiries postcode 34… to sales' },
  triggerEventType: 'crm.lead.created',
  conditions: [
    { path: 'payload.snapshot.source', op: 'eq', value: 'website_form' },
    { path: 'payload.snapshot.propertyPostalCode', op: 'startsWith', value: '34' },
  ],
  actions: [{ type: 'update_field', entity: 'lead', field: 'departmentId', value: ID.salesDepartment }],
  enabled: true,
};
const formFields = [
  { key: 'lastName', type: 'text', label: { de: 'Nachname', en: 'Last name' }, required: true, leadField: 'lastName' },
  { key: 'email', type: 'email', label: { de: 'E-Mail-Adresse', en: 'E-mail address' }, required: true, leadField: 'email' },
  { key: 'postcode', type: 'postcode', label: { de: 'PLZ des Gebäudes', en: 'Postcode of the building' }, required: true, leadField: 'propertyPostalCode' },
  { key: 'privacy', type: 'consent', label: { de: 'Einwilligung Datenschutz', en: 'Privacy consent' }, required: true },
];

export const REQUEST_EXAMPLES: Readonly<Record<string, unknown>> = {
  // auth
  login: { email: 'anna.keller@demo.renewa.de', password: 'Renewa-Demo-2026!' },
  refreshSession: { refreshToken: 'rt_2kq7Yc1m4h0pW9s8dXvB3nL6' },
  logout: { refreshToken: 'rt_2kq7Yc1m4h0pW9s8dXvB3nL6' },
  updateMe: { name: 'Anna Keller', locale: 'de' },
  createUser: { email: 'jana.roth@renewa.de', name: 'Jana Roth', departmentId: ID.salesDepartment, locale: 'de', password: 'Erstes-Passwort-2026' },
  updateUser: { name: 'Jana Roth-Becker', departmentId: ID.salesDepartment },
  resetUserPassword: { password: 'Neues-Passwort-2026' },
  replaceUserRoles: { roleIds: [ID.role] },
  createDepartment: { name: { de: 'Vertrieb Rhein-Main', en: 'Sales Rhine-Main' } },
  updateDepartment: { name: { de: 'Vertrieb Rhein-Main/Süd', en: 'Sales Rhine-Main/South' } },
  createRole: { key: 'field_sales', name: { de: 'Außendienst', en: 'Field sales' }, permissions: [{ permission: 'crm.leads:read', scope: 'department' }] },
  updateRole: { name: { de: 'Außendienst Nord', en: 'Field sales north' } },
  // crm
  createLead: { ...lead, message: 'Wir möchten unser Haus aus den 60ern Schritt für Schritt sanieren.' },
  updateLead: { status: 'qualified', propertyAddress: address, livingAreaM2: 136, ownerOccupied: true, assigneeId: ID.consultant },
  convertLead: {},
  createContact: { salutation: 'ms', firstName: 'Petra', lastName: 'Hoffmann', email: 'petra.hoffmann@example.org', phone: '+495617654321', address, preferredLanguage: 'de' },
  updateContact: { mobile: '+491701234567', marketingConsent: true, marketingConsentSource: 'phone' },
  mergeContact: { duplicateId: ID.duplicateContact },
  createCompany: { name: 'Hausverwaltung Nordhessen GmbH', legalForm: 'gmbh', email: 'info@hv-nordhessen.example', phone: '+49561998877', address: { ...address, street: 'Friedrichsplatz 4', postalCode: '34117' } },
  updateCompany: { website: 'https://www.hv-nordhessen.example' },
  createActivity: { type: 'call', direction: 'outbound', subject: 'Rückruf wegen Vor-Ort-Termin', body: 'Termin für die Begehung abgestimmt.', leadId: ID.lead, durationMinutes: 10 },
  updateActivity: { body: 'Termin für die Begehung abgestimmt; Grundrisse werden per E-Mail geschickt.' },
  // automation
  createWorkflow: { ...routing, enabled: false },
  updateWorkflow: { enabled: true },
  testWorkflow: { event: { aggregateId: ID.lead, payload: { snapshot: { source: 'website_form', propertyPostalCode: '34128' } } } },
  createForm: {
    name: { de: 'Rückruf anfordern', en: 'Request a call back' },
    kind: 'lead',
    fields: formFields,
    consent: { version: '2026-12', text: { de: 'Ich willige in die Verarbeitung meiner Angaben ein.', en: 'I consent to the processing of my details.' } },
    confirmation: { de: 'Vielen Dank! Wir rufen Sie zurück.', en: 'Thank you! We will call you back.' },
  },
  updateForm: { confirmation: { de: 'Vielen Dank! Wir rufen Sie innerhalb eines Werktags zurück.', en: 'Thank you! We will call you back within one working day.' } },
  submitForm: {
    formToken: '<formToken from GET /public/forms/{formSlug}>',
    language: 'de',
    answers: { firstName: 'Petra', lastName: 'Hoffmann', email: 'petra.hoffmann@example.org', postcode: '34128', buildingType: 'single_family', yearBuilt: 1962, privacy: true },
    utm: { source: 'website' },
  },
  // projects
  createProject: { title: 'Sanierungsfahrplan Hoffmann', contactId: ID.contact, interests: ['energy_consulting', 'insulation'] },
  updateProject: { notes: 'Eigentümerin wünscht die Fassade zuletzt.' },
  changeProjectStatus: { status: 'surveyed' },
  createBuilding: {
    projectId: ID.project, name: 'Wohnhaus', address, buildingType: 'single_family', yearOfConstruction: 1962, residentialUnits: 1, ownerOccupiedUnits: 1,
    heatedLivingAreaM2: 136, heatingKind: 'gas_boiler', heatingEnergyCarrier: 'natural_gas', heatingYearInstalled: 1996, heatingWorking: true,
  },
  updateBuilding: { energyCertificateClass: 'f', finalEnergyKwhM2a: 188.5 },
  createComponent: { buildingId: ID.building, name: 'Außenwand', category: 'external_wall_air', orientation: 's', areaM2: 142, yearBuilt: 1962, condition: 'fair', layers: wallLayers },
  updateComponent: { layers: [...wallLayers, { materialId: ID.eps035, thicknessMm: 40 }] },
  createBuildingSystem: { buildingId: ID.building, kind: 'heat_generator', description: 'Gas-Brennwertkessel im Keller', energyCarrier: 'natural_gas', powerKw: 24, yearInstalled: 1996 },
  updateBuildingSystem: { hydraulicallyBalanced: true },
  createScenario: {
    buildingId: ID.building, name: 'iSFP Hoffmann', kind: 'isfp',
    packages: [{ title: 'Dach', plannedYear: 2027 }, { title: 'Fenster', plannedYear: 2028 }, { title: 'Fassade', plannedYear: 2029 }],
  },
  updateScenario: { description: 'Variante mit Wärmepumpe im dritten Paket' },
  copyScenario: { name: 'iSFP Hoffmann – Variante Pelletkessel' },
  changeScenarioStatus: { status: 'accepted' },
  createMeasure: {
    scenarioId: ID.scenario, packageNumber: 3, kind: 'wall_insulation', title: 'WDVS 16 cm', componentIds: [ID.component],
    newLayers: [{ materialId: ID.eps035, thicknessMm: 160 }], costEstimateNetCents: 3_600_000, vatCategory: 'standard', plannedYear: 2029,
  },
  updateMeasure: { title: 'WDVS 18 cm', newLayers: [{ materialId: ID.eps035, thicknessMm: 180 }] },
  createMaterial: { name: { de: 'Holzfaserdämmplatte WLS 040', en: 'Wood fibre insulation board WLS 040' }, group: 'insulation', lambda: 0.04, densityKgM3: 160, source: 'Herstellerangabe (Datenblatt 2026)' },
  updateMaterial: { name: { de: 'Holzfaserdämmplatte WLS 039', en: 'Wood fibre insulation board WLS 039' } },
  // documents
  createDocument: {
    fileId: '5b7e2c1a-3f4d-4e8a-9c2b-1d0e6f7a8b9c',
    typeId: '94668b71-c389-56ec-95f1-08776d5f0763',
    title: { de: 'Grundriss Erdgeschoss', en: 'Ground floor plan' },
    documentDate: '2026-11-20',
    links: [{ type: 'appointment', id: '00000000-0000-4000-8000-00000000a001' }],
  },
  updateDocument: { title: { de: 'Grundriss EG (bemaßt)', en: 'Ground floor plan (dimensioned)' }, documentDate: '2026-11-21' },
  addDocumentVersion: { fileId: '5b7e2c1a-3f4d-4e8a-9c2b-1d0e6f7a8b9d' },
  eraseContactDocuments: { contactId: '3d6f0a2b-8c1e-4f7a-9b5d-2e4c6a8f0b1d' },
  createPdfTemplateVersion: {
    kind: 'letter',
    language: 'de',
    blocks: { subject: '{{ subject }}', salutation: 'Guten Tag,', body: '{{ body }}', signoff: 'Viele Grüße', signature: '{{ letterhead.name }}' },
    letterhead: { name: 'Renewa Energieberatung GmbH', street: 'Sonnenstraße 12', postalCode: '80331', city: 'München' },
  },
  previewPdfTemplate: { kind: 'invoice', language: 'de' },
  // finance
  updateFinanceSettings: {
    legalName: 'Renewa Energieberatung GmbH',
    address: { street: 'Sonnenstraße 12', postalCode: '80331', city: 'München', countryCode: 'DE' },
    taxNumber: '143/123/45678',
    vatId: 'DE123456789',
    registerCourt: 'Amtsgericht München',
    registerNumber: 'HRB 123456',
    managingDirectors: ['Dr. Anna Beispiel'],
    iban: 'DE89370400440532013000',
    bic: 'COBADEFFXXX',
    paymentTermsDays: 14,
  },
  createProduct: {
    sku: 'EB-ISFP-01',
    name: { de: 'Individueller Sanierungsfahrplan (iSFP)', en: 'Individual renovation roadmap (iSFP)' },
    kind: 'service',
    unit: 'flat',
    unitPriceCents: 165000,
    vatCategory: 'standard',
  },
  updateProduct: { unitPriceCents: 175000 },
  createQuote: {
    projectId: ID.project,
    language: 'de',
    validUntil: '2027-01-31',
    subject: 'Wärmepumpe und Dämmung der obersten Geschossdecke',
    fundingClause: true,
    fundingProgramme: 'BEG EM (KfW 458)',
    lines: [
      { kind: 'section', text: { de: 'Heizung', en: 'Heating' } },
      { kind: 'item', text: { de: 'Luft-Wasser-Wärmepumpe 9 kW inkl. Montage', en: 'Air-to-water heat pump 9 kW incl. installation' }, quantity: '1', unit: 'piece', unitPriceCents: 1450000, vatCategory: 'standard' },
      { kind: 'item', lineType: 'optional', text: { de: 'Smart-Home-Modul', en: 'Smart home module' }, quantity: '1', unit: 'piece', unitPriceCents: 39900, vatCategory: 'standard' },
      { kind: 'section', text: { de: 'Dämmung', en: 'Insulation' } },
      { kind: 'item', text: { de: 'Dämmung oberste Geschossdecke, 20 cm', en: 'Top-floor ceiling insulation, 20 cm' }, quantity: '86.333', unit: 'm2', unitPriceCents: 4850, discountCents: 10000, vatCategory: 'standard' },
    ],
  },
  updateQuote: { validUntil: '2027-02-28', notes: 'Ausführung nach Eingang des Zuwendungsbescheids.' },
  acceptQuote: { method: 'signed_upload', acceptedBy: 'Petra Hoffmann', withFundingClause: true },
  rejectQuote: { reason: 'Auftrag an einen anderen Anbieter vergeben' },
  createInvoice: {
    kind: 'standalone',
    contactId: ID.contact,
    projectId: ID.project,
    serviceDate: '2026-11-20',
    propertyRelated: true,
    subject: 'Energieberatung Haus Kühn',
    lines: [
      { text: { de: 'Energieberatung mit iSFP', en: 'Energy consultation with iSFP' }, quantity: '1', unit: 'flat', unitPriceCents: 165000, vatCategory: 'standard' },
      { text: { de: 'Blower-Door-Messung', en: 'Blower door test' }, quantity: '2.5', unit: 'hour', unitPriceCents: 9500, discountCents: 1000, vatCategory: 'standard' },
    ],
  },
  updateInvoice: { serviceDate: '2026-11-21', notes: 'Vielen Dank für Ihren Auftrag.' },
  cancelInvoice: { reason: 'Rechnungsbetrag fehlerhaft; Korrektur folgt' },
  recordPayment: { amountCents: 196350, paidOn: '2026-11-28', method: 'bank_transfer', reference: 'RE-2026-000042 Kühn' },
  updatePayment: { paidOn: '2026-11-29' },
  createInvoiceFromQuote: { kind: 'down_payment', percentBasisPoints: 3000, serviceDate: '2026-11-20', propertyRelated: true },
};
