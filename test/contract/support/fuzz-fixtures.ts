import { Client } from 'pg';
import type { BodyPayload } from './arbitraries';
import type { FuzzFixtures } from './anchors';
import type { FuzzContext } from './fuzz-context';
import { seedUuid } from '../../../src/db/seeds/seed-utils';
import { insertSalesDepartmentProject } from './projects-fixture';
import { insertWorkingHoursForEveryone } from './scheduling-fixture';

/**
 * What the fuzz run cannot derive from the document, each with its reason. Keep it short: every
 * other operation succeeds from its documented example and the records seeded before it
 * (support/anchors.ts). Keyed by operation id.
 */

export const EXAMPLE_BODIES: Record<string, (ctx: FuzzContext) => BodyPayload> = {
  // No document can hold a working password: sign in as the fuzzing user.
  login: (ctx) => ({ json: { email: ctx.session?.credentials.email, password: ctx.session?.credentials.password } }),
  // The body is documented as a binary string (a CSV file): one row with the one required column.
  importLeads: () => ({ raw: 'source,last_name\r\nphone,Beispiel\r\n', contentType: 'text/csv' }),
  // A multipart upload cannot be generated from the schema: one small PDF as the part `file`.
  uploadFile: () => ({
    raw: ['--fuzz-boundary', 'Content-Disposition: form-data; name="file"; filename="Plan.pdf"', 'Content-Type: application/pdf', '', '%PDF-1.4', '%%EOF', '--fuzz-boundary--', ''].join('\r\n'),
    contentType: 'multipart/form-data; boundary=fuzz-boundary',
  }),
  // The customer portal's upload: the same multipart body.
  uploadPortalItem: () => ({
    raw: ['--fuzz-boundary', 'Content-Disposition: form-data; name="file"; filename="Grundriss.pdf"', 'Content-Type: application/pdf', '', '%PDF-1.4', '%%EOF', '--fuzz-boundary--', ''].join('\r\n'),
    contentType: 'multipart/form-data; boundary=fuzz-boundary',
  }),
  // The example's scenarioId and measureId come from separate pools and need not belong together
  // (a measure of another scenario is a 422): a plain calculation, and a stored one of the newest
  // scenario with an extra measure (the newest scenario may have none yet).
  calculateFunding: () => ({ json: { date: '2026-10-15', household: { ownerOccupied: true }, building: { units: 2, ownerOccupiedUnits: 1 }, measures: [{ kind: 'heat_pump_air', costCents: 4_100_000 }] } }),
  // Likewise the example's scenarioId and measureIds: an application of the newest project without measures.
  createFundingApplication: (ctx) => {
    const op = ctx.operations.find((o) => o.id === 'createFundingApplication')!;
    const [projectId] = ctx.ids.fieldCandidates(op, 'projectId');
    const [programId] = ctx.ids.fieldCandidates(op, 'programId');
    return { json: { projectId, programId, title: 'Heizungstausch KfW 458', bzaId: 'BZA-2026-0001' } };
  },
  storeFundingCalculation: (ctx) => {
    const op = ctx.operations.find((o) => o.id === 'storeFundingCalculation')!;
    return { json: { date: '2026-10-15', household: { ownerOccupied: true }, scenarioId: ctx.ids.fieldCandidates(op, 'scenarioId')[0], measures: [{ kind: 'heat_pump_air', costCents: 4_100_000 }] } };
  },
};

