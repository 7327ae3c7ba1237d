import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** Organisation settings complete enough for §14(4) UStG (behind the API's back). */
export async function completeSettings(admin: Pool): Promise<void> {
  await admin.query(`insert into finance_settings (singleton) values (true) on conflict do nothing`);
  await admin.query(
    `update finance_settings set legal_name = 'Renewa Energieberatung GmbH', street = 'Sonnenstraße 12', postal_code = '80331', city = 'München',
       country_code = 'DE', email = 'rechnung@renewa.example', phone = '+4989123456', tax_number = '143/123/45678', vat_id = 'DE123456789', register_court = 'Amtsgericht München', register_number = 'HRB 123456',
       managing_directors = '["Dr. Anna Beispiel"]', iban = 'DE89370400440532013000', bic = 'COBADEFFXXX', bank_name = 'Commerzbank',
       datev_consultant_number = 1234567, datev_client_number = 10001,
       datev_accounts = '{"revenueStandard":"8400","revenueReduced":"8300","revenueZeroPv":"8337","revenueExempt":"8100","bank":"1200","debtors":"1400"}'`,
  );
}

/** A private customer with an address, in `departmentId`. */
export async function insertContact(admin: Pool, departmentId: string, lastName = 'Kühn'): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `insert into contacts (id, first_name, last_name, street, postal_code, city, country_code, department_id, search_text)
     values ($1, 'Petra', $2, 'Lindenallee 23', '34128', 'Kassel', 'DE', $3, lower($2))`,
    [id, lastName, departmentId],
  );
  return id;
}

/** A project of the contact, in `departmentId`, with the given status. */
export async function insertProject(admin: Pool, contactId: string, departmentId: string, status = 'in_execution'): Promise<string> {
  const id = randomUUID();
  await admin.query(
    `insert into projects (id, number, title, status, contact_id, interests, department_id, search_text)
     values ($1, $2, 'Haus Kühn', $3, $4, '{heat_pump}', $5, 'haus kühn')`,
    [id, `P-2026-${id.slice(0, 6)}`, status, contactId, departmentId],
  );
  return id;
}

export const consultationLine = { text: { de: 'Energieberatung mit iSFP', en: 'Energy consultation with iSFP' }, quantity: '1', unit: 'flat' as const, unitPriceCents: 165_000, vatCategory: 'standard' as const };
