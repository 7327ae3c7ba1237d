import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { buildSearchText } from '@libs/search';
import { downPaymentLines, finalInvoiceLines } from '../../../modules/finance/invoices/invoice-from-quote.rules';
import type { InvoiceLineInputDto } from '../../../modules/finance/invoices/invoice-line.dto';
import { amountDue, deductionOf, dueDateOf, legalNotes, missingLegalContent, paymentStatus } from '../../../modules/finance/invoices/invoice.rules';
import { sellerSnapshot } from '../../../modules/finance/invoices/invoice-finalisation.service';
import type { InvoiceKind, SellerSnapshot, StoredDeduction } from '../../../modules/finance/invoices/invoices.schema';
import { computeTotals, categoriesOf, lineNetCents } from '../../../modules/finance/shared/amounts.rules';
import { formatNumber } from '../../../modules/finance/shared/number-format.rules';
import { financeSettings, invoiceLines, invoiceNumberCounters, invoices, payments, quotes, quoteVersions, vatRates } from '../../schema';
import type { Database } from '@libs/db';
import type { Seed } from '../seed-utils';
import { demoLead, DemoLead } from './crm.demo';
import { daysAgo, demoId, refuseInProduction } from './demo-data';
import { berlinDate } from '@libs/shared';

/** Projects 0 and 1 (accepted quotes): a paid 30 % down payment and a partly paid final invoice deducting it; project 2: a draft down payment. */
const INVOICED = [0, 1] as const;
const DRAFTED = 2;

/** The demo organisation, written only when no settings row exists (an admin's settings are never touched). */
const DEMO_ORGANISATION = {
  legalName: 'Renewa Demo Energieberatung GmbH',
  street: 'Friedrich-Ebert-Straße 12',
  postalCode: '34117',
  city: 'Kassel',
  countryCode: 'DE',
  taxNumber: '026 123 45678',
  vatId: 'DE123456789',
  registerCourt: 'Amtsgericht Kassel',
  registerNumber: 'HRB 12345',
  managingDirectors: ['Maria Schulz'],
  email: 'rechnung@demo.renewa.de',
  phone: '+49 561 123450',
  website: 'https://demo.renewa.de',
  iban: 'DE02120300000000202051',
  bic: 'BYLADEM1001',
  bankName: 'Demo Bank',
  paymentTermsDays: 14,
  invoiceNumberFormat: 'RE-{YYYY}-{NNNNNN}',
  cancellationNumberFormat: 'ST-{YYYY}-{NNNNNN}',
  quoteNumberFormat: 'A-{YYYY}-{NNNNNN}',
};

interface Planned {
  id: string;
  kind: InvoiceKind;
  lead: DemoLead;
  quoteId: string;
  lines: InvoiceLineInputDto[];
  serviceDate: string;
  /** Issue date of a finalised invoice; null: stays a draft. */
  issueDate: string | null;
  /** Share of the amount due received, in basis points. */
  paidBasisPoints: number;
  createdAt: Date;
}

const dateOf = (date: Date) => berlinDate(date);

async function ratesOn(db: Database, day: string) {
  const rows = await db.select().from(vatRates).where(and(lte(vatRates.validFrom, day), or(isNull(vatRates.validTo), gte(vatRates.validTo, day))));
  return {
    applied: rows.map((r) => ({ category: r.category, rateBasisPoints: r.rateBasisPoints, vatRateId: r.id })),
    notes: Object.fromEntries(rows.map((r) => [r.category, r.invoiceNote])) as Record<string, string | null>,
  };
}

/** Whether the settings lack what §14(4) UStG needs of the supplier (the finalisation's own check, its `settings.*` findings). */
function sellerIncomplete(seller: SellerSnapshot): boolean {
  const complete = { recipientName: '-', recipientStreet: '-', recipientPostalCode: '-', recipientCity: '-', serviceDate: '2026-01-01', servicePeriodStart: null, servicePeriodEnd: null };
  const findings = missingLegalContent({ kind: 'final', seller, ...complete, recipientIsBusiness: false, propertyRelated: true, lines: [], grossCents: 100_000, vatBreakdown: [], vatNotes: {} });
  return findings.some((f) => f.path.startsWith('settings.'));
}

/**
 * Invoices of the demo projects with accepted quotes, made as the API makes them: a draft with its
 * lines, then finalised in one update (the immutability trigger allows leaving draft once) with
 * the number from the counter finalisation uses, so the gap-free series continues after the demo.
 */
