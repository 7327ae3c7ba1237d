import { and, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { buildSearchText } from '@libs/search';
import { calculateQuote, categoriesOfItems, checkLines, QuoteLineInput } from '../../../modules/finance/quotes/quote-lines.rules';
import { numberingYear } from '../../../modules/finance/quotes/quote.rules';
import type { QuoteRecipient } from '../../../modules/finance/quotes/quotes.schema';
import { formatNumber } from '../../../modules/finance/shared/number-format.rules';
import { financeSettings, quoteNumberCounters, quotes, quoteVersions, vatRates } from '../../schema';
import type { Seed } from '../seed-utils';
import { demoLead, DemoLead } from './crm.demo';
import { daysAgo, demoId, refuseInProduction } from './demo-data';
import { berlinDate } from '@libs/shared';

/** Projects 0–9 of the demo pipeline reached the quote: 8 and 9 wait for an answer, the older ones accepted (0–5 with the funding clause). */
const QUOTED = Array.from({ length: 10 }, (_, n) => n);
const text = (de: string, en: string) => ({ de, en });

function linesFor(lead: DemoLead): QuoteLineInput[] {
  const item = (de: string, en: string, quantity: string, unit: string, unitPriceCents: number, vatCategory: 'standard' | 'zero_pv', lineType: 'normal' | 'optional' = 'normal'): QuoteLineInput => ({
    kind: 'item', lineType, text: text(de, en), product: null, quantity, unit, unitPriceCents, discountCents: 0, vatCategory,
  });
  const floor = (Math.round(lead.livingAreaM2 / 2 * 1000) / 1000).toFixed(3);
  const lines: QuoteLineInput[] = [
    { kind: 'section', lineType: 'normal', text: text('Heizung', 'Heating'), product: null },
    item('Luft-Wasser-Wärmepumpe 9 kW inkl. Montage', 'Air-to-water heat pump 9 kW incl. installation', '1', 'piece', 1_450_000, 'standard'),
    item('Hydraulischer Abgleich', 'Hydraulic balancing', '1', 'flat', 89_000, 'standard'),
    item('Smart-Home-Modul', 'Smart home module', '1', 'piece', 39_900, 'standard', 'optional'),
    { kind: 'section', lineType: 'normal', text: text('Dämmung', 'Insulation'), product: null },
    item('Dämmung oberste Geschossdecke 24 cm', 'Top-floor ceiling insulation 24 cm', floor, 'm2', 4_850, 'standard'),
  ];
  if (lead.n % 2 === 0) {
    lines.push({ kind: 'section', lineType: 'normal', text: text('Photovoltaik', 'Photovoltaics'), product: null });
    lines.push(item('PV-Anlage 9,9 kWp inkl. Montage', 'PV system 9.9 kWp incl. installation', '9.9', 'kwp', 140_000, 'zero_pv'));
  }
  return lines;
}

/** Quotes of the demo projects that reached that stage: numbered from the year's counter, with totals from the seeded VAT rates. */
export const demoFinanceQuotesSeed: Seed = {
  key: 'demo.finance.quotes',
  description: `demo: ${QUOTED.length} quotes of the demo projects (sent, accepted with and without the funding clause)`,
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'quotes');
    const { db } = ctx;
    const leads = QUOTED.map((n) => demoLead(n));
    const quoteId = (lead: DemoLead) => demoId(`finance:quote:${lead.n}`);
    const existing = new Set((await db.select({ id: quotes.id }).from(quotes).where(inArray(quotes.id, leads.map(quoteId)))).map((q) => q.id));
    const missing = leads.filter((lead) => !existing.has(quoteId(lead)));
    if (missing.length === 0) return;
    const today = berlinDate(new Date());
    const rows = await db
      .select()
      .from(vatRates)
      .where(and(lte(vatRates.validFrom, today), or(isNull(vatRates.validTo), gte(vatRates.validTo, today))));
    const [settings] = await db.select({ format: financeSettings.quoteNumberFormat }).from(financeSettings).limit(1);
    const format = settings?.format ?? 'A-{YYYY}-{NNNNNN}';
    const year = numberingYear(new Date());
    const [counter] = await db
      .insert(quoteNumberCounters)
      .values({ series: format, year, lastValue: missing.length })
      .onConflictDoUpdate({ target: [quoteNumberCounters.series, quoteNumberCounters.year], set: { lastValue: sql`${quoteNumberCounters.lastValue} + ${missing.length}` } })
      .returning({ lastValue: quoteNumberCounters.lastValue });
    const first = counter.lastValue - missing.length + 1;

    for (const [index, lead] of missing.entries()) {
      const checked = checkLines(linesFor(lead));
      if (!checked.ok) throw new Error(`demo quote ${lead.n}: ${JSON.stringify(checked.errors)}`);
      const rates = categoriesOfItems(checked.lines).map((category) => {
        const row = rows.find((r) => r.category === category);
        if (!row) throw new Error(`demo quotes: no VAT rate of category ${category} is seeded`);
        return { category, rateBasisPoints: row.rateBasisPoints, vatRateId: row.id };
      });
      const calculated = calculateQuote(checked.lines, rates, today);
      const number = formatNumber(format, year, first + index);
      const accepted = lead.n < 8;
      const sentAt = daysAgo(40 - lead.n * 2);
      const acceptedAt = accepted ? daysAgo(30 - lead.n * 2) : null;
      const { person } = lead;
      const recipient: QuoteRecipient = {
        contactId: lead.contactId!, companyId: null, name: `${person.firstName} ${person.lastName}`, contactName: null,
        street: person.street, postalCode: person.postalCode, city: person.city, countryCode: 'DE', email: person.email,
      };
      const validUntil = berlinDate(new Date(sentAt.getTime() + 45 * 86_400_000));
      await db.insert(quotes).values({
        id: quoteId(lead), number, projectId: demoId(`projects:${lead.n}:project`), contactId: lead.contactId!, companyId: null,
        status: accepted ? 'accepted' : 'sent', revision: 1, language: 'de', validUntil,
        totalNetCents: calculated.totalNetCents, totalGrossCents: calculated.totalGrossCents, sentAt, acceptedAt,
        ownerId: lead.assigneeId, departmentId: lead.departmentId, createdAt: daysAgo(42 - lead.n * 2),
        searchText: buildSearchText([number, recipient.name, 'Wärmepumpe und Dämmung']),
      });
      await db.insert(quoteVersions).values({
        id: demoId(`finance:quote:${lead.n}:v1`), quoteId: quoteId(lead), revision: 1, status: accepted ? 'accepted' : 'sent', language: 'de', validUntil,
        recipient, subject: 'Wärmepumpe und Dämmung', notes: null, fundingClause: lead.n < 6, fundingProgramme: lead.n < 6 ? 'BEG EM (KfW 458)' : null,
        ...calculated, createdAt: daysAgo(42 - lead.n * 2), createdBy: lead.assigneeId, sentAt, sentBy: lead.assigneeId,
        ...(accepted ? { acceptedAt, acceptedByName: recipient.name, acceptanceMethod: 'signed_upload' as const, withFundingClause: lead.n < 6, answerRecordedBy: lead.assigneeId } : {}),
      });
    }
    ctx.log.info(`demo: ${missing.length} quotes (${formatNumber(format, year, first)} …)`);
  },
};
