import type { PdfKind, PdfLanguage, PdfLetterhead } from './pdf-data';

/**
 * The seeded templates: Liquid blocks per kind and language. Values are escaped on output and
 * `**text**` marks bold; filters: `day` (a date in the document's language) and `money` (cents).
 * A block the layout does not find is left out; legal notes print only when the data names them.
 */
export type TemplateBlocks = Record<string, string>;

export const DEFAULT_LETTERHEAD: PdfLetterhead = {
  name: 'Renewa Energieberatung GmbH',
  street: 'Sonnenstraße 12',
  postalCode: '80331',
  city: 'München',
  countryCode: 'DE',
  phone: '+49 89 1234567-0',
  email: 'info@renewa.example',
  website: 'www.renewa.example',
  vatId: 'DE123456789',
  taxNumber: '143/123/45678',
  register: 'Amtsgericht München HRB 123456',
  managingDirectors: 'Dipl.-Ing. Anna Beispiel',
  bank: { name: 'Stadtsparkasse München', iban: 'DE02 7015 0000 0000 1234 56', bic: 'SSKMDEMMXXX' },
};

const LEGAL_DE = {
  note_retention:
    'Sie sind als Leistungsempfänger verpflichtet, diese Rechnung zwei Jahre lang aufzubewahren (§ 14 Abs. 4 Satz 1 Nr. 9 i. V. m. § 14b Abs. 1 Satz 5 UStG). Die Frist beginnt mit dem Ende des Kalenderjahres, in dem die Rechnung ausgestellt wurde.',
  note_vat_zero_rate:
    'Nullsteuersatz nach § 12 Abs. 3 UStG für die Lieferung und Installation einer Photovoltaikanlage einschließlich Stromspeicher auf oder in der Nähe eines Wohngebäudes.',
  note_funding_clause:
    'Die Maßnahme ist Gegenstand einer Förderung ({{ funding.programme }}{% if funding.applicationNumber %}, Antrag {{ funding.applicationNumber }}{% endif %}). Mit der Umsetzung darf erst nach Antragstellung begonnen werden; maßgeblich sind die Bedingungen des Zuwendungsbescheids.',
  note_small_business: 'Gemäß § 19 UStG wird keine Umsatzsteuer berechnet (Kleinunternehmerregelung).',
};

const LEGAL_EN = {
  note_retention:
    'As the recipient of this service you are required to keep this invoice for two years (Section 14(4) sentence 1 no. 9 and Section 14b(1) sentence 5 German VAT Act). The period begins at the end of the calendar year in which the invoice was issued.',
  note_vat_zero_rate:
    'Zero VAT rate under Section 12(3) German VAT Act (UStG) for the supply and installation of a photovoltaic system including battery storage on or near a residential building.',
  note_funding_clause:
    'This measure is subject to funding ({{ funding.programme }}{% if funding.applicationNumber %}, application {{ funding.applicationNumber }}{% endif %}). Work may only begin after the application has been filed; the terms of the funding notice apply.',
  note_small_business: 'No VAT is charged under Section 19 German VAT Act (small business scheme).',
};

const SIGN_DE = { signoff: 'Mit freundlichen Grüßen', signature: '{{ letterhead.name }}' };
const SIGN_EN = { signoff: 'Kind regards', signature: '{{ letterhead.name }}' };