/** Fixture records and state; `adminUrl`: superuser URL of the test database (for state no operation creates). */
export function fuzzFixtures(adminUrl: string): FuzzFixtures {
  return {
    before: async () => {
      await insertDeadLetter(adminUrl);
      await insertWorkflowRuns(adminUrl);
      await insertSalesDepartmentProject(adminUrl);
      await insertWorkingHoursForEveryone(adminUrl);
      await insertCatalogueProduct(adminUrl);
      await insertFinalisedInvoices(adminUrl);
    },
    records: [
      // Only qualified leads can be converted; the bare example creates a `new` one.
      { operationId: 'createLead', body: { status: 'qualified' } },
      // A presentable scenario: a fresh one whose only measure gives its resulting U-value (the bare
      // measure example names a wall but neither new layers nor a target U-value). A further empty
      // scenario after it takes the measures later anchors add to the newest scenario.
      { operationId: 'createScenario', body: {} },
      { operationId: 'createMeasure', body: { targetUValue: 0.2 } },
      { operationId: 'createScenario', body: {} },
      // A KfW 458 application last (the newest is used first): checklist keys such as `approval`
      // belong to a programme, and the pool's programme could be one without a checklist.
      { operationId: 'createFundingApplication', body: { programId: seedUuid('fundingPrograms', 'kfw_458'), scenarioId: null, measureIds: [] } },
      // A second upload: the fresh document deleted for the restore needs a file no document uses yet.
      { operationId: 'uploadFile', body: {} },
      // Appointments: a second booking from the same example would double-book its consultant (409),
      // so the fresh records the delete and the restore take need the example's time free again —
      // cancel the first one — and later anchors an open appointment: one at another time.
      { operationId: 'changeAppointmentStatus', body: { status: 'cancelled', reason: 'frees the example time for the fresh records' } },
      { operationId: 'createAppointment', body: { startsAt: '2030-03-07T09:00:00.000Z', endsAt: '2030-03-07T10:30:00.000Z' } },
      // The portal's token exists only in the answer of issuing a link, its item ids only in the
      // public checklist; staff can accept or reject only an uploaded item. So: a link, the
      // checklist, one upload — before the revoke (a delete) or a re-issue could end that link.
      { operationId: 'issueDocumentRequestLink', body: {} },
      { operationId: 'getPortalChecklist', body: {} },
      { operationId: 'uploadPortalItem', body: {} },
      // Sent quotes for the PATCH (a new version), accept and reject anchors: a quote is sent only
      // to a recipient with an address, which the bare contact example lacks.
      { operationId: 'createContact', body: { address: { street: 'Quellenweg 3', postalCode: '34117', city: 'Kassel' } } },
      ...Array.from({ length: 3 }, () => ({ operationId: 'createQuote', body: {} })),
      ...Array.from({ length: 3 }, () => ({ operationId: 'sendQuote', body: {} })),
      // One more quote, sent and accepted: invoices are made from accepted quotes only.
      { operationId: 'createQuote', body: {} },
      { operationId: 'sendQuote', body: {} },
      { operationId: 'acceptQuote', body: {} },
      // Payments are recorded against finalised invoices only (the fixture invoices): one to keep and
      // one the restore deletes.
      { operationId: 'recordPayment', body: {} },
      { operationId: 'recordPayment', body: {} },
      // They are recorded under their invoice; the list puts their ids where /finance/payments/{id} looks.
      { operationId: 'listPayments', body: {} },
      // Two drafts complete enough for §14(4) UStG (the bare example has no lines, no service date and
      // a contact without address), so that finalising succeeds: the example update re-copies the
      // recipient of the newest from a contact without address, the other stays complete.
      {
        operationId: 'createInvoice',
        body: {
          serviceDate: '2026-11-20',
          propertyRelated: false,
          recipient: { name: 'Familie Kühn', address: { street: 'Lindenallee 23', postalCode: '34128', city: 'Kassel', countryCode: 'DE' } },
          lines: [{ text: { de: 'Energieberatung', en: 'Energy consultation' }, quantity: '1', unit: 'flat', unitPriceCents: 165000, vatCategory: 'standard' }],
        },
      },
      {
        operationId: 'createInvoice',
        body: {
          serviceDate: '2026-11-20',
          propertyRelated: false,
          recipient: { name: 'Familie Kühn', address: { street: 'Lindenallee 23', postalCode: '34128', city: 'Kassel', countryCode: 'DE' } },
          lines: [{ text: { de: 'Energieberatung', en: 'Energy consultation' }, quantity: '1', unit: 'flat', unitPriceCents: 165000, vatCategory: 'standard' }],
        },
      },
    ],
    // A third: so does a new document version, after the restore's document took the second.
    lateRecords: [{ operationId: 'uploadFile', body: {} }],
  };
}

/**
 * A product in the catalogue: roles that read products without creating them (sales) find none
 * otherwise, as the catalogue is maintained by accounting.
 */
async function insertCatalogueProduct(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `insert into products (sku, name, kind, unit, unit_price_cents, vat_category, search_text)
       values ('FIXTURE-EB-01', '{"de":"Energieberatung","en":"Energy consultation"}', 'service', 'flat', 165000, 'standard', 'fixture-eb-01 energieberatung')`,
    );
  } finally {
    await client.end();
  }
}

/**
 * Complete organisation settings (with the DATEV accounts) and two finalised B2B invoices of the
 * sales department: only a finalised invoice takes payments, is sent, cancelled or exported as an
 * e-invoice, and finalising needs the settings' supplier data (§14(4) UStG), which no example body
 * of the settings PATCH carries whole.
 */
