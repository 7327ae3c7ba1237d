import type { PdfLegalNote, PdfLetterhead, PdfLine, QuotePdfData } from '../../documents';
import type { FinanceSettings } from '../settings/finance-settings.schema';
import type { Quote, QuoteVersion, StoredQuoteLine } from './quotes.schema';

const UNIT_LABELS: Record<string, { de: string; en: string }> = {
  piece: { de: 'Stk', en: 'pc' },
  hour: { de: 'h', en: 'h' },
  m2: { de: 'm²', en: 'm²' },
  m: { de: 'm', en: 'm' },
  kwp: { de: 'kWp', en: 'kWp' },
  flat: { de: 'pauschal', en: 'flat' },
};

const LINE_TYPE_LABELS = {
  optional: { de: 'Optional', en: 'Optional' },
  alternative: { de: 'Alternative', en: 'Alternative' },
} as const;
const NOT_SUMMED_NOTE = {
  de: 'Optionale und alternative Positionen sind nicht in der Summe enthalten.',
  en: 'Optional and alternative items are not included in the total.',
};

const DEFAULT_FUNDING_PROGRAMME = { de: 'Bundesförderung für effiziente Gebäude (BEG)', en: 'Federal funding for efficient buildings (BEG)' };
const VERSION_LABEL = { de: 'Version', en: 'version' };

/**
 * The data of a version's PDF in its language. Section titles lead the first item below them
 * (the template's table has no title rows); optional and alternative items are marked, and a note
 * says they are not summed.
 * The §12(3) note is printed when an item carries the PV zero rate, the funding clause when offered.
 */
export function quotePdfData(input: { quote: Quote; version: QuoteVersion; documentDate: string; projectNumber: string | null; settings: FinanceSettings | null }): QuotePdfData {
  const { quote, version } = input;
  const language = version.language;
  const rateOf = new Map(version.totals.rates.map((r) => [r.vatCategory, r.rateBasisPoints]));
  const lines: PdfLine[] = [];
  let section: string | null = null;
  for (const line of version.lines) {
    if (line.kind === 'section') {
      section = line.text[language];
      continue;
    }
    lines.push(pdfLine(line, language, section, rateOf));
    section = null;
  }
  const legalNotes: PdfLegalNote[] = [];
  if (version.lines.some((l) => l.kind === 'item' && l.vatCategory === 'zero_pv')) legalNotes.push('vat_zero_rate');
  if (version.fundingClause) legalNotes.push('funding_clause');
  const subject = version.subject ?? null;
  return {
    documentDate: input.documentDate,
    number: quote.number,
    validUntil: version.validUntil,
    recipient: {
      name: version.recipient.name,
      addition: version.recipient.contactName,
      street: version.recipient.street ?? '',
      postalCode: version.recipient.postalCode ?? '',
      city: version.recipient.city ?? '',
      countryCode: version.recipient.countryCode,
    },
    projectReference: input.projectNumber,
    subject: version.revision > 1 ? `${subject ?? quote.number} (${VERSION_LABEL[language]} ${version.revision})` : subject,
    lines,
    totals: {
      netCents: version.totalNetCents,
      vatCents: version.totalTaxCents,
      grossCents: version.totalGrossCents,
      perRate: version.totals.perRate.map((r) => ({ rateBasisPoints: r.rateBasisPoints, netCents: r.netCents, vatCents: r.taxCents })),
    },
    currency: 'EUR',
    legalNotes,
    notes: [...(version.lines.some((l) => l.kind === 'item' && l.lineType !== 'normal') ? [NOT_SUMMED_NOTE[language]] : []), ...(version.notes ? [version.notes] : [])],
    letterhead: letterheadOf(input.settings),
    funding: version.fundingClause ? { programme: version.fundingProgramme ?? DEFAULT_FUNDING_PROGRAMME[language], applicationNumber: null } : null,
  };
}

function pdfLine(line: StoredQuoteLine, language: 'de' | 'en', section: string | null, rateOf: Map<string, number>): PdfLine {
  const text = line.lineType === 'normal' ? line.text[language] : `${LINE_TYPE_LABELS[line.lineType][language]}: ${line.text[language]}`;
  return {
    position: line.position,
    description: section ? `${section}\n${text}` : text,
    quantity: line.quantity ?? '0',
    unit: UNIT_LABELS[line.unit ?? '']?.[language] ?? line.unit ?? '',
    unitPriceCents: line.unitPriceCents ?? 0,
    netCents: line.netCents ?? 0,
    vatRateBasisPoints: rateOf.get(line.vatCategory ?? '') ?? 0,
  };
}

/** The organisation's letterhead once its settings name it; until then the template's own. */
function letterheadOf(settings: FinanceSettings | null): PdfLetterhead | undefined {
  if (!settings?.legalName || !settings.street || !settings.postalCode || !settings.city) return undefined;
  const register = [settings.registerCourt, settings.registerNumber].filter(Boolean).join(' ');
  return {
    name: settings.legalName,
    street: settings.street,
    postalCode: settings.postalCode,
    city: settings.city,
    countryCode: settings.countryCode,
    phone: settings.phone,
    email: settings.email,
    website: settings.website,
    vatId: settings.vatId,
    taxNumber: settings.taxNumber,
    register: register || null,
    managingDirectors: settings.managingDirectors.length ? settings.managingDirectors.join(', ') : null,
    bank: settings.iban && settings.bankName ? { name: settings.bankName, iban: settings.iban, bic: settings.bic } : null,
  };
}