export const demoFinanceInvoicesSeed: Seed = {
  key: 'demo.finance.invoices',
  description: 'demo: organisation settings (if none), down payment and final invoices of two accepted quotes with payments, one draft',
  demo: true,
  run: async (ctx) => {
    refuseInProduction(ctx, 'invoices');
    const { db } = ctx;
    await db.insert(financeSettings).values({ singleton: true, ...DEMO_ORGANISATION }).onConflictDoNothing({ target: financeSettings.singleton });
    const [settings] = await db.select().from(financeSettings).where(eq(financeSettings.singleton, true));
    const seller = sellerSnapshot(settings);

    const plans: Planned[] = [];
    for (const n of [...INVOICED, DRAFTED]) {
      const lead = demoLead(n);
      const quoteId = demoId(`finance:quote:${n}`);
      const [version] = await db
        .select({ lines: quoteVersions.lines, totals: quoteVersions.totals, number: quotes.number, totalGrossCents: quoteVersions.totalGrossCents, status: quotes.status })
        .from(quoteVersions)
        .innerJoin(quotes, eq(quotes.id, quoteVersions.quoteId))
        .where(and(eq(quoteVersions.quoteId, quoteId), eq(quoteVersions.revision, 1)));
      if (!version || version.status !== 'accepted') throw new Error(`demo invoices: quote ${n} is not an accepted demo quote`);
      const downPayment = downPaymentLines({ number: version.number!, totals: version.totals, totalGrossCents: version.totalGrossCents }, { percentBasisPoints: 3000 });
      const base = { lead, quoteId, createdAt: daysAgo(26 - n * 2) };
      if (n === DRAFTED) {
        plans.push({ ...base, id: demoId(`finance:invoice:${n}:down-payment`), kind: 'down_payment', lines: downPayment, serviceDate: dateOf(daysAgo(3)), issueDate: null, paidBasisPoints: 0 });
        continue;
      }
      plans.push({ ...base, id: demoId(`finance:invoice:${n}:down-payment`), kind: 'down_payment', lines: downPayment, serviceDate: dateOf(daysAgo(24 - n * 2)), issueDate: dateOf(daysAgo(24 - n * 2)), paidBasisPoints: 10_000 });
      plans.push({ ...base, id: demoId(`finance:invoice:${n}:final`), kind: 'final', lines: finalInvoiceLines(version.lines), serviceDate: dateOf(daysAgo(6 - n)), issueDate: dateOf(daysAgo(5 - n)), paidBasisPoints: 5000, createdAt: daysAgo(6 - n) });
    }

    const existing = new Set((await db.select({ id: invoices.id }).from(invoices).where(inArray(invoices.id, plans.map((p) => p.id)))).map((r) => r.id));
    if (existing.size === plans.length) return;
    if (existing.size > 0) throw new Error(`demo invoices: only ${existing.size} of ${plans.length} exist; the demo seed runs in one transaction, so this database was changed by hand`);
    if (sellerIncomplete(seller)) {
      ctx.log.warn('demo: no invoices — the organisation settings lack the supplier data §14(4) UStG requires');
      return;
    }

    // Finalised in the order of their issue dates, so the serials follow the dates.
    const ordered = [...plans].sort((a, b) => (a.issueDate ?? '9999').localeCompare(b.issueDate ?? '9999') || a.id.localeCompare(b.id));
    const deductionsByProject = new Map<string, StoredDeduction[]>();
    const numbers: string[] = [];
    for (const plan of ordered) {
      const { lead } = plan;
      const projectId = demoId(`projects:${lead.n}:project`);
      const rates = await ratesOn(db, plan.serviceDate);
      const categories = categoriesOf(plan.lines.map((l) => ({ vatCategory: l.vatCategory! })));
      const totals = computeTotals(plan.lines.map((l) => ({ quantity: l.quantity, unitPriceCents: l.unitPriceCents!, discountCents: l.discountCents ?? 0, vatCategory: l.vatCategory! })), rates.applied.filter((r) => categories.includes(r.category)));
      const deductions = plan.kind === 'final' ? (deductionsByProject.get(projectId) ?? []) : [];
      const { prepaidCents, amountDueCents } = amountDue(totals.grossCents, deductions);
      const { person } = lead;
      const recipientName = `${person.firstName} ${person.lastName}`;
      const subject = plan.kind === 'final' ? 'Schlussrechnung Wärmepumpe und Dämmung' : 'Abschlagsrechnung Wärmepumpe und Dämmung';
      const inserted = await db
        .insert(invoices)
        .values({
          id: plan.id, kind: plan.kind, status: 'draft', language: 'de', projectId, contactId: lead.contactId!, quoteId: plan.quoteId,
          recipientName, recipientStreet: person.street, recipientPostalCode: person.postalCode, recipientCity: person.city, recipientCountryCode: 'DE',
          recipientIsBusiness: false, propertyRelated: true, subject, serviceDate: plan.serviceDate,
          paymentTermsDays: settings.paymentTermsDays, paymentTermsText: settings.paymentTermsText,
          vatBreakdown: totals.perRate, deductions, netCents: totals.netCents, taxCents: totals.taxCents, grossCents: totals.grossCents, prepaidCents, amountDueCents,
          ownerId: lead.assigneeId, departmentId: lead.departmentId, createdAt: plan.createdAt,
          searchText: buildSearchText([recipientName, subject]),
        })
        .onConflictDoNothing()
        .returning({ id: invoices.id });
      if (inserted.length === 0) continue;
      const rateOf = new Map(totals.perRate.map((r) => [r.vatCategory, r]));
      await db.insert(invoiceLines).values(
        plan.lines.map((line, i) => ({
          id: demoId(`finance:invoice-line:${plan.id}:${i + 1}`), invoiceId: plan.id, position: i + 1, productId: null, sku: null, text: line.text!, description: line.description ?? null,
          quantity: line.quantity, unit: line.unit!, unitPriceCents: line.unitPriceCents!, discountCents: line.discountCents ?? 0, vatCategory: line.vatCategory!,
          vatRateBasisPoints: rateOf.get(line.vatCategory!)!.rateBasisPoints, vatRateId: rateOf.get(line.vatCategory!)!.vatRateId,
          netCents: lineNetCents({ quantity: line.quantity, unitPriceCents: line.unitPriceCents!, discountCents: line.discountCents ?? 0 }), createdAt: plan.createdAt,
        })),
      ).onConflictDoNothing();
      if (!plan.issueDate) continue;

      const missing = missingLegalContent({
        kind: plan.kind, seller, recipientName, recipientStreet: person.street, recipientPostalCode: person.postalCode, recipientCity: person.city,
        recipientIsBusiness: false, propertyRelated: true, serviceDate: plan.serviceDate, servicePeriodStart: null, servicePeriodEnd: null,
        lines: plan.lines.map((l) => ({ text: l.text ?? null, quantity: l.quantity, unit: l.unit ?? null, vatCategory: l.vatCategory! })),
        grossCents: totals.grossCents, vatBreakdown: totals.perRate, vatNotes: rates.notes,
      });
      if (missing.length) throw new Error(`demo invoice ${plan.id}: ${JSON.stringify(missing)}`);
      const format = settings.invoiceNumberFormat;
      const year = Number(plan.issueDate.slice(0, 4));
      const [counter] = await db
        .insert(invoiceNumberCounters)
        .values({ series: format, year, lastValue: 1 })
        .onConflictDoUpdate({ target: [invoiceNumberCounters.series, invoiceNumberCounters.year], set: { lastValue: sql`${invoiceNumberCounters.lastValue} + 1` } })
        .returning({ lastValue: invoiceNumberCounters.lastValue });
      const number = formatNumber(format, year, counter.lastValue);
      numbers.push(number);
      const dueDate = dueDateOf(plan.issueDate, settings.paymentTermsDays);
      const paidCents = Math.round((amountDueCents * plan.paidBasisPoints) / 10_000);
      const paidOn = dateOf(new Date(Date.parse(`${plan.issueDate}T12:00:00Z`) + (plan.kind === 'final' ? 2 : 7) * 86_400_000));
      const finalisedAt = new Date(`${plan.issueDate}T09:00:00Z`);
      const sentAt = new Date(`${plan.issueDate}T09:05:00Z`);
      const status = paymentStatus({ status: 'finalised', amountDueCents, paidCents, sentAt, dueDate, today: berlinDate() });
      await db
        .update(invoices)
        .set({
          status, number, series: format, fiscalYear: year, serial: counter.lastValue, issueDate: plan.issueDate, dueDate, seller,
          legalNotes: legalNotes({ recipientIsBusiness: false, propertyRelated: true, categories: totals.perRate.map((r) => r.vatCategory), vatNotes: rates.notes, language: 'de' }),
          finalisedAt, sentAt, paidCents, paidAt: status === 'paid' ? new Date(`${paidOn}T10:00:00Z`) : null,
          searchText: buildSearchText([number, recipientName, subject]),
        })
        .where(and(eq(invoices.id, plan.id), eq(invoices.status, 'draft')));
      if (paidCents > 0) {
        await db.insert(payments).values({
          id: demoId(`finance:payment:${plan.id}`), invoiceId: plan.id, amountCents: paidCents, paidOn, method: 'bank_transfer', reference: number,
          ownerId: lead.assigneeId, departmentId: lead.departmentId, createdAt: new Date(`${paidOn}T10:00:00Z`), searchText: buildSearchText([number, recipientName]),
        }).onConflictDoNothing();
      }
      if (plan.kind === 'down_payment') {
        const deduction = deductionOf({ id: plan.id, number, issueDate: plan.issueDate, vatBreakdown: totals.perRate, grossCents: totals.grossCents, paidCents });
        deductionsByProject.set(projectId, [...(deductionsByProject.get(projectId) ?? []), deduction]);
      }
    }
    ctx.log.info(`demo: ${plans.length} invoices (${numbers.join(', ')} and a draft)`);
  },
};
