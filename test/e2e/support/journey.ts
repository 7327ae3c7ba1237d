import { createApiClient, unwrap, type ApiClient } from '@libs/api-client';
import { departmentId, roleId } from './auth';
import { clientFor } from './crm-api';

/** The people of the journey, each signed in as a typed client with their standard roles. */
export interface JourneyCast {
  admin: ApiClient;
  visitor: ApiClient;
  sales: ApiClient;
  salesId: string;
  consultant: ApiClient;
  consultantId: string;
  /** Accounting: invoices and payments. */
  accountant: ApiClient;
  /** A salesperson of another sales department: must see nothing of the journey. */
  otherSales: ApiClient;
  salesDepartmentId: string;
  otherSalesDepartmentId: string;
}

async function staff(admin: ApiClient, baseUrl: string, email: string, department: string, roles: string[]) {
  const password = `${email}-Passw0rd!`;
  const user = await unwrap(admin.POST('/api/v1/users', { body: { email, name: email.split('@')[0], password, departmentId: department } }));
  await unwrap(admin.PUT('/api/v1/users/{id}/roles', { params: { path: { id: user.id } }, body: { roleIds: roles.map(roleId) } }));
  return { id: user.id, client: await clientFor(baseUrl, email, password) };
}

/** Creates the second sales department and the staff through the admin API. */
export async function castJourney(baseUrl: string, admin: ApiClient): Promise<JourneyCast> {
  const south = await unwrap(admin.POST('/api/v1/departments', { body: { name: { de: 'Vertrieb Süd', en: 'Sales south' } } }));
  const anna = await staff(admin, baseUrl, 'anna.vertrieb@renewa.test', departmentId('sales'), ['sales']);
  const erik = await staff(admin, baseUrl, 'erik.beratung@renewa.test', departmentId('energy_consulting'), ['energy_consultant']);
  const olaf = await staff(admin, baseUrl, 'olaf.sued@renewa.test', south.id, ['sales']);
  const bernd = await staff(admin, baseUrl, 'bernd.buchhaltung@renewa.test', departmentId('accounting'), ['accountant']);
  return {
    admin,
    visitor: createApiClient({ baseUrl }),
    sales: anna.client,
    salesId: anna.id,
    consultant: erik.client,
    consultantId: erik.id,
    accountant: bernd.client,
    otherSales: olaf.client,
    salesDepartmentId: departmentId('sales'),
    otherSalesDepartmentId: south.id,
  };
}

/**
 * The postcode rule as the consultancy configures it: website leads for a building in the 34xxx
 * area go to the sales department and its salesperson for the region.
 */
export async function createPostcodeRouting(admin: ApiClient, prefix: string, departmentIdValue: string, assigneeId: string): Promise<string> {
  const workflow = await unwrap(
    admin.POST('/api/v1/workflows', {
      body: {
        name: { de: `PLZ ${prefix}… an den Vertrieb`, en: `Postcode ${prefix}… to sales` },
        triggerEventType: 'crm.lead.created',
        conditions: [
          { path: 'payload.snapshot.source', op: 'eq', value: 'website_form' },
          { path: 'payload.snapshot.propertyPostalCode', op: 'startsWith', value: prefix },
        ],
        actions: [
          { type: 'update_field', entity: 'lead', field: 'departmentId', value: departmentIdValue },
          { type: 'update_field', entity: 'lead', field: 'assigneeId', value: assigneeId },
        ],
        enabled: true,
      },
    }),
  );
  return workflow.id;
}

/** Turns the seeded (disabled) confirmation workflow on and answers its id. */
export async function enableConfirmationWorkflow(admin: ApiClient): Promise<string> {
  const flows = await unwrap(admin.GET('/api/v1/workflows', { params: { query: { triggerEventType: 'automation.form.submitted' } } }));
  const confirmation = flows.items.find((w) => w.name.en === 'Confirmation of website enquiries');
  if (!confirmation) throw new Error('the seeded confirmation workflow is missing');
  await unwrap(
    admin.PATCH('/api/v1/workflows/{id}', {
      params: { path: { id: confirmation.id }, header: { 'If-Match': `"${confirmation.id}:${confirmation.version}"` } },
      body: { enabled: true },
    }),
  );
  return confirmation.id;
}

/** The ETag of a resource as the API answers it, for If-Match. */
export async function etagOf(request: Promise<{ response: Response }>): Promise<string> {
  const { response } = await request;
  const etag = response.headers.get('etag');
  if (!etag) throw new Error(`no ETag on ${response.url} (${response.status})`);
  return etag;
}
