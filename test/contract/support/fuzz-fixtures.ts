import { Client } from 'pg';
import type { BodyPayload } from './arbitraries';
import type { FuzzFixtures } from './anchors';
import type { FuzzContext } from './fuzz-context';
import { insertSalesDepartmentProject } from './projects-fixture';

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
};

/** Fixture records and state; `adminUrl`: superuser URL of the test database (for state no operation creates). */
export function fuzzFixtures(adminUrl: string): FuzzFixtures {
  return {
    before: async () => {
      await insertDeadLetter(adminUrl);
      await insertWorkflowRuns(adminUrl);
      await insertSalesDepartmentProject(adminUrl);
      await insertCatalogueProduct(adminUrl);
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
      // A second upload: the fresh document deleted for the restore needs a file no document uses yet.
      { operationId: 'uploadFile', body: {} },
      // Sent quotes for the PATCH (a new version), accept and reject anchors: a quote is sent only
      // to a recipient with an address, which the bare contact example lacks.
      { operationId: 'createContact', body: { address: { street: 'Quellenweg 3', postalCode: '34117', city: 'Kassel' } } },
      ...Array.from({ length: 3 }, () => ({ operationId: 'createQuote', body: {} })),
      ...Array.from({ length: 3 }, () => ({ operationId: 'sendQuote', body: {} })),
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