export const DEFAULT_TEMPLATE_BLOCKS: Record<PdfKind, Record<PdfLanguage, TemplateBlocks>> = {
  quote: {
    de: {
      subject: 'Angebot Nr. {{ number }}{% if subject %} – {{ subject }}{% endif %}',
      salutation: 'Sehr geehrte Damen und Herren,',
      intro: 'vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen die folgenden Leistungen an:',
      closing: 'Dieses Angebot ist gültig bis zum **{{ validUntil | day }}**. Wir freuen uns auf Ihren Auftrag und stehen für Rückfragen gerne zur Verfügung.',
      ...SIGN_DE,
      ...LEGAL_DE,
    },
    en: {
      subject: 'Quote no. {{ number }}{% if subject %} – {{ subject }}{% endif %}',
      salutation: 'Dear Sir or Madam,',
      intro: 'Thank you for your enquiry. We are pleased to offer the following services:',
      closing: 'This quote is valid until **{{ validUntil | day }}**. We look forward to your order and will be glad to answer any questions.',
      ...SIGN_EN,
      ...LEGAL_EN,
    },
  },
  invoice: {
    de: {
      subject: 'Rechnung Nr. {{ number }}{% if subject %} – {{ subject }}{% endif %}',
      salutation: 'Sehr geehrte Damen und Herren,',
      intro:
        'für die erbrachten Leistungen{% if servicePeriod %} im Zeitraum {{ servicePeriod.from | day }} bis {{ servicePeriod.to | day }}{% elsif serviceDate %} (Leistungsdatum {{ serviceDate | day }}){% endif %} berechnen wir Ihnen{% if quoteNumber %} gemäß unserem Angebot Nr. {{ quoteNumber }}{% endif %}:',
      closing: 'Bitte überweisen Sie den Rechnungsbetrag von **{{ totals.grossCents | money }}** bis zum **{{ dueDate | day }}** unter Angabe der Rechnungsnummer {{ number }}.',
      ...SIGN_DE,
      ...LEGAL_DE,
    },
    en: {
      subject: 'Invoice no. {{ number }}{% if subject %} – {{ subject }}{% endif %}',
      salutation: 'Dear Sir or Madam,',
      intro:
        'For the services rendered{% if servicePeriod %} from {{ servicePeriod.from | day }} to {{ servicePeriod.to | day }}{% elsif serviceDate %} (date of service {{ serviceDate | day }}){% endif %} we invoice you{% if quoteNumber %} in accordance with our quote no. {{ quoteNumber }}{% endif %}:',
      closing: 'Please transfer the invoice amount of **{{ totals.grossCents | money }}** by **{{ dueDate | day }}**, quoting invoice number {{ number }}.',
      ...SIGN_EN,
      ...LEGAL_EN,
    },
  },
  cancellation: {
    de: {
      subject: 'Stornorechnung Nr. {{ number }} zur Rechnung Nr. {{ cancelledInvoiceNumber }}',
      salutation: 'Sehr geehrte Damen und Herren,',
      intro: 'hiermit stornieren wir unsere Rechnung Nr. {{ cancelledInvoiceNumber }} vom {{ cancelledInvoiceDate | day }} in voller Höhe:',
      closing: 'Bereits gezahlte Beträge erstatten wir Ihnen auf das uns bekannte Konto.',
      ...SIGN_DE,
      ...LEGAL_DE,
    },
    en: {
      subject: 'Cancellation invoice no. {{ number }} for invoice no. {{ cancelledInvoiceNumber }}',
      salutation: 'Dear Sir or Madam,',
      intro: 'We hereby cancel our invoice no. {{ cancelledInvoiceNumber }} of {{ cancelledInvoiceDate | day }} in full:',
      closing: 'Any amounts already paid will be refunded to the account known to us.',
      ...SIGN_EN,
      ...LEGAL_EN,
    },
  },
  letter: {
    de: { subject: '{{ subject }}', salutation: 'Sehr geehrte Damen und Herren,', body: '{{ body }}', signoff: 'Mit freundlichen Grüßen', signature: '{% if signatory %}{{ signatory }}{% else %}{{ letterhead.name }}{% endif %}' },
    en: { subject: '{{ subject }}', salutation: 'Dear Sir or Madam,', body: '{{ body }}', signoff: 'Kind regards', signature: '{% if signatory %}{{ signatory }}{% else %}{{ letterhead.name }}{% endif %}' },
  },
  document_request: {
    de: {
      subject: 'Bitte um Unterlagen für Ihre Energieberatung',
      salutation: 'Sehr geehrte Damen und Herren,',
      intro: 'für Ihre Energieberatung benötigen wir die folgenden Unterlagen. Bitte laden Sie diese bis zum **{{ dueDate | day }}** über Ihren persönlichen Link hoch:',
      link: '{{ uploadUrl }}',
      closing: 'Pflichtangaben sind mit * gekennzeichnet. Der Link ist nur für Sie bestimmt; bitte geben Sie ihn nicht weiter.',
      ...SIGN_DE,
    },
    en: {
      subject: 'Request for documents for your energy consultation',
      salutation: 'Dear Sir or Madam,',
      intro: 'For your energy consultation we need the following documents. Please upload them by **{{ dueDate | day }}** using your personal link:',
      link: '{{ uploadUrl }}',
      closing: 'Required items are marked with *. The link is meant for you only; please do not pass it on.',
      ...SIGN_EN,
    },
  },
  appointment_confirmation: {
    de: {
      subject: 'Terminbestätigung: {{ purpose }}',
      salutation: 'Sehr geehrte Damen und Herren,',
      intro: 'hiermit bestätigen wir Ihnen den folgenden Termin:',
      closing: 'Bitte halten Sie vorhandene Unterlagen (Grundrisse, Energieabrechnungen, Energieausweis) bereit. Sollten Sie verhindert sein, geben Sie uns bitte mindestens 24 Stunden vorher Bescheid.',
      ...SIGN_DE,
    },
    en: {
      subject: 'Appointment confirmation: {{ purpose }}',
      salutation: 'Dear Sir or Madam,',
      intro: 'We hereby confirm the following appointment:',
      closing: 'Please have any documents you have (floor plans, energy bills, energy certificate) ready. If you cannot attend, please let us know at least 24 hours in advance.',
      ...SIGN_EN,
    },
  },
  isfp_cover: {
    de: {
      title: 'Individueller Sanierungsfahrplan (iSFP)',
      subtitle: 'für das Gebäude {{ buildingAddress }}',
      prepared_for: 'Erstellt für {{ recipient.name }}',
      prepared_by: 'Erstellt von {{ consultant }}{% if consultantNumber %} (Energieeffizienz-Expertenliste Nr. {{ consultantNumber }}){% endif %}',
      date_line: 'Stand: {{ documentDate | day }}',
      disclaimer: 'Gefördert durch das Bundesministerium für Wirtschaft und Energie im Rahmen der Bundesförderung für Energieberatung für Wohngebäude.',
    },
    en: {
      title: 'Individual renovation roadmap (iSFP)',
      subtitle: 'for the building at {{ buildingAddress }}',
      prepared_for: 'Prepared for {{ recipient.name }}',
      prepared_by: 'Prepared by {{ consultant }}{% if consultantNumber %} (federal expert list no. {{ consultantNumber }}){% endif %}',
      date_line: 'As of {{ documentDate | day }}',
      disclaimer: 'Funded by the Federal Ministry for Economic Affairs and Energy under the federal funding for energy consulting for residential buildings.',
    },
  },
};
