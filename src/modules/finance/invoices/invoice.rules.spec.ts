import { amountDue, deductionOf, dueDateOf, finalInvoiceDeadline, finalInvoiceNoticeCutoff, LegalCheckInput, missingLegalContent, paymentStatus } from './invoice.rules';

const seller = { legalName: 'Renewa GmbH', street: 'Sonnenstraße 12', postalCode: '80331', city: 'München', taxNumber: '143/123/45678', vatId: null };
const complete: LegalCheckInput = {
  kind: 'standalone',
  seller,
  recipientName: 'Petra Kühn',
  recipientStreet: 'Lindenallee 23',
  recipientPostalCode: '34128',
  recipientCity: 'Kassel',
  recipientIsBusiness: false,
  propertyRelated: true,
  serviceDate: '2026-11-20',
  servicePeriodStart: null,
  servicePeriodEnd: null,
  lines: [{ text: { de: 'Energieberatung', en: 'Energy consultation' }, quantity: '1', unit: 'flat', vatCategory: 'standard' }],
  grossCents: 196_350,
  vatBreakdown: [{ vatCategory: 'standard', rateBasisPoints: 1900 }],
  vatNotes: {},
};

describe('invoice rules', () => {
  it('passes a complete invoice and lists each missing §14(4) item', () => {
    expect(missingLegalContent(complete)).toEqual([]);
    const paths = missingLegalContent({ ...complete, seller: { ...seller, taxNumber: null }, recipientCity: null, serviceDate: null, propertyRelated: null }).map((e) => e.path);
    expect(paths).toEqual(['settings.taxNumber', 'recipient.address', 'serviceDate', 'propertyRelated']);
  });

  it('accepts a service period instead of a date, and B2B without the property question', () => {
    expect(missingLegalContent({ ...complete, serviceDate: null, servicePeriodStart: '2026-11-01', servicePeriodEnd: '2026-11-30' })).toEqual([]);
    expect(missingLegalContent({ ...complete, recipientIsBusiness: true, propertyRelated: null })).toEqual([]);
  });

  it('needs the §12(3) note for 0 % PV lines', () => {
    const pv = { ...complete, vatBreakdown: [{ vatCategory: 'zero_pv' as const, rateBasisPoints: 0 }] };
    expect(missingLegalContent(pv).map((e) => e.message)).toEqual([expect.stringContaining('§12(3)')]);
    expect(missingLegalContent({ ...pv, vatNotes: { zero_pv: 'Steuersatz 0 % gemäß § 12 Abs. 3 UStG' } })).toEqual([]);
  });

  it('asks less of small invoices up to €250 gross (§33 UStDV)', () => {
    const small = { ...complete, grossCents: 25_000, recipientName: null, recipientStreet: null, serviceDate: null, propertyRelated: null, seller: { ...seller, taxNumber: null } };
    expect(missingLegalContent(small)).toEqual([]);
    expect(missingLegalContent({ ...small, grossCents: 25_001 }).length).toBeGreaterThan(0);
    expect(missingLegalContent({ ...small, seller: { ...seller, legalName: '' } }).map((e) => e.path)).toEqual(['settings.legalName']);
  });

  it('derives the payment status', () => {
    const base = { status: 'finalised' as const, amountDueCents: 1000, sentAt: null, dueDate: '2026-12-15', today: '2026-12-01' };
    expect(paymentStatus({ ...base, paidCents: 0 })).toBe('finalised');
    expect(paymentStatus({ ...base, paidCents: 0, sentAt: new Date() })).toBe('sent');
    expect(paymentStatus({ ...base, paidCents: 400 })).toBe('partially_paid');
    expect(paymentStatus({ ...base, paidCents: 1000 })).toBe('paid');
    expect(paymentStatus({ ...base, paidCents: 1500 })).toBe('paid');
    expect(paymentStatus({ ...base, paidCents: 400, today: '2026-12-16' })).toBe('overdue');
    expect(paymentStatus({ ...base, status: 'cancelled', paidCents: 1000 })).toBe('cancelled');
  });

  it('deducts a partly paid down payment proportionally per rate, net and tax at each rate', () => {
    const downPayment = {
      id: 'd',
      number: 'RE-1',
      issueDate: '2026-10-01',
      vatBreakdown: [
        { vatCategory: 'standard' as const, rateBasisPoints: 1900, vatRateId: 's', netCents: 100_000, taxCents: 19_000 },
        { vatCategory: 'zero_pv' as const, rateBasisPoints: 0, vatRateId: 'z', netCents: 81_000, taxCents: 0 },
      ],
      grossCents: 200_000,
      paidCents: 100_000,
    };
    const deduction = deductionOf(downPayment);
    expect(deduction.grossCents).toBe(100_000);
    expect(deduction.perRate).toEqual([
      { vatCategory: 'standard', rateBasisPoints: 1900, netCents: 50_000, taxCents: 9_500 },
      { vatCategory: 'zero_pv', rateBasisPoints: 0, netCents: 40_500, taxCents: 0 },
    ]);
    expect(deductionOf({ ...downPayment, paidCents: 250_000 }).perRate[0]).toEqual({ vatCategory: 'standard', rateBasisPoints: 1900, netCents: 100_000, taxCents: 19_000 });
    expect(amountDue(500_000, [deduction])).toEqual({ prepaidCents: 100_000, amountDueCents: 400_000 });
  });

  it('counts dates in calendar days and months', () => {
    expect(dueDateOf('2026-12-20', 14)).toBe('2027-01-03');
    expect(finalInvoiceNoticeCutoff('2026-06-10')).toBe('2026-01-10');
    expect(finalInvoiceDeadline('2026-08-31')).toBe('2027-02-28');
  });
});