async function insertFinalisedInvoices(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`insert into finance_settings (singleton) values (true) on conflict do nothing`);
    await client.query(
      `update finance_settings set legal_name = 'Renewa Energieberatung GmbH', street = 'Sonnenstraße 12', postal_code = '80331', city = 'München',
         country_code = 'DE', tax_number = '143/123/45678', vat_id = 'DE123456789', iban = 'DE89370400440532013000', bic = 'COBADEFFXXX',
         email = 'rechnung@renewa.example', phone = '+4989123456', datev_consultant_number = 1234567, datev_client_number = 10001,
         datev_accounts = '{"revenueStandard":"8400","revenueReduced":"8300","revenueZeroPv":"8337","revenueExempt":"8100","bank":"1200","debtors":"1400"}'`,
    );
    for (const serial of [1, 2]) {
      await client.query(
        `with department as (select id from departments where name->>'en' = 'Sales'),
         contact as (
           insert into contacts (first_name, last_name, street, postal_code, city, country_code, department_id, search_text)
           select 'Petra', 'Kühn', 'Lindenallee 23', '34128', 'Kassel', 'DE', id, 'kühn' from department returning id, department_id),
         invoice as (
           insert into invoices (kind, contact_id, recipient_name, recipient_street, recipient_postal_code, recipient_city, recipient_country_code,
                                 recipient_is_business, recipient_vat_id, buyer_reference, property_related, service_date, department_id, search_text)
           select 'standalone', id, 'Wohnbau Kühn GmbH', 'Lindenallee 23', '34128', 'Kassel', 'DE', true, 'DE987654321', 'WK-2026-1', false, '2026-11-20', department_id, 'fixture'
             from contact returning id)
         insert into invoice_lines (invoice_id, position, text, quantity, unit, unit_price_cents, vat_category, vat_rate_basis_points, vat_rate_id, net_cents)
         select invoice.id, 1, '{"de":"Energieberatung","en":"Energy consultation"}', 1, 'flat', 165000, 'standard', 1900, vat_rates.id, 165000
           from invoice, vat_rates where vat_rates.category = 'standard' order by vat_rates.valid_from desc limit 1`,
      );
      await client.query(
        `update invoices set status = 'finalised', number = $1, series = 'FX-{YYYY}-{NNNNNN}', fiscal_year = 2026, serial = $2, issue_date = '2026-11-25', due_date = '2026-12-09',
           vat_breakdown = (select jsonb_build_array(jsonb_build_object('vatCategory', 'standard', 'rateBasisPoints', 1900, 'vatRateId', vat_rate_id, 'netCents', 165000, 'taxCents', 31350)) from invoice_lines where invoice_id = invoices.id),
           net_cents = 165000, tax_cents = 31350, gross_cents = 196350, amount_due_cents = 196350, finalised_at = now(),
           seller = '{"legalName":"Renewa Energieberatung GmbH","street":"Sonnenstraße 12","postalCode":"80331","city":"München","countryCode":"DE","taxNumber":"143/123/45678","vatId":"DE123456789","registerCourt":null,"registerNumber":null,"managingDirectors":[],"email":"rechnung@renewa.example","phone":"+4989123456","website":null,"iban":"DE89370400440532013000","bic":"COBADEFFXXX","bankName":null}'
         where id = (select id from invoices where status = 'draft' and search_text = 'fixture' order by created_at desc limit 1)`,
        [`FX-2026-00000${serial}`, serial],
      );
    }
  } finally {
    await client.end();
  }
}

/**
 * A dead-lettered delivery of a fixture event: dead letters only arise from ten failed deliveries
 * with backoff, and no operation creates one. Replaying it only re-queues the delivery (the relay
 * is off in tests).
 */
async function insertDeadLetter(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `with event as (
         insert into domain_events (id, type, aggregate_type, aggregate_id, payload, occurred_at)
         values (gen_random_uuid(), 'contract.fixture', 'fixture', gen_random_uuid(), '{}', now()) returning id)
       insert into event_deliveries (event_id, subscriber, status, attempts, next_attempt_at, last_attempt_at, last_error)
       select id, 'audit.log', 'dead', 10, now(), now(), 'fixture: never delivered' from event`,
    );
  } finally {
    await client.end();
  }
}

/**
 * A running and a failed workflow run (cancel and retry want one each): runs only arise from
 * events delivered by the relay to enabled workflows, which the fuzz run neither enables nor drains.
 */
async function insertWorkflowRuns(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const action = { type: 'wait', seconds: 60 };
    const event = { id: '00000000-0000-4000-8000-00000000e001', type: 'crm.lead.created', aggregateType: 'lead', aggregateId: '00000000-0000-4000-8000-00000000e002', actorId: null, occurredAt: '2026-01-15T09:30:00.000Z', payload: {} };
    await client.query(
      `with workflow as (
         insert into workflows (name, trigger_event_type, conditions, actions) values ('{"de":"Fixture","en":"Fixture"}', 'crm.lead.created', '[]', $1) returning id),
       runs as (
         insert into workflow_runs (workflow_id, workflow_version, event_id, event_type, event, status, finished_at, last_error)
         select id, 1, gen_random_uuid(), 'crm.lead.created', $2, s.status::workflow_run_status, s.finished_at, s.last_error
           from workflow, (values ('running', null::timestamptz, null), ('failed', now(), 'fixture: failed')) as s(status, finished_at, last_error)
         returning id, status)
       insert into workflow_run_steps (run_id, position, action_type, action, status, attempts, idempotency_key)
       select id, 0, 'wait', $3, case when status = 'failed' then 'dead'::workflow_step_status else 'queued'::workflow_step_status end, 1, id::text || '.0' from runs`,
      [JSON.stringify([action]), JSON.stringify(event), JSON.stringify(action)],
    );
  } finally {
    await client.end();
  }
}
